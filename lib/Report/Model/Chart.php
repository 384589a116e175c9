<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A bar or line chart; writers draw it as an image and put its data table right after it. */
final class Chart implements Block {
	/**
	 * @param string $kind 'bar' | 'line'
	 * @param string $altText text alternative, required
	 * @param list<string> $labels
	 * @param list<ChartSeries> $series
	 */
	public function __construct(
		public readonly string $kind,
		public readonly string $title,
		public readonly string $altText,
		public readonly array $labels,
		public readonly array $series,
		public readonly float $min = 0.0,
		public readonly float $max = 5.0,
	) {
	}
}
