<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use OCP\DB\IResult;
use OCP\DB\QueryBuilder\IExpressionBuilder;
use OCP\DB\QueryBuilder\IFunctionBuilder;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;

/**
 * Whose ratings the consolidation queries count: the organisations the scope lists as taking
 * part in the pilot (archived ones too), narrowed to those asked for. The list comes with the
 * scope; the mapper reads no link table itself, and the range's periods come with it too.
 * Pilot 1: organisations 2, 5 and 7 (7 archived).
 */
final class ConsolidationMapperTest extends TestCase {
	/** The period ids of the scope's range, 2026-10 to 2026-12 (ScopePeriods). */
	private const PERIODS = [101, 102, 103];

	/** @var list<string> the tables each query read from */
	private array $tables = [];
	/** @var list<list<int>> the organisation id lists the queries were bound to */
	private array $organisationLists = [];
	/** @var list<list<int>> the period id lists the queries were bound to */
	private array $periodLists = [];
	/** @var list<list<int>> the quarter lists the queries were bound to (2026-Q4: 20264) */
	private array $quarterLists = [];
	/** @var list<list<array<string, int|string>>> the rows each query answers, in turn (then none) */
	private array $answers = [];

	private function mapper(string $database = IDBConnection::PLATFORM_SQLITE): ConsolidationMapper {
		$qb = $this->createMock(IQueryBuilder::class);
		foreach (['select', 'addSelect', 'selectAlias', 'selectDistinct', 'where', 'andWhere', 'groupBy', 'addGroupBy', 'innerJoin', 'orderBy', 'setMaxResults'] as $method) {
			$qb->method($method)->willReturnSelf();
		}
		$qb->method('from')->willReturnCallback(function (string|IQueryFunction $table) use ($qb): IQueryBuilder {
			// a table, or the sum of several slices' queries (UNION ALL)
			$this->tables[] = is_string($table) ? $table : 'union';
			return $qb;
		});
		$qb->method('createNamedParameter')->willReturnCallback(function (mixed $value, mixed $type = IQueryBuilder::PARAM_STR): string {
			if ($type === IQueryBuilder::PARAM_INT_ARRAY && $value === self::PERIODS) {
				$this->periodLists[] = $value;
			} elseif ($type === IQueryBuilder::PARAM_INT_ARRAY && $value === [20264]) {
				$this->quarterLists[] = $value;
			} elseif ($type === IQueryBuilder::PARAM_INT_ARRAY) {
				$this->organisationLists[] = $value;
			}
			return ':param';
		});
		$qb->method('createFunction')->willReturn($this->createMock(IQueryFunction::class));
		$qb->method('expr')->willReturn($this->createMock(IExpressionBuilder::class));
		$qb->method('func')->willReturn($this->createMock(IFunctionBuilder::class));
		$qb->method('executeQuery')->willReturnCallback(function (): IResult {
			$rows = array_shift($this->answers) ?? [];
			$result = $this->createMock(IResult::class);
			$result->method('fetch')->willReturnCallback(static function () use (&$rows): array|false {
				return array_shift($rows) ?? false;
			});
			return $result;
		});
		$db = $this->createMock(IDBConnection::class);
		$db->method('getQueryBuilder')->willReturn($qb);
		$db->method('getDatabaseProvider')->willReturn($database);
		return new ConsolidationMapper($db);
	}

	/** @param list<int> $takingPart */
	private static function scope(array $takingPart = [2, 5, 7]): ConsolidationScope {
		// the breakdown lists 2 and 5 only: 7 is archived
		return new ConsolidationScope(1, MonthRange::between('2026-10', '2026-12'), false, null, [2, 5], $takingPart, ScopePeriods::of(MonthRange::between('2026-10', '2026-12')));
	}

	public function testAcrossAllOrganisationsEveryOrganisationTakingPartCountsTheArchivedToo(): void {
		$mapper = $this->mapper();
		$mapper->ratingStats(self::scope(), null, false, true);
		$mapper->monthlyScores(self::scope(), null, true);
		self::assertSame([[2, 5, 7], [2, 5, 7]], $this->organisationLists);
	}

	public function testOrganisationsAskedForCountOnlyIfTheyTakePart(): void {
		$mapper = $this->mapper();
		$mapper->monthlyScores(self::scope(), [5, 7, 9], false);
		$mapper->raterIds(self::scope(), [9, 2]);
		self::assertSame([[5, 7], [2]], $this->organisationLists);
	}

	public function testParticipationReadsTheTotalsAndTheRatersOfTheOrganisationsTakingPart(): void {
		$this->mapper()->participation(self::scope(), [7, 8]);
		self::assertSame([[7], [7]], $this->organisationLists);
		self::assertSame(['pf_month_totals', 'pf_month_raters'], $this->tables);
	}

	public function testWhenNoOrganisationTakesPartNoRowMatches(): void {
		$this->mapper()->monthlyScores(self::scope([]), null, true);
		$this->mapper()->ratingStats(self::scope([]), null, true, false);
		self::assertSame([[-1], [-1]], $this->organisationLists);
	}

