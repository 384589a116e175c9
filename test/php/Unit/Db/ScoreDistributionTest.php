<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\ScoreDistribution;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use OCP\DB\IResult;
use OCP\DB\QueryBuilder\IExpressionBuilder;
use OCP\DB\QueryBuilder\IFunctionBuilder;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;

/**
 * The score distribution that ratingStats and monthlyScores both build from the summed monthly
 * totals, and the figures they derive from it (n, sum, not assessed), from rows as the
 * databases return them: sums as strings (SQLite, PostgreSQL) or integers (MariaDB).
 */
final class ScoreDistributionTest extends TestCase {
	public function testTheDistributionIsReadFromTheSummedColumnsScoreOneFirst(): void {
		$this->assertSame([1, 0, 12, 4, 7], ScoreDistribution::of(['s1' => '1', 's2' => '0', 's3' => '12', 's4' => 4, 's5' => 7, 'ratings' => '30']));
	}

	public function testAMissingOrNullSumCountsAsNone(): void {
		$this->assertSame([0, 0, 3, 0, 0], ScoreDistribution::of(['s1' => null, 's3' => '3']));
	}

	public function testTheSumWeighsEachCountByItsScore(): void {
		$this->assertSame(1 * 1 + 3 * 12 + 4 * 4 + 5 * 7, ScoreDistribution::sum([1, 0, 12, 4, 7]));
		$this->assertSame(0, ScoreDistribution::sum([0, 0, 0, 0, 0]));
	}

	/** @param list<array<string, mixed>> $rows what the query returns */
	private function mapper(array $rows): ConsolidationMapper {
		$result = $this->createMock(IResult::class);
		$result->method('fetch')->willReturnOnConsecutiveCalls(...[...$rows, false]);
		$qb = $this->createMock(IQueryBuilder::class);
		foreach (['select', 'addSelect', 'selectAlias', 'from', 'where', 'andWhere', 'groupBy', 'addGroupBy', 'innerJoin'] as $method) {
			$qb->method($method)->willReturnSelf();
		}
		$qb->method('expr')->willReturn($this->createMock(IExpressionBuilder::class));
		$qb->method('func')->willReturn($this->createMock(IFunctionBuilder::class));
		$qb->method('executeQuery')->willReturn($result);
		$db = $this->createMock(IDBConnection::class);
		$db->method('getQueryBuilder')->willReturn($qb);
		return new ConsolidationMapper($db);
	}

	private static function scope(): ConsolidationScope {
		return new ConsolidationScope(1, MonthRange::between('2026-10', '2026-12'), false, null, [2, 5], [2, 5], ScopePeriods::of(MonthRange::between('2026-10', '2026-12')));
	}

	public function testRatingStatsDerivesNSumAndNotAssessedFromTheDistribution(): void {
		$rows = $this->mapper([
			['component_id' => '3', 'criterion_id' => '8', 'org_id' => '2', 'ratings' => '10', 's1' => '1', 's2' => '0', 's3' => '2', 's4' => '3', 's5' => '1'],
			['component_id' => 4, 'criterion_id' => 9, 'org_id' => 5, 'ratings' => 2, 's1' => 0, 's2' => 0, 's3' => 0, 's4' => 0, 's5' => 0],
		])->ratingStats(self::scope(), null, false, true);

		$this->assertSame([
			['componentId' => 3, 'criterionId' => 8, 'organisationId' => 2, 'total' => 10, 'n' => 7, 'sum' => 1 + 6 + 12 + 5, 'distribution' => [1, 0, 2, 3, 1], 'notAssessed' => 3],
			['componentId' => 4, 'criterionId' => 9, 'organisationId' => 5, 'total' => 2, 'n' => 0, 'sum' => 0, 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 2],
		], $rows);
	}

	public function testMonthlyScoresGivesNAndSumPerMonthAndLeavesOutMonthsWithoutScores(): void {
		$rows = $this->mapper([
			['component_id' => '3', 'period_id' => '101', 's1' => '0', 's2' => '1', 's3' => '0', 's4' => '2', 's5' => '0'],
			['component_id' => '3', 'period_id' => '102', 's1' => '0', 's2' => '0', 's3' => '0', 's4' => '0', 's5' => '0'],
			['component_id' => '3', 'period_id' => 103, 's1' => 0, 's2' => 0, 's3' => 0, 's4' => 0, 's5' => 4],
		])->monthlyScores(self::scope(), null, true);

		$this->assertSame([
			['componentId' => 3, 'criterionId' => null, 'month' => '2026-10', 'n' => 3, 'sum' => 2 + 8],
			['componentId' => 3, 'criterionId' => null, 'month' => '2026-12', 'n' => 4, 'sum' => 20],
		], $rows);
	}
}
