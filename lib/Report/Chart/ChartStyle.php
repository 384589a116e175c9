<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

/**
 * How series are told apart without relying on colour alone: the Okabe–Ito palette
 * (readable with the common colour-vision deficiencies), plus a dash pattern and a marker shape
 * per series for lines.
 */
final class ChartStyle {
	/** Okabe–Ito, ordered so that neighbouring series differ most; yellow and black last. */
	/** @var list<string> */
	public const COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
	/** @var list<list<float>> */
	public const DASHES = [[], [10.0, 5.0], [3.0, 4.0], [12.0, 4.0, 3.0, 4.0], [6.0, 6.0], [2.0, 2.0]];
	/** @var list<string> */
	public const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'];

	public static function color(int $series): string {
		return self::COLORS[abs($series) % count(self::COLORS)];
	}

	/** @return list<float> */
	public static function dash(int $series): array {
		return self::DASHES[abs($series) % count(self::DASHES)];
	}

	public static function marker(int $series): string {
		return self::MARKERS[abs($series) % count(self::MARKERS)];
	}
}
