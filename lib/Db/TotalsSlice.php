<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;

/**
 * Which rows of one totals table a consolidation scope reads: the months of pf_month_totals
 * (or pf_month_raters), or the quarters of pf_quarter_totals (pf_quarter_released with
 * "released only").
 *
 * Results read the range's whole quarters (a quarter, a calendar year) from the quarter rows, a
 * third of the rows, and the months around them from the monthly rows; the two slices are summed
 * each on its own index and added up in one query (forResults(), ConsolidationMapper; on
 * PostgreSQL the mapper reads the monthly rows alone then, as fast). Trend and participation are
 * per month and read the monthly rows only.
 * With "released only", the monthly rows are filtered by the (organisation, month) pairs
 * released; the released quarter rows hold the released months only and need no filter.
 */
final class TotalsSlice {
	/**
	 * @param string $table MonthTotalsMapper::TOTALS, ::RATERS, ::QUARTERS or ::RELEASED_QUARTERS
	 * @param string $column the table's column of the ids: period_id or quarter
	 * @param non-empty-list<int> $ids the periods or quarters covered
	 * @param array<int, list<int>>|null $released only these rows count: organisation id => the
	 *                                             ids of $ids it released (null: every row)
	 */
	public function __construct(
		public readonly string $table,
		public readonly string $column,
		public readonly array $ids,
		public readonly ?array $released,
	) {
	}

	/** Every month of the scope, from a monthly table (TOTALS or RATERS). */
	public static function months(ConsolidationScope $scope, string $table = MonthTotalsMapper::TOTALS): self {
		return new self($table, 'period_id', array_values($scope->periodIds), $scope->releasedOnly ? $scope->releasedPeriodIds : null);
	}

	/**
	 * Every month of the scope, every row, released or not: for queries grouped by organisation
	 * and month, whose caller keeps the months released.
	 */
	public static function everyMonth(ConsolidationScope $scope, string $table = MonthTotalsMapper::TOTALS): self {
		return new self($table, 'period_id', array_values($scope->periodIds), null);
	}

	/**
	 * The rating totals of the scope: its whole quarters from the quarter rows and the months
	 * around them from the monthly rows, or every month from the monthly rows.
	 *
	 * @param list<int> $wholeToo quarters the range covers in part whose months outside the
	 *                            range add nothing to the scope (ConsolidationMapper): read as whole
	 * @return non-empty-list<self> one slice, or the quarters' and then the months'
	 */
	public static function forResults(ConsolidationScope $scope, array $wholeToo = []): array {
		$quarters = [];
		$months = [];
		$inPart = self::partQuarters($scope->range);
		foreach ($scope->periodIds as $month => $periodId) {
			$quarter = self::quarterOf($month);
			if (!isset($inPart[$quarter]) || in_array($quarter, $wholeToo, true)) {
				$quarters[$quarter][] = $periodId;
			} else {
				$months[] = $periodId;
			}
		}
		if ($quarters === []) {
			return [self::months($scope)];
		}
		$quarterTable = $scope->releasedOnly ? MonthTotalsMapper::RELEASED_QUARTERS : MonthTotalsMapper::QUARTERS;
		$slices = [new self($quarterTable, 'quarter', array_keys($quarters), null)];
		if ($months !== []) {
			$released = null;
			if ($scope->releasedOnly) {
				$released = [];
				foreach ($scope->releasedPeriodIds as $orgId => $periodIds) {
					$releasedAround = array_values(array_intersect($periodIds, $months));
					if ($releasedAround !== []) {
						$released[$orgId] = $releasedAround;
					}
				}
			}
			$slices[] = new self(MonthTotalsMapper::TOTALS, 'period_id', $months, $released);
		}
		return $slices;
	}

	/**
	 * The quarters the range covers in part, each with all its months: at most the first and
	 * the last.
	 *
	 * @return array<int, MonthRange> quarter => its months
	 */
	public static function partQuarters(MonthRange $range): array {
		$parts = [];
		foreach ([self::quarterOf($range->from), self::quarterOf($range->to)] as $quarter) {
			$months = MonthRange::between(self::firstMonth($quarter), self::lastMonth($quarter));
			if (strcmp($months->from, $range->from) < 0 || strcmp($months->to, $range->to) > 0) {
				$parts[$quarter] = $months;
			}
		}
		return $parts;
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
