<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit;

use OCA\PilotFeedback\Model\MonthRange;

/** Reporting periods for a test's ConsolidationScope: one per month of the range, ids from 101. */
final class ScopePeriods {
	/** @return non-empty-array<string, int> month => period id */
	public static function of(MonthRange $range): array {
		$periods = [];
		foreach ($range->months() as $index => $month) {
			$periods[$month] = 101 + $index;
		}
		/** @var non-empty-array<string, int> */
		return $periods;
	}
}
