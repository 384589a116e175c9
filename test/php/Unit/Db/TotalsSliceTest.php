<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\TotalsSlice;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\TestCase;

/**
 * Which rows results read: the range's whole quarters from the quarter rows (with "released
 * only" from the released quarter rows, which hold the released months only), the months
 * around them from the monthly rows, filtered by the months each organisation released.
 */
final class TotalsSliceTest extends TestCase {
	public function testAMonthLiesInTheQuarterOfItsYear(): void {
		self::assertSame([20261, 20261, 20262, 20263, 20264, 20264], array_map(TotalsSlice::quarterOf(...), ['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12']));
	}

	/**
	 * The slices results read, each as [table, column, ids, released].
	 *
	 * @param array<int, list<int>> $released
	 * @return list<array{string, string, list<int>, array<int, list<int>>|null}>
	 */
	private static function slices(string $from, string $to, bool $releasedOnly = false, array $released = []): array {
		$range = MonthRange::between($from, $to);
		$slices = TotalsSlice::forResults(new ConsolidationScope(1, $range, $releasedOnly, null, [2, 5], [2, 5], ScopePeriods::of($range), $released));
		return array_map(static fn (TotalsSlice $slice): array => [$slice->table, $slice->column, $slice->ids, $slice->released], $slices);
	}

	public function testTwoCalendarYearsAreEightQuarterRows(): void {
		self::assertSame([['pf_quarter_totals', 'quarter', [20251, 20252, 20253, 20254, 20261, 20262, 20263, 20264], null]], self::slices('2025-01', '2026-12'));
		self::assertSame([['pf_quarter_totals', 'quarter', [20263], null]], self::slices('2026-07', '2026-09'));
	}

	public function testTheMonthsAroundWholeQuartersComeFromTheMonthlyRows(): void {
		// periods 101… in month order: June is 101, July to September 102…104
		self::assertSame([['pf_quarter_totals', 'quarter', [20263], null], ['pf_month_totals', 'period_id', [101], null]], self::slices('2026-06', '2026-09'));
		// December 2024 to November 2026, as the bench's 24 months: 7 quarters and 3 months
		self::assertSame([
			['pf_quarter_totals', 'quarter', [20251, 20252, 20253, 20254, 20261, 20262, 20263], null],
			['pf_month_totals', 'period_id', [101, 123, 124], null],
		], self::slices('2024-12', '2026-11'));
	}

	public function testARangeWithoutAWholeQuarterReadsEveryMonth(): void {
		self::assertSame([['pf_month_totals', 'period_id', [101, 102, 103, 104], null]], self::slices('2026-08', '2026-11'));
		self::assertSame([['pf_month_totals', 'period_id', [101], null]], self::slices('2026-07', '2026-07'));
	}

	public function testReleasedOnlyReadsWholeQuartersFromTheReleasedQuarterRows(): void {
		// July to December: 101…106. Organisation 2 released both quarters, 5 October and
		// November only: the released quarter rows hold what each released, no filter needed.
		self::assertSame([['pf_quarter_released', 'quarter', [20263, 20264], null]], self::slices('2026-07', '2026-12', true, [2 => [101, 102, 103, 104, 105, 106], 5 => [104, 105]]));
		// nothing released: the released quarter rows are empty
		self::assertSame([['pf_quarter_released', 'quarter', [20263, 20264], null]], self::slices('2026-07', '2026-12', true, []));
	}

	public function testReleasedOnlyKeepsTheReleasedMonthsAroundTheQuarters(): void {
		// June to October: June 101, the third quarter 102…104, October 105. Organisation 2
		// released June, the quarter and October, 5 only October, 7 only the quarter.
		self::assertSame([
			['pf_quarter_released', 'quarter', [20263], null],
			['pf_month_totals', 'period_id', [101, 105], [2 => [101, 105], 5 => [105]]],
		], self::slices('2026-06', '2026-10', true, [2 => [101, 102, 103, 104, 105], 5 => [105], 7 => [102, 103, 104]]));
		// nothing released around the quarter: no monthly row counts
		self::assertSame([
			['pf_quarter_released', 'quarter', [20263], null],
			['pf_month_totals', 'period_id', [101, 105], []],
		], self::slices('2026-06', '2026-10', true, [7 => [102, 103, 104]]));
	}

	public function testReleasedOnlyWithoutAWholeQuarterFiltersEveryMonth(): void {
		self::assertSame([['pf_month_totals', 'period_id', [101, 102, 103, 104], [5 => [102, 104]]]], self::slices('2026-08', '2026-11', true, [5 => [102, 104]]));
	}

	public function testTheQuartersCoveredInPartAreAtTheEdges(): void {
		$parts = TotalsSlice::partQuarters(MonthRange::between('2024-12', '2026-11'));
		self::assertSame([20244, 20264], array_keys($parts));
		self::assertSame(['2024-10', '2024-12'], [$parts[20244]->from, $parts[20244]->to]);
		self::assertSame(['2026-10', '2026-12'], [$parts[20264]->from, $parts[20264]->to]);
		self::assertSame([], TotalsSlice::partQuarters(MonthRange::between('2025-01', '2026-12')));
		// one month: its quarter, once
		self::assertSame([20264], array_keys(TotalsSlice::partQuarters(MonthRange::between('2026-11', '2026-11'))));
	}

	public function testAQuarterCoveredInPartIsReadWholeWhenItsOtherMonthsAddNothing(): void {
		// September to December: the third quarter too (July and August add nothing)
		$range = MonthRange::between('2026-09', '2026-12');
		$slices = TotalsSlice::forResults(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), [20263]);
		self::assertSame([['pf_quarter_totals', 'quarter', [20263, 20264], null]], array_map(static fn (TotalsSlice $slice): array => [$slice->table, $slice->column, $slice->ids, $slice->released], $slices));
	}
}