	public function testTheOrganisationsTakingPartAreNotReadAgain(): void {
		$mapper = $this->mapper();
		$mapper->ratingStats(self::scope(), null, true, true);
		$mapper->raters(self::scope(), [2], ['rki-tester1']);
		self::assertNotContains('pf_org_pilots', $this->tables);
		self::assertSame(['pf_quarter_totals', 'pf_month_raters'], $this->tables);
	}

	public function testTheRangesPeriodsAreBoundAsAListAndNoPeriodIsReadAgain(): void {
		$mapper = $this->mapper();
		$mapper->monthlyScores(self::scope(), null, true);
		$mapper->participation(self::scope(), [2]);
		self::assertSame([self::PERIODS, self::PERIODS, self::PERIODS], $this->periodLists);
		self::assertNotContains('pf_periods', $this->tables);
	}

	public function testResultsReadAWholeQuarterFromItsQuarterRowsAndAnyOtherRangeFromTheMonthlyOnes(): void {
		$mapper = $this->mapper();
		$mapper->ratingStats(self::scope(), null, false, false);
		self::assertSame([[20264]], $this->quarterLists);
		self::assertSame(['pf_quarter_totals'], $this->tables);

		// September to December (periods 101…104): the fourth quarter from its quarter rows,
		// September from the monthly ones, added up in one query; July (period 99) has ratings
		$this->tables = [];
		$this->organisationLists = [];
		$this->outsideHasRatings([99]);
		$range = MonthRange::between('2026-09', '2026-12');
		$mapper->ratingStats(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), null, false, false);
		self::assertSame(['pf_periods', 'pf_month_totals', 'pf_quarter_totals', 'pf_month_totals', 'union'], $this->tables);
		self::assertSame([[20264], [20264]], $this->quarterLists);
		self::assertSame([[99], [2, 5], [2, 5], [101], [2, 5]], $this->organisationLists);

