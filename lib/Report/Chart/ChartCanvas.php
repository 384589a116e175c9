<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

/**
 * What ChartPainter draws on: an SVG document or a GD image. Coordinates are in logical units
 * (origin top left); colours are "#rrggbb"; a dash pattern lists dash and gap lengths ([] = solid).
 */
interface ChartCanvas {
	public function rect(float $x, float $y, float $width, float $height, string $fill, ?string $stroke = null): void;

	/**
	 * An open line through the points.
	 *
	 * @param list<array{0: float, 1: float}> $points
	 * @param list<float> $dash
	 */
	public function polyline(array $points, string $color, float $width, array $dash = []): void;

	/** A point marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross'. */
	public function marker(float $x, float $y, string $shape, string $color, float $size): void;

	/**
	 * One line of text whose baseline starts (anchor 'start'), is centred ('middle') or ends ('end')
	 * at x; $angle rotates it counter-clockwise around that point, in degrees.
	 */
	public function text(float $x, float $y, string $text, float $size, string $color, string $anchor = 'start', bool $bold = false, float $angle = 0): void;

	/** The width of a line of text, as text() would draw it. */
	public function textWidth(string $text, float $size, bool $bold = false): float;
}
