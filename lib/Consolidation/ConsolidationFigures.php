<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Model\MonthRange;

/**
 * What the consolidated results, trend and participation share: the mean as every figure
 * rounds it, and the range as every answer names it.
 *
 * @psalm-import-type PilotFeedbackConsolidationRange from \OCA\PilotFeedback\ResponseDefinitions
 */
final class ConsolidationFigures {
	private function __construct() {
	}

	/** The mean of n scores summing to $sum, to two decimals; null without scores. */
	public static function mean(int $sum, int $n): ?float {
		return $n === 0 ? null : round($sum / $n, 2);
	}

	/** @return PilotFeedbackConsolidationRange */
	public static function range(MonthRange $range): array {
		return ['from' => $range->from, 'to' => $range->to, 'months' => $range->months()];
	}
}
