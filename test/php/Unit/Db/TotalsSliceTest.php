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
 * Which rows results read: a range of whole quarters from the quarter rows, any other range
 * from the monthly rows, and with "released only" the quarter rows only while no organisation
 * released part of a quarter.
 */
final class TotalsSliceTest extends TestCase {
	public function testAMonthLiesInTheQuarterOfItsYear(): void {
		self::assertSame([20261, 20261, 20262, 20263, 20264, 20264], array_map(TotalsSlice::quarterOf(...), ['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12']));
	}

	/** @param array<int, list<int>> $released */
	private static function slice(string $from, string $to, bool $releasedOnly = false, array $released = []): array {
		$range = MonthRange::between($from, $to);
		$slice = TotalsSlice::forResults(new ConsolidationScope(1, $range, $releasedOnly, null, [2, 5], [2, 5], ScopePeriods::of($range), $released));
		return [$slice->table, $slice->column, $slice->ids, $slice->released];
	}

	public function testTwoCalendarYearsAreEightQuarterRows(): void {
		self::assertSame(['pf_quarter_totals', 'quarter', [20251, 20252, 20253, 20254, 20261, 20262, 20263, 20264], []], self::slice('2025-01', '2026-12'));
		self::assertSame(['pf_quarter_totals', 'quarter', [20263], []], self::slice('2026-07', '2026-09'));
	}

	public function testARangeWithAMonthOutsideAWholeQuarterReadsEveryMonth(): void {
		// periods 101… in month order
		self::assertSame(['pf_month_totals', 'period_id', [101, 102, 103, 104], []], self::slice('2026-06', '2026-09'));
		self::assertSame(['pf_month_totals', 'period_id', [101, 102, 103, 104], []], self::slice('2026-07', '2026-10'));
		self::assertSame(['pf_month_totals', 'period_id', [101], []], self::slice('2026-07', '2026-07'));
	}

	public function testReleasedOnlyReadsQuarterRowsWhileEveryQuarterIsReleasedInFullOrNotAtAll(): void {
		// July to December: 101…106. Organisation 2 released both quarters, 5 the fourth only.
		self::assertSame(['pf_quarter_totals', 'quarter', [20263, 20264], [2 => [20263, 20264], 5 => [20264]]], self::slice('2026-07', '2026-12', true, [2 => [101, 102, 103, 104, 105, 106], 5 => [104, 105, 106]]));
		// 5 released October and November, not December: its months decide
		self::assertSame(['pf_month_totals', 'period_id', [101, 102, 103, 104, 105, 106], [2 => [101, 102, 103, 104, 105, 106], 5 => [104, 105]]], self::slice('2026-07', '2026-12', true, [2 => [101, 102, 103, 104, 105, 106], 5 => [104, 105]]));
		// nothing released: quarter rows, none of them kept
		self::assertSame(['pf_quarter_totals', 'quarter', [20263, 20264], []], self::slice('2026-07', '2026-12', true, []));
	}
}
