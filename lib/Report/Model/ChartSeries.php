<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** One series of a chart: a value (or none) per label. */
final class ChartSeries {
	/**
	 * @param list<float|null> $values
	 */
	public function __construct(
		public readonly string $name,
		public readonly array $values,
	) {
	}
}
