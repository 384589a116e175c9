<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Rating\RatingContribution;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The monthly totals of the ratings, what the consolidation reads instead of the ratings:
 *
 * - pf_month_totals: per period, pilot, organisation, component and criterion (0: the overall
 *   score) the number of rated assessments counted and how many gave each score 1–5; the rest
 *   were "not assessed";
 * - pf_quarter_totals: the same per quarter (TotalsSlice::quarterOf), the sums of its months'
 *   rows, so that a range of whole quarters reads a third of the rows (TotalsSlice::forResults);
 * - pf_quarter_released: the same per quarter, of the months its organisation released only,
 *   what "released only" reads for whole quarters;
 * - pf_month_raters: per period, pilot, organisation and person the number of rated assessments.
 *
 * A save changes them by the difference it makes (RatingContribution), in the save's
 * transaction, the month's rows and then its quarter's (and its released quarter's, if the
 * month is released); a release or reopening recomputes the organisation's released quarter
 * (releaseChanged()); rebuild() computes them all from the ratings, verify (MonthlyTotals)
 * compares. The monthly rows hold no release: "released only" filters them by the releases
 * read with the scope.
 */
class MonthTotalsMapper {
	public const TOTALS = 'pf_month_totals';
	public const RATERS = 'pf_month_raters';
	public const QUARTERS = 'pf_quarter_totals';
	public const RELEASED_QUARTERS = 'pf_quarter_released';
	/** The counted columns of pf_month_totals, in the order of RatingContribution's deltas. */
	public const COUNTS = ['ratings', 's1', 's2', 's3', 's4', 's5'];
	/** The columns of pf_quarter_totals and pf_quarter_released, as quarterFromMonths() selects them. */
	private const QUARTER_COLUMNS = ['quarter', 'pilot_id', 'org_id', 'component_id', 'criterion_id', ...self::COUNTS];

	/** @var array<int, int> period id => its quarter, read once per request */
	private array $quarters = [];

	public function __construct(
		private IDBConnection $db,
		private ReleaseMapper $releases,
	) {
	}

	/**
	 * Adds a difference to the totals of one period, pilot and component. Call inside the
	 * transaction that changed the ratings.
	 *
	 * @param array{totals: array<string, array{orgId: int, criterionId: int, delta: list<int>}>, raters: array<int, int>} $difference
	 */
	public function add(int $periodId, int $pilotId, int $componentId, string $userId, array $difference): void {
		if ($difference['totals'] !== []) {
			$quarter = $this->quarterOf($periodId);
			// a save into a released month is refused before it gets here (AssessmentStore), a
			// user's imported ratings are not
			$released = array_values(array_filter(array_unique(array_column($difference['totals'], 'orgId')), fn (int $orgId): bool => $this->releases->find($orgId, $periodId) !== null));
			// the month's rows first, then the quarter's and the released quarter's, each in
			// criterion order (lock order)
			foreach ([[self::TOTALS, 'period_id', $periodId], [self::QUARTERS, 'quarter', $quarter], [self::RELEASED_QUARTERS, 'quarter', $quarter]] as [$table, $column, $id]) {
				foreach ($difference['totals'] as $row) {
					if ($table === self::RELEASED_QUARTERS && !in_array($row['orgId'], $released, true)) {
						continue;
					}
					$key = [$column => $id, 'pilot_id' => $pilotId, 'org_id' => $row['orgId'], 'component_id' => $componentId, 'criterion_id' => $row['criterionId']];
					$this->addTo($table, $key, array_combine(self::COUNTS, $row['delta']));
				}
			}
		}
		ksort($difference['raters']);
		foreach ($difference['raters'] as $orgId => $change) {
			$key = ['period_id' => $periodId, 'pilot_id' => $pilotId, 'org_id' => $orgId, 'user_id' => $userId];
			$this->addTo(self::RATERS, $key, ['ratings' => $change]);
		}
	}

