<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

use OCA\PilotFeedback\Report\Model\Chart;

/** A chart as an SVG document, with its title and alt text as <title> and <desc>. */
final class SvgChartRenderer {
	public function render(Chart $chart, string $language = 'en'): string {
		$canvas = new SvgCanvas();
		(new ChartPainter())->paint($chart, $canvas, $language);
		return $canvas->document(ChartPainter::WIDTH, ChartPainter::HEIGHT, $chart->title, $chart->altText);
	}
}
