<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Chart;

use OCA\PilotFeedback\Report\Chart\ChartStyle;
use OCA\PilotFeedback\Report\Chart\FontLocator;
use OCA\PilotFeedback\Report\Chart\PngChartRenderer;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use PHPUnit\Framework\TestCase;

final class PngChartRendererTest extends TestCase {
	private static function chart(): Chart {
		return new Chart('bar', 'Bewertung', 'Balken', ['Übersicht', 'Suche'], [new ChartSeries('Oktober', [4.0, 2.0])]);
	}

	/** @return array<string, int> colour "#RRGGBB" => how many pixels have it */
	private static function colours(string $png): array {
		$image = imagecreatefromstring($png);
		\assert($image !== false);
		$counts = [];
		for ($x = 0; $x < imagesx($image); $x += 4) {
			for ($y = 0; $y < imagesy($image); $y += 4) {
				$key = sprintf('#%06X', imagecolorat($image, $x, $y));
				$counts[$key] = ($counts[$key] ?? 0) + 1;
			}
		}
		return $counts;
	}

	public function testDrawsABitmapOfTheChartsSizeInThePaletteColours(): void {
		$png = (new PngChartRenderer())->render(self::chart());

		$size = getimagesizefromstring($png);
		$this->assertSame([PngChartRenderer::WIDTH, PngChartRenderer::HEIGHT, IMAGETYPE_PNG], [$size[0] ?? 0, $size[1] ?? 0, $size[2] ?? 0]);
		$colours = self::colours($png);
		// The bars cover a good part of the picture; nothing of the second colour is drawn.
		$this->assertGreaterThan(2000, $colours[ChartStyle::color(0)] ?? 0);
		$this->assertArrayNotHasKey(ChartStyle::color(1), $colours);
	}

	public function testFindsAnInstalledFontAndFallsBackToGdsOwn(): void {
		$this->assertNotNull((new FontLocator())->regular(), 'fonts-noto-core or fonts-dejavu-core is installed (.ci/run installs it)');
		$this->assertNull((new FontLocator(['/nonexistent.ttf']))->regular());
		$png = (new PngChartRenderer(new FontLocator([])))->render(self::chart());
		$this->assertSame("\x89PNG", substr($png, 0, 4));
		$this->assertGreaterThan(2000, self::colours($png)[ChartStyle::color(0)] ?? 0);
	}
}