	/**
	 * Recomputes the organisation's released quarter rows of the period's quarter, after the
	 * period was released or reopened. Call in that transaction, with the organisation locked
	 * (OrganisationMapper::lock()), so that no save of its ratings runs meanwhile.
	 */
	public function releaseChanged(int $orgId, int $periodId): void {
		$quarter = $this->quarterOf($periodId);
		$delete = $this->db->getQueryBuilder();
		$delete->delete(self::RELEASED_QUARTERS)
			->where($delete->expr()->eq('quarter', $delete->createNamedParameter($quarter, IQueryBuilder::PARAM_INT)))
			->andWhere($delete->expr()->eq('org_id', $delete->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)));
		$delete->executeStatement();
		$this->insertFrom(self::RELEASED_QUARTERS, self::QUARTER_COLUMNS, $this->releasedQuarterFromMonths($quarter, $this->quarterPeriods()[$quarter], $orgId));
	}

	/**
	 * One row's counts raised by the changes: an update where the row exists (it then holds the
	 * row's lock), else a row of zeros inserted first (a racing insert of the same row is
	 * ignored, and the update then adds to the winner's row).
	 *
	 * @param array<string, int|string> $key
	 * @param array<string, int> $changes
	 */
	private function addTo(string $table, array $key, array $changes): void {
		if ($this->update($table, $key, $changes) > 0) {
			return;
		}
		$this->db->insertIgnoreConflict($table, $key + array_fill_keys(array_keys($changes), 0));
		$this->update($table, $key, $changes);
	}

	/**
	 * @param array<string, int|string> $key
	 * @param array<string, int> $changes
	 */
	private function update(string $table, array $key, array $changes): int {
		$qb = $this->db->getQueryBuilder();
		$qb->update($table);
		foreach ($changes as $column => $change) {
			$qb->set($column, $qb->createFunction($qb->getColumnName($column) . ' + ' . $qb->createNamedParameter($change, IQueryBuilder::PARAM_INT)));
		}
		foreach ($key as $column => $value) {
			$qb->andWhere($qb->expr()->eq($column, $qb->createNamedParameter($value, is_int($value) ? IQueryBuilder::PARAM_INT : IQueryBuilder::PARAM_STR)));
		}
		return $qb->executeStatement();
	}

	/**
	 * Recomputes the totals from the ratings: of the given periods, or of all (null). The
	 * database does the counting (INSERT … SELECT); PHP holds no rating.
	 *
	 * @param list<int>|null $periodIds
	 */
	public function rebuild(?array $periodIds = null): void {
		foreach ([self::TOTALS, self::RATERS] as $table) {
			$delete = $this->db->getQueryBuilder();
			$delete->delete($table);
			if ($periodIds !== null) {
				$delete->where($delete->expr()->in('period_id', $delete->createNamedParameter($periodIds, IQueryBuilder::PARAM_INT_ARRAY)));
			}
			$delete->executeStatement();
		}
		$this->insertFrom(self::TOTALS, ['period_id', 'pilot_id', 'org_id', 'component_id', 'criterion_id', ...self::COUNTS], $this->overallFromRatings($periodIds));
		$this->insertFrom(self::TOTALS, ['period_id', 'pilot_id', 'org_id', 'component_id', 'criterion_id', ...self::COUNTS], $this->criteriaFromRatings($periodIds));
		$this->insertFrom(self::RATERS, ['period_id', 'pilot_id', 'org_id', 'user_id', 'ratings'], $this->ratersFromRatings($periodIds));
		// the quarter rows come with migration 000407; an older migration rebuilds before them
		if ($this->db->tableExists(self::QUARTERS)) {
			$this->rebuildQuarters($periodIds);
		}
	}

	/**
	 * Recomputes the quarter rows (and the released quarter rows) from the monthly ones: of the
	 * quarters of the given periods, or of all (null).
	 *
	 * @param list<int>|null $periodIds
	 */
	public function rebuildQuarters(?array $periodIds): void {
		$quarters = $this->quarterPeriods();
		if ($periodIds !== null) {
			$touched = array_flip(array_map(fn (int $id): int => $this->quarterOf($id), $periodIds));
			$quarters = array_intersect_key($quarters, $touched);
			if ($quarters === []) {
				return;
			}
		}
		// the released quarter rows come with migration 000409; migration 000407 rebuilds before them
		$tables = $this->db->tableExists(self::RELEASED_QUARTERS) ? [self::QUARTERS, self::RELEASED_QUARTERS] : [self::QUARTERS];
		foreach ($tables as $table) {
			$delete = $this->db->getQueryBuilder();
			$delete->delete($table);
			if ($periodIds !== null) {
				$delete->where($delete->expr()->in('quarter', $delete->createNamedParameter(array_keys($quarters), IQueryBuilder::PARAM_INT_ARRAY)));
			}
			$delete->executeStatement();
			foreach ($quarters as $quarter => $quarterPeriodIds) {
				$select = $table === self::QUARTERS ? $this->quarterFromMonths($quarter, $quarterPeriodIds) : $this->releasedQuarterFromMonths($quarter, $quarterPeriodIds, null);
				$this->insertFrom($table, self::QUARTER_COLUMNS, $select);
			}
		}
	}

	/**
	 * A quarter's rows summed from its months' stored rows, in the columns of pf_quarter_totals:
	 * quarter, pilot_id, org_id, component_id, criterion_id, ratings, s1…s5.
	 *
	 * @param list<int> $periodIds the quarter's periods
	 */
	public function quarterFromMonths(int $quarter, array $periodIds): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		// the quarter as a literal: a bound parameter in the select list has no type on PostgreSQL
		$qb->selectAlias($qb->createFunction((string)$quarter), 'quarter')
			->addSelect('t.pilot_id', 't.org_id', 't.component_id', 't.criterion_id')
			->from(self::TOTALS, 't')
			->where($qb->expr()->in('t.period_id', $qb->createNamedParameter($periodIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->groupBy('t.pilot_id', 't.org_id', 't.component_id', 't.criterion_id')
			->having($qb->expr()->gt($qb->func()->sum('t.ratings'), $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		foreach (self::COUNTS as $column) {
			$qb->selectAlias($qb->func()->sum('t.' . $column), $column);
		}
		return $qb;
	}

	/**
	 * A quarter's released rows summed from the stored rows of the months their organisation
	 * released, in the shape of quarterFromMonths(): of one organisation, or of all (null).
	 *
	 * @param list<int> $periodIds the quarter's periods
	 */
	public function releasedQuarterFromMonths(int $quarter, array $periodIds, ?int $orgId): IQueryBuilder {
		$qb = $this->quarterFromMonths($quarter, $periodIds);
		$qb->innerJoin('t', 'pf_releases', 'r', $qb->expr()->andX(
			$qb->expr()->eq('r.org_id', 't.org_id'),
			$qb->expr()->eq('r.period_id', 't.period_id'),
		));
		if ($orgId !== null) {
			$qb->andWhere($qb->expr()->eq('t.org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)));
		}
		return $qb;
	}

	/**
	 * The stored rows of one quarter in the shape of quarterFromMonths() (rows of ratings 0 left
	 * out), of pf_quarter_totals or pf_quarter_released.
	 */
	public function storedQuarter(int $quarter, string $table = self::QUARTERS): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('quarter', 'pilot_id', 'org_id', 'component_id', 'criterion_id', ...self::COUNTS)
			->from($table)
			->where($qb->expr()->eq('quarter', $qb->createNamedParameter($quarter, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->gt('ratings', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		return $qb;
	}

	/**
	 * Every quarter with a reporting period, and its periods.
	 *
	 * @return array<int, list<int>> quarter => period ids
	 */
	public function quarterPeriods(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'month')->from('pf_periods')->orderBy('month');
		$result = $qb->executeQuery();
		$quarters = [];
		while ($row = $result->fetch()) {
			$this->quarters[(int)$row['id']] = TotalsSlice::quarterOf((string)$row['month']);
			$quarters[$this->quarters[(int)$row['id']]][] = (int)$row['id'];
		}
		$result->closeCursor();
		return $quarters;
	}

	/** The quarter of a reporting period. */
	private function quarterOf(int $periodId): int {
		if (!isset($this->quarters[$periodId])) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('month')->from('pf_periods')
				->where($qb->expr()->eq('id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
			$result = $qb->executeQuery();
			$month = (string)$result->fetchOne();
			$result->closeCursor();
			if ($month === '') {
				throw new \InvalidArgumentException('No reporting period ' . $periodId);
			}
			$this->quarters[$periodId] = TotalsSlice::quarterOf($month);
		}
		return $this->quarters[$periodId];
	}

	/** @param list<string> $columns in the order the query selects them */
	private function insertFrom(string $table, array $columns, IQueryBuilder $select): void {
		$quoted = array_map(fn (string $column): string => $this->db->getQueryBuilder()->getColumnName($column), $columns);
		$this->db->executeStatement(
			'INSERT INTO ' . $select->getTableName($table) . ' (' . implode(', ', $quoted) . ') ' . $select->getSQL(),
			$select->getParameters(),
			$select->getParameterTypes(),
		);
	}

	/**
	 * The totals of the overall score computed from the ratings, in the columns of
	 * pf_month_totals: period_id, pilot_id, org_id, component_id, criterion_id, ratings, s1…s5.
	 *
	 * @param list<int>|null $periodIds
	 */
	public function overallFromRatings(?array $periodIds): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.period_id', 'a.pilot_id', 'a.org_id', 'a.component_id')
			->selectAlias($qb->createFunction((string)RatingContribution::OVERALL), 'criterion_id')
			->from('pf_assessments', 'a');
		$this->countScores($qb, $qb->getColumnName('a.overall'));
		$this->ratedIn($qb, $periodIds);
		$qb->groupBy('a.period_id', 'a.pilot_id', 'a.org_id', 'a.component_id');
		return $qb;
	}

	/**
	 * The totals of the criterion scores computed from the ratings, columns as overallFromRatings().
	 *
	 * @param list<int>|null $periodIds
	 */
	public function criteriaFromRatings(?array $periodIds): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.period_id', 'a.pilot_id', 'a.org_id', 'a.component_id', 's.criterion_id')
			->from('pf_scores', 's')
			->innerJoin('s', 'pf_assessments', 'a', $qb->expr()->eq('a.id', 's.assessment_id'));
		$this->countScores($qb, $qb->getColumnName('s.score'));
		$this->ratedIn($qb, $periodIds);
		$qb->groupBy('a.period_id', 'a.pilot_id', 'a.org_id', 'a.component_id', 's.criterion_id');
		return $qb;
	}

	/**
	 * The raters computed from the ratings: period_id, pilot_id, org_id, user_id, ratings.
	 *
	 * @param list<int>|null $periodIds
	 */
	public function ratersFromRatings(?array $periodIds): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.period_id', 'a.pilot_id', 'a.org_id', 'a.user_id')
			->selectAlias($qb->func()->count('*'), 'ratings')
			->from('pf_assessments', 'a');
		$this->ratedIn($qb, $periodIds);
		$qb->groupBy('a.period_id', 'a.pilot_id', 'a.org_id', 'a.user_id');
		return $qb;
	}

	private function countScores(IQueryBuilder $qb, string $value): void {
		$qb->selectAlias($qb->func()->count('*'), 'ratings');
		for ($score = 1; $score <= 5; $score++) {
			$qb->selectAlias($qb->createFunction('COUNT(CASE WHEN ' . $value . ' = ' . $score . ' THEN 1 END)'), 's' . $score);
		}
	}

	/** @param list<int>|null $periodIds */
	private function ratedIn(IQueryBuilder $qb, ?array $periodIds): void {
		$qb->where($qb->expr()->eq('a.rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)));
		if ($periodIds !== null) {
			$qb->andWhere($qb->expr()->in('a.period_id', $qb->createNamedParameter($periodIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
	}

	/**
	 * The stored totals of one period in the shape of the *FromRatings() queries (rows of
	 * ratings 0 left out), for comparing.
	 */
	public function storedTotals(int $periodId): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('period_id', 'pilot_id', 'org_id', 'component_id', 'criterion_id', ...self::COUNTS)
			->from(self::TOTALS)
			->where($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->gt('ratings', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		return $qb;
	}

	/** The stored raters of one period (rows of ratings 0 left out). */
	public function storedRaters(int $periodId): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->select('period_id', 'pilot_id', 'org_id', 'user_id', 'ratings')
			->from(self::RATERS)
			->where($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->gt('ratings', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		return $qb;
	}
}