		// on PostgreSQL from the monthly rows alone, which it sums as fast
		$this->tables = [];
		$this->organisationLists = [];
		$this->outsideHasRatings([99]);
		$this->mapper(IDBConnection::PLATFORM_POSTGRES)->ratingStats(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), null, false, false);
		self::assertSame(['pf_periods', 'pf_month_totals', 'pf_month_totals'], $this->tables);
		self::assertSame([[99], [2, 5], [101, 102, 103, 104], [2, 5]], $this->organisationLists);

		// August to November: no whole quarter (July and December have ratings), every month
		// from the monthly rows
		$this->tables = [];
		$this->organisationLists = [];
		$this->outsideHasRatings([98], [105]);
		$range = MonthRange::between('2026-08', '2026-11');
		$mapper->ratingStats(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), null, false, false);
		self::assertSame(['pf_periods', 'pf_month_totals', 'pf_periods', 'pf_month_totals', 'pf_month_totals'], $this->tables);
		self::assertSame([[98], [2, 5], [105], [2, 5], [101, 102, 103, 104], [2, 5]], $this->organisationLists);
	}

	/**
	 * The database's answers for the quarters a range covers in part, in turn: each has one
	 * reporting period outside the range (these ids), which holds ratings.
	 *
	 * @param list<int> ...$outside per quarter, its periods outside the range
	 */
	private function outsideHasRatings(array ...$outside): void {
		foreach ($outside as $periodIds) {
			$this->answers[] = array_map(static fn (int $id): array => ['id' => $id, 'month' => '1999-0' . ($id % 9 + 1)], $periodIds);
			$this->answers[] = [['period_id' => $periodIds[0]]];
		}
	}

	public function testAQuarterCoveredInPartIsReadWholeWhenItsOtherMonthsAddNothing(): void {
		// September to December: July and August are no reporting periods
		$range = MonthRange::between('2026-09', '2026-12');
		$this->answers = [[]];
		$this->mapper()->ratingStats(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), null, false, false);
		self::assertSame(['pf_periods', 'pf_quarter_totals'], $this->tables);
		// the third quarter (September alone) and the fourth
		self::assertSame([[20263, 20264], [2, 5]], $this->organisationLists);

		// October and November, released only: December (period 109) is a period, released by
		// none of the organisations taking part
		$this->tables = [];
		$this->organisationLists = [];
		$range = MonthRange::between('2026-10', '2026-11');
		$this->answers = [[['id' => 109, 'month' => '2026-12']], []];
		$this->mapper()->ratingStats(new ConsolidationScope(1, $range, true, null, [2, 5], [2, 5], ScopePeriods::of($range), [2 => [101]]), null, false, true);
		self::assertSame(['pf_periods', 'pf_releases', 'pf_quarter_released'], $this->tables);
		self::assertSame([[109], [2, 5], [2, 5]], $this->organisationLists);
	}

	public function testReleasedOnlyKeepsTheReleasedOrganisationMonthsWithoutJoiningTheReleases(): void {
		$range = MonthRange::between('2026-11', '2027-01');
		// no whole quarter: organisation 2 released November and January, 5 December; k = 104
		// (above period 103)
		$scope = new ConsolidationScope(1, $range, true, null, [2, 5], [2, 5], ScopePeriods::of($range), [2 => [101, 103], 5 => [102]]);
		// October and February are periods, released by organisation 2
		$this->answers = [[['id' => 90, 'month' => '2026-10']], [['period_id' => 90]], [['id' => 91, 'month' => '2027-02']], [['period_id' => 91]]];
		$this->mapper()->ratingStats($scope, null, false, true);
		self::assertSame([[90], [2, 5], [91], [2, 5], [2, 5], [2 * 104 + 101, 2 * 104 + 103, 5 * 104 + 102]], $this->organisationLists);
		self::assertSame(['pf_periods', 'pf_releases', 'pf_periods', 'pf_releases', 'pf_month_totals'], $this->tables);
	}

	public function testReleasedOnlyReadsAWholeQuarterFromTheReleasedQuarterRowsUnfiltered(): void {
		$range = MonthRange::between('2026-10', '2026-12');
		// organisation 2 released the whole quarter, 5 November only: the released quarter rows
		// hold what each released, so only the organisations taking part are listed
		$scope = new ConsolidationScope(1, $range, true, null, [2, 5], [2, 5], ScopePeriods::of($range), [2 => [101, 102, 103], 5 => [102]]);
		$this->mapper()->ratingStats($scope, null, false, true);
		self::assertSame(['pf_quarter_released'], $this->tables);
		self::assertSame([[20264]], $this->quarterLists);
		self::assertSame([[2, 5]], $this->organisationLists);
	}

	public function testReleasedOnlyWithNothingReleasedMatchesNoRow(): void {
		$range = MonthRange::between('2026-11', '2027-01');
		$scope = new ConsolidationScope(1, $range, true, null, [2, 5], [2, 5], ScopePeriods::of($range), []);
		$mapper = $this->mapper();
		$this->answers = [[['id' => 90, 'month' => '2026-10']], [['period_id' => 90]], [['id' => 91, 'month' => '2027-02']], [['period_id' => 91]]];
		$mapper->ratingStats($scope, null, false, true);
		$mapper->monthlyScores($scope, null, true);
		self::assertSame([[90], [2, 5], [91], [2, 5], [2, 5], [-1], [2, 5], [-1]], $this->organisationLists);
	}

	public function testReleasedOnlyParticipationReadsEveryMonthAndKeepsTheReleasedOnes(): void {
		// organisation 2 released October (101), 5 November (102)
		$scope = new ConsolidationScope(1, MonthRange::between('2026-10', '2026-12'), true, null, [2, 5], [2, 5], ScopePeriods::of(MonthRange::between('2026-10', '2026-12')), [2 => [101], 5 => [102]]);
		$this->answers = [
			[
				['org_id' => 2, 'period_id' => 101, 'components' => 3, 'assessments' => 7],
				['org_id' => 2, 'period_id' => 102, 'components' => 1, 'assessments' => 1],
				['org_id' => 5, 'period_id' => 102, 'components' => 2, 'assessments' => 4],
			],
			[
				['org_id' => 2, 'period_id' => 101, 'raters' => 2],
				['org_id' => 2, 'period_id' => 102, 'raters' => 1],
				['org_id' => 5, 'period_id' => 102, 'raters' => 3],
			],
			[
				['org_id' => 2, 'period_id' => 101, 'user_id' => 'former'],
				['org_id' => 2, 'period_id' => 103, 'user_id' => 'former'],
			],
		];
		$mapper = $this->mapper();
		self::assertSame([
			['organisationId' => 2, 'month' => '2026-10', 'raters' => 2, 'components' => 3, 'assessments' => 7],
			['organisationId' => 5, 'month' => '2026-11', 'raters' => 3, 'components' => 2, 'assessments' => 4],
		], $mapper->participation($scope, [2, 5]));
		self::assertSame([['organisationId' => 2, 'month' => '2026-10', 'userId' => 'former']], $mapper->raters($scope, [2, 5], ['former']));
		// no list of released pairs: only the organisations
		self::assertSame([[2, 5], [2, 5], [2, 5]], $this->organisationLists);
	}

	public function testTheQuartersCoveredInPartAreCheckedOncePerScope(): void {
		// September to December: July and August are no reporting periods
		$range = MonthRange::between('2026-09', '2026-12');
		$scope = new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range));
		$mapper = $this->mapper();
		$mapper->ratingStats($scope, null, true, true);
		$mapper->ratingStats($scope, null, false, true);
		self::assertSame(['pf_periods', 'pf_quarter_totals', 'pf_quarter_totals'], $this->tables);
		// another scope (a later request, a later report in the same background job) asks again
		$mapper->ratingStats(new ConsolidationScope(1, $range, false, null, [2, 5], [2, 5], ScopePeriods::of($range)), null, true, true);
		self::assertSame(['pf_periods', 'pf_quarter_totals', 'pf_quarter_totals', 'pf_periods', 'pf_quarter_totals'], $this->tables);
	}
}
