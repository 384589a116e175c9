<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Chart;

use OCA\PilotFeedback\Report\Chart\ChartPainter;
use OCA\PilotFeedback\Report\Chart\ChartStyle;
use OCA\PilotFeedback\Report\Chart\SvgChartRenderer;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

final class SvgChartRendererTest extends TestCase {
	private const NS = ['svg' => 'http://www.w3.org/2000/svg'];

	public function testBarChartHasTitleAltTextLegendAxisAndOneBarPerValue(): void {
		$chart = new Chart('bar', 'Bewertung <je> Komponente', 'Balken & mehr', ['Anmeldung', 'Suche', 'Export'], [
			new ChartSeries('Oktober', [3.5, null, 5.0]),
			new ChartSeries('November', [1.0, 2.25, 0.0]),
		]);
		$svg = Samples::xpath((new SvgChartRenderer())->render($chart, 'de'), self::NS);

		$this->assertSame('img', $svg->evaluate('string(/svg:svg/@role)'));
		$this->assertSame('Bewertung <je> Komponente', $svg->evaluate('string(/svg:svg/svg:title)'));
		$this->assertSame('Balken & mehr', $svg->evaluate('string(/svg:svg/svg:desc)'));
		$texts = array_map(static fn (\DOMNode $n): string => $n->textContent, iterator_to_array($svg->query('//svg:text')));
		// Axis ticks as short as they can be; bar values with two decimals, as the tables print means.
		foreach (['Oktober', 'November', 'Anmeldung', 'Suche', 'Export', '0', '5', '2,25', '3,50', '5,00', '1,00'] as $text) {
			$this->assertContains($text, $texts);
		}
		$this->assertNotContains('3,5', $texts);
		// A legend swatch per series plus 5 bars: the null is left out; colours from the palette.
		$this->assertSame(1.0 + 2.0, $svg->evaluate('count(//svg:rect[@fill="' . ChartStyle::color(0) . '"])'));
		$this->assertSame(1.0 + 3.0, $svg->evaluate('count(//svg:rect[@fill="' . ChartStyle::color(1) . '"])'));
	}

	public function testLineChartBreaksAtGapsAndDashesTheSecondSeries(): void {
		$chart = new Chart('line', 'Verlauf', 'Linien', ['10', '11', '12', '01'], [
			new ChartSeries('A', [1.0, 2.0, null, 4.0]),
			new ChartSeries('B', [5.0, 4.0, 3.0, 2.0]),
		]);
		$svg = Samples::xpath((new SvgChartRenderer())->render($chart), self::NS);

		$a = '//svg:polyline[@stroke="' . ChartStyle::color(0) . '"]';
		$b = '//svg:polyline[@stroke="' . ChartStyle::color(1) . '"]';
		// A: legend line + one run of two points (the lone 4.0 is a marker only).
		$this->assertSame(2.0, $svg->evaluate("count($a)"));
		$this->assertSame(2.0, $svg->evaluate("count($b)"));
		$this->assertSame('', $svg->evaluate("string($a/@stroke-dasharray)"));
		$this->assertSame('10 5', $svg->evaluate("string($b/@stroke-dasharray)"));
		$this->assertSame(4, count(explode(' ', $svg->evaluate("string(($b)[2]/@points)"))));
		// Markers: circles for A (legend + 3 points), squares for B.
		$this->assertSame(4.0, $svg->evaluate('count(//svg:circle)'));
	}

	public function testValuesAreDrawnOnTheirScale(): void {
		$chart = new Chart('line', '', 'x', ['a', 'b'], [new ChartSeries('A', [0.0, 5.0])]);
		$svg = Samples::xpath((new SvgChartRenderer())->render($chart), self::NS);
		$points = explode(' ', $svg->evaluate('string((//svg:polyline[@stroke="' . ChartStyle::color(0) . '"])[2]/@points)'));
		[, $y0] = explode(',', $points[0]);
		[, $y5] = explode(',', $points[1]);
		// The 0 sits on the axis line, 5 at the top grid line, whose label is "5".
		$axis = explode(' ', $svg->evaluate('string(//svg:polyline[@stroke="#555555"]/@points)'));
		$this->assertSame(explode(',', $axis[1])[1], $y0);
		$this->assertSame(explode(',', $axis[0])[1], $y5);
		$this->assertSame([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], ChartPainter::ticks(0, 5));
		$this->assertSame([0.0, 20.0, 40.0, 60.0, 80.0, 100.0], ChartPainter::ticks(0, 100));
	}
}
