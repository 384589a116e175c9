<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\ConsolidationScope;

/**
 * Which rows of one totals table a consolidation scope reads: the months of pf_month_totals
 * (or pf_month_raters), or the quarters of pf_quarter_totals.
 *
 * Results read the range's whole quarters (a quarter, a calendar year) from the quarter rows, a
 * third of the rows, and the months around them from the monthly rows; the two slices are summed
 * each on its own index and added up in one query (forResults(), ConsolidationMapper; on
 * PostgreSQL the mapper reads the monthly rows alone then, as fast). Trend and participation are
 * per month and read the monthly rows only.
 * With "released only", the quarter rows serve only while every organisation released each
 * whole quarter in full or not at all; otherwise every month is read from the monthly rows.
 */
final class TotalsSlice {
	/**
	 * @param string $table MonthTotalsMapper::TOTALS, ::RATERS or ::QUARTERS
	 * @param string $column the table's column of the ids: period_id or quarter
	 * @param non-empty-list<int> $ids the periods or quarters covered
	 * @param array<int, list<int>> $released with "released only": organisation id => the ids of
	 *                                        $ids it released
	 */
	public function __construct(
		public readonly string $table,
		public readonly string $column,
		public readonly array $ids,
		public readonly array $released,
	) {
	}

	/** Every month of the scope, from a monthly table (TOTALS or RATERS). */
	public static function months(ConsolidationScope $scope, string $table = MonthTotalsMapper::TOTALS): self {
		return new self($table, 'period_id', array_values($scope->periodIds), $scope->releasedPeriodIds);
	}

	/**
	 * The rating totals of the scope: its whole quarters from the quarter rows and the months
	 * around them from the monthly rows, or every month from the monthly rows.
	 *
	 * @return non-empty-list<self> one slice, or the quarters' and then the months'
	 */
	public static function forResults(ConsolidationScope $scope): array {
		$quarters = [];
		$months = [];
		foreach ($scope->periodIds as $month => $periodId) {
			$quarter = self::quarterOf($month);
			if (strcmp(self::firstMonth($quarter), $scope->range->from) >= 0 && strcmp(self::lastMonth($quarter), $scope->range->to) <= 0) {
				$quarters[$quarter][] = $periodId;
			} else {
				$months[] = $periodId;
			}
		}
		if ($quarters === []) {
			return [self::months($scope)];
		}
		$releasedQuarters = [];
		$releasedMonths = [];
		foreach ($scope->releasedPeriodIds as $orgId => $periodIds) {
			foreach ($quarters as $quarter => $quarterPeriods) {
				$releasedOfQuarter = count(array_intersect($quarterPeriods, $periodIds));
				if ($releasedOfQuarter === count($quarterPeriods)) {
					$releasedQuarters[$orgId][] = $quarter;
				} elseif ($releasedOfQuarter > 0) {
					// part of a quarter released: only its months can tell which ratings count
					return [self::months($scope)];
				}
			}
			$releasedAround = array_values(array_intersect($periodIds, $months));
			if ($releasedAround !== []) {
				$releasedMonths[$orgId] = $releasedAround;
			}
		}
		$slices = [new self(MonthTotalsMapper::QUARTERS, 'quarter', array_keys($quarters), $releasedQuarters)];
		if ($months !== []) {
			$slices[] = new self(MonthTotalsMapper::TOTALS, 'period_id', $months, $releasedMonths);
		}
		return $slices;
	}

	/** The quarter a month (YYYY-MM) lies in, as stored in pf_quarter_totals: year × 10 + 1…4. */
	public static function quarterOf(string $month): int {
		return (int)substr($month, 0, 4) * 10 + intdiv((int)substr($month, 5, 2) - 1, 3) + 1;
	}

	private static function firstMonth(int $quarter): string {
		return sprintf('%04d-%02d', intdiv($quarter, 10), ($quarter % 10 - 1) * 3 + 1);
	}

	private static function lastMonth(int $quarter): string {
		return sprintf('%04d-%02d', intdiv($quarter, 10), ($quarter % 10) * 3);
	}
}
