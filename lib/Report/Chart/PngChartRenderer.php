<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

use OCA\PilotFeedback\Report\Model\Chart;

/** A chart as a PNG drawn through GD, for formats that need a bitmap. */
final class PngChartRenderer {
	public const WIDTH = ChartPainter::WIDTH * GdCanvas::SCALE;
	public const HEIGHT = ChartPainter::HEIGHT * GdCanvas::SCALE;

	public function __construct(
		private FontLocator $fonts = new FontLocator(),
	) {
	}

	public function render(Chart $chart, string $language = 'en'): string {
		$canvas = new GdCanvas(ChartPainter::WIDTH, ChartPainter::HEIGHT, $this->fonts);
		(new ChartPainter())->paint($chart, $canvas, $language);
		return $canvas->png();
	}
}
