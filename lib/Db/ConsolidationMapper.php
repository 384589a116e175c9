<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Rating\RatingContribution;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The aggregate queries behind consolidated results and participation. They sum the monthly
 * totals (MonthTotalsMapper: per period, pilot, organisation, component and criterion, kept in
 * step with every save), so that their cost follows the months and the catalogue, not the
 * number of ratings: a year is twelve months of small rows, or four quarters' for results
 * (TotalsSlice, docs/performance.md).
 *
 * Each query covers a scope's pilot, months and release filter, and the ratings of the
 * organisations taking part in the pilot as the scope lists them (takingPartIds, archived ones
 * included); narrowing to some organisations (the scope's organisation, what the viewer may
 * see) is the caller's, through $organisationIds.
 *
 * Only integers leave the database (SUM of counts): AVG answers with a different type on
 * SQLite, PostgreSQL and MariaDB, so the mean is sum / n, computed once in PHP.
 *
 * @psalm-type RatingRow = array{componentId: int, criterionId: ?int, organisationId: ?int, total: int, n: int, sum: int, distribution: list<int>, notAssessed: int}
 */
class ConsolidationMapper {
	/**
	 * The quiet quarters of each scope still in use (quietQuarters()): results ask twice per
	 * scope, for the overall score and the criterion scores.
	 *
	 * @var \WeakMap<ConsolidationScope, list<int>>
	 */
	private \WeakMap $quiet;

	public function __construct(
		private IDBConnection $db,
	) {
		/** @var \WeakMap<ConsolidationScope, list<int>> $quiet */
		$quiet = new \WeakMap();
		$this->quiet = $quiet;
	}

	/**
	 * Rating figures per component and criterion (or of the overall score when $overall),
	 * optionally also per organisation: the number of ratings and of each score 1–5; n, sum and
	 * "not assessed" follow from those counts, since a score is 1–5 or null.
	 *
	 * @param list<int>|null $organisationIds only these organisations' ratings (null: all)
	 * @return list<RatingRow>
	 */
	public function ratingStats(ConsolidationScope $scope, ?array $organisationIds, bool $overall, bool $byOrganisation): array {
		if ($organisationIds === []) {
			return [];
		}
		$keys = $byOrganisation ? ['org_id'] : [];
		$slices = TotalsSlice::forResults($scope, $this->quietQuarters($scope));
		if (count($slices) > 1 && $this->db->getDatabaseProvider() === IDBConnection::PLATFORM_POSTGRES) {
			// PostgreSQL sums 24 months of monthly rows as fast as the quarters and months
			// around them (16 against 16–18 ms), and for 12 months it planned the two in
			// parallel workers, whose start cost more than they saved (31 against 14 ms)
			$slices = [TotalsSlice::months($scope)];
		}
		$qb = $this->db->getQueryBuilder();
		if (count($slices) === 1) {
			$this->totals($qb, $qb, $scope, $slices[0], $organisationIds, $overall, $keys);
		} else {
			// whole quarters and the months around them: each slice summed on its own index,
			// the sums added up here (one query, one answer to fetch)
			$parts = [];
			foreach ($slices as $slice) {
				$part = $this->db->getQueryBuilder();
				$this->totals($part, $qb, $scope, $slice, $organisationIds, $overall, $keys);
				self::sum($part, MonthTotalsMapper::COUNTS);
				$parts[] = $part->getSQL();
			}
			$qb->from($qb->createFunction('(' . implode(' UNION ALL ', $parts) . ')'), 't');
			self::group($qb, $overall, $keys);
		}
		self::sum($qb, MonthTotalsMapper::COUNTS);
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$distribution = ScoreDistribution::of($row);
			$n = array_sum($distribution);
			$rows[] = [
				'componentId' => (int)$row['component_id'],
				'criterionId' => $overall ? null : (int)$row['criterion_id'],
				'organisationId' => $byOrganisation ? (int)$row['org_id'] : null,
				'total' => (int)$row['ratings'],
				'n' => $n,
				'sum' => ScoreDistribution::sum($distribution),
				'distribution' => $distribution,
				'notAssessed' => (int)$row['ratings'] - $n,
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * Of the quarters the range covers in part, those whose months outside the range add nothing
	 * to the scope: none of them is a reporting period, or none holds a rating of the
	 * organisations taking part (with "released only": none is released by them). Their quarter
	 * rows then hold the range's months alone, and results read them as whole quarters: 24 months
	 * from December to November, with December's period open and empty, are eight quarters
	 * instead of seven and three months (on SQLite at 1 000 000: criterion scores 26 → 14 ms).
	 *
	 * @return list<int>
	 */
	private function quietQuarters(ConsolidationScope $scope): array {
		if (isset($this->quiet[$scope])) {
			return $this->quiet[$scope];
		}
		$quiet = [];
		foreach (TotalsSlice::partQuarters($scope->range) as $quarter => $months) {
			$outside = array_values(array_diff($this->periodsIn($months), $scope->periodIds));
			if ($outside === [] || !$this->countsIn($scope, $outside)) {
				$quiet[] = $quarter;
			}
		}
		$this->quiet[$scope] = $quiet;
		return $quiet;
	}

	/**
	 * Whether any of the periods holds a rating of the organisations taking part in the scope's
	 * pilot (with "released only": whether any of them released one of the periods).
	 *
	 * @param non-empty-list<int> $periodIds
	 */
	private function countsIn(ConsolidationScope $scope, array $periodIds): bool {
		if ($scope->takingPartIds === []) {
			return false;
		}
		$qb = $this->db->getQueryBuilder();
		if ($scope->releasedOnly) {
			$qb->select('period_id')->from('pf_releases');
		} else {
			$qb->select('period_id')->from(MonthTotalsMapper::TOTALS)
				->where($qb->expr()->eq('pilot_id', $qb->createNamedParameter($scope->pilotId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->gt('ratings', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		}
		$qb->andWhere($qb->expr()->in('period_id', $qb->createNamedParameter($periodIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->andWhere($qb->expr()->in('org_id', $qb->createNamedParameter($scope->takingPartIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->setMaxResults(1);
		$result = $qb->executeQuery();
		$any = $result->fetch() !== false;
		$result->closeCursor();
		return $any;
	}

	/**
	 * Number and sum of the scores per component, criterion (or overall score) and month:
	 * what a trend needs.
	 *
	 * @param list<int>|null $organisationIds only these organisations' ratings (null: all)
	 * @return list<array{componentId: int, criterionId: ?int, month: string, n: int, sum: int}>
	 */
	public function monthlyScores(ConsolidationScope $scope, ?array $organisationIds, bool $overall): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$this->totals($qb, $qb, $scope, TotalsSlice::months($scope), $organisationIds, $overall, ['period_id']);
		self::sum($qb, ScoreDistribution::COLUMNS);
		$months = array_flip($scope->periodIds);
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$distribution = ScoreDistribution::of($row);
			if (array_sum($distribution) === 0) {
				continue;
			}
			$rows[] = [
				'componentId' => (int)$row['component_id'],
				'criterionId' => $overall ? null : (int)$row['criterion_id'],
				'month' => $months[(int)$row['period_id']],
				'n' => array_sum($distribution),
				'sum' => ScoreDistribution::sum($distribution),
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * The totals of a slice of the scope (monthly or quarterly) of its overall score or its
	 * criterion scores, grouped by component (and criterion) and the further keys; the caller
	 * adds the sums.
	 *
	 * @param IQueryBuilder $params the query the parameters are bound to: $qb itself, or the
	 *                              query that $qb is a part of
	 * @param list<int>|null $organisationIds
	 * @param list<string> $keys further columns to group by (org_id, period_id)
	 */
	private function totals(IQueryBuilder $qb, IQueryBuilder $params, ConsolidationScope $scope, TotalsSlice $slice, ?array $organisationIds, bool $overall, array $keys = []): void {
		$qb->from($slice->table, 't');
		$this->scope($qb, $params, $scope, $slice, $organisationIds);
		$overallId = $params->createNamedParameter(RatingContribution::OVERALL, IQueryBuilder::PARAM_INT);
		// criterion ids are above the overall score's 0: "> 0" is a range an index can read, "<> 0" is not
		$qb->andWhere($overall ? $qb->expr()->eq('t.criterion_id', $overallId) : $qb->expr()->gt('t.criterion_id', $overallId))
			// rows whose ratings were all withdrawn stay at 0
			->andWhere($qb->expr()->gt('t.ratings', $params->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		self::group($qb, $overall, $keys);
	}

	/**
	 * Selects and groups by component, criterion (unless $overall) and the further keys.
	 *
	 * @param list<string> $keys
	 */
	private static function group(IQueryBuilder $qb, bool $overall, array $keys): void {
		$qb->select('t.component_id');
		// criterion first, then component, as pf_mtot_res, pf_mtot_trend and pf_qtot_res hold
		// them: the rows come grouped from the index, and SQLite need not sort them
		if ($overall) {
			$qb->groupBy('t.component_id');
		} else {
			$qb->addSelect('t.criterion_id')->groupBy('t.criterion_id')->addGroupBy('t.component_id');
		}
		foreach ($keys as $key) {
			$qb->addSelect('t.' . $key)->addGroupBy('t.' . $key);
		}
	}

	/**
	 * Selects the sum of each of the monthly totals' columns under the column's name.
	 *
	 * @param list<string> $columns of pf_month_totals (alias t)
	 */
	private static function sum(IQueryBuilder $qb, array $columns): void {
		foreach ($columns as $column) {
			$qb->selectAlias($qb->func()->sum('t.' . $column), $column);
		}
	}

	/**
	 * Per organisation and month: how many people rated, how many components were rated,
	 * and how many assessments there are.
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, month: string, raters: int, components: int, assessments: int}>
	 */
	public function participation(ConsolidationScope $scope, array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$rows = [];
		$months = array_flip($scope->periodIds);
		$counted = self::countedMonths($scope);
		$qb = $this->db->getQueryBuilder();
		$this->totals($qb, $qb, $scope, TotalsSlice::everyMonth($scope), $organisationIds, true);
		// per organisation and month instead of per component
		$qb->select('t.org_id', 't.period_id')->groupBy('t.org_id', 't.period_id')
			->selectAlias($qb->createFunction('COUNT(DISTINCT ' . $qb->getColumnName('t.component_id') . ')'), 'components')
			->selectAlias($qb->func()->sum('t.ratings'), 'assessments');
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$key = (int)$row['org_id'] . ':' . (int)$row['period_id'];
			if ($counted !== null && !isset($counted[$key])) {
				continue;
			}
			$rows[$key] = ['organisationId' => (int)$row['org_id'], 'month' => $months[(int)$row['period_id']], 'raters' => 0, 'components' => (int)$row['components'], 'assessments' => (int)$row['assessments']];
		}
		$result->closeCursor();
		$raters = $this->ratersQuery($scope, $organisationIds);
		$raters->select('t.org_id', 't.period_id')->groupBy('t.org_id', 't.period_id')
			->selectAlias($raters->func()->count('*'), 'raters');
		$result = $raters->executeQuery();
		while ($row = $result->fetch()) {
			$key = (int)$row['org_id'] . ':' . (int)$row['period_id'];
			if (isset($rows[$key])) {
				$rows[$key]['raters'] = (int)$row['raters'];
			}
		}
		$result->closeCursor();
		return array_values($rows);
	}

	/**
	 * Who rated, per organisation (one row per person and organisation over the whole range),
	 * released or not: what raters() is then asked about.
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, userId: string}>
	 */
	public function raterIds(ConsolidationScope $scope, array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->ratersQuery($scope, $organisationIds);
		$qb->selectDistinct(['t.org_id', 't.user_id']);
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = ['organisationId' => (int)$row['org_id'], 'userId' => (string)$row['user_id']];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * Who of the given people rated, per organisation and month (one row per person and month).
	 *
	 * @param list<int> $organisationIds
	 * @param list<string> $userIds
	 * @return list<array{organisationId: int, month: string, userId: string}>
	 */
	public function raters(ConsolidationScope $scope, array $organisationIds, array $userIds): array {
		$rows = [];
		if ($organisationIds === []) {
			return $rows;
		}
		$months = array_flip($scope->periodIds);
		$counted = self::countedMonths($scope);
		// in chunks: some databases take at most 1 000 values in a list
		foreach (array_chunk($userIds, 1000) as $chunk) {
			$qb = $this->ratersQuery($scope, $organisationIds);
			$qb->select('t.org_id', 't.period_id', 't.user_id')
				->andWhere($qb->expr()->in('t.user_id', $qb->createNamedParameter($chunk, IQueryBuilder::PARAM_STR_ARRAY)));
			$result = $qb->executeQuery();
			while ($row = $result->fetch()) {
				if ($counted !== null && !isset($counted[(int)$row['org_id'] . ':' . (int)$row['period_id']])) {
					continue;
				}
				$rows[] = ['organisationId' => (int)$row['org_id'], 'month' => $months[(int)$row['period_id']], 'userId' => (string)$row['user_id']];
			}
			$result->closeCursor();
		}
		return $rows;
	}

	/**
	 * With "released only", the (organisation, month) pairs released, as "org:period" keys;
	 * null: every month counts. The queries per organisation and month read every month and
	 * skip the others here: the same rows, without releasedOnly()'s check on each of them (24
	 * months at 1 000 000 on SQLite: 29 → 17 ms).
	 *
	 * @return array<string, true>|null
	 */
	private static function countedMonths(ConsolidationScope $scope): ?array {
		if (!$scope->releasedOnly) {
			return null;
		}
		$counted = [];
		foreach ($scope->releasedPeriodIds as $orgId => $periodIds) {
			foreach ($periodIds as $periodId) {
				$counted[$orgId . ':' . $periodId] = true;
			}
		}
		return $counted;
	}

	/**
	 * The people with rated assessments in the scope's months (pf_month_raters, one row per
	 * person, organisation and month), released or not: the callers keep the months counted.
	 *
	 * @param list<int> $organisationIds
	 */
	private function ratersQuery(ConsolidationScope $scope, array $organisationIds): IQueryBuilder {
		$qb = $this->db->getQueryBuilder();
		$qb->from(MonthTotalsMapper::RATERS, 't');
		$this->scope($qb, $qb, $scope, TotalsSlice::everyMonth($scope, MonthTotalsMapper::RATERS), $organisationIds);
		$qb->andWhere($qb->expr()->gt('t.ratings', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		return $qb;
	}

	/**
	 * The releases of the given organisations in the range (at most one per organisation and month).
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, month: string, userId: string, releasedAt: int}>
	 */
	public function releases(MonthRange $range, array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('r.org_id', 'r.user_id', 'r.released_at', 'p.month')
			->from('pf_releases', 'r')
			->innerJoin('r', 'pf_periods', 'p', $qb->expr()->eq('p.id', 'r.period_id'))
			->where($qb->expr()->gte('p.month', $qb->createNamedParameter($range->from)))
			->andWhere($qb->expr()->lte('p.month', $qb->createNamedParameter($range->to)))
			->andWhere($qb->expr()->in('r.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = [
				'organisationId' => (int)$row['org_id'],
				'month' => (string)$row['month'],
				'userId' => (string)$row['user_id'],
				'releasedAt' => (int)$row['released_at'],
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * The reporting periods inside the range.
	 *
	 * @return array<string, int> month => period id
	 */
	public function periodsIn(MonthRange $range): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'month')->from('pf_periods')
			->where($qb->expr()->gte('month', $qb->createNamedParameter($range->from)))
			->andWhere($qb->expr()->lte('month', $qb->createNamedParameter($range->to)))
			->orderBy('month');
		$periods = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$periods[(string)$row['month']] = (int)$row['id'];
		}
		$result->closeCursor();
		return $periods;
	}

	/**
	 * Restricts a query over totals or raters (alias t) to the scope's pilot (each rating counts
	 * in its own pilot only), the organisations taking part in it (archived ones too: their
	 * ratings still count), the slice's periods or quarters of the range, optionally released
	 * feedback and some organisations.
	 *
	 * @param list<int>|null $organisationIds
	 */
	private function scope(IQueryBuilder $qb, IQueryBuilder $params, ConsolidationScope $scope, TotalsSlice $slice, ?array $organisationIds): void {
		// The range's periods and the pilot's organisations as lists of ids (read once per
		// request with the scope) that the index (pilot_id, period_id, org_id, …) is searched
		// with, not joins: filtering on a joined month made SQLite read every month of the pilot;
		// PostgreSQL, which has no statistics for pf_periods (fewer rows than autovacuum waits
		// for), expected a handful of rows and sorted 50 922 on disk instead of hashing them (24
		// months released: 42 → 35 ms); joined with pf_org_pilots, it looked each of 38 400
		// raters up there (30 of 58 ms). Months are mapped from the period ids in PHP.
		$taking = $scope->takingPartIds;
		$organisationIds = $organisationIds === null ? $taking : array_values(array_intersect($organisationIds, $taking));
		$qb->where($qb->expr()->eq('t.pilot_id', $params->createNamedParameter($scope->pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->in('t.' . $slice->column, $params->createNamedParameter($slice->ids, IQueryBuilder::PARAM_INT_ARRAY)))
			// no organisation takes part: no row (an empty IN list is no valid SQL)
			->andWhere($qb->expr()->in('t.org_id', $params->createNamedParameter($organisationIds === [] ? [-1] : $organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		if ($slice->released !== null) {
			$this->releasedOnly($qb, $params, $slice);
		}
	}

	/**
	 * Keeps the rows of the periods their organisation released, checked within the index
	 * scan: (organisation, period) as one number, org_id × k + period_id with k above every id of
	 * the slice, in a list of those released. Joined with pf_releases instead, PostgreSQL probed
	 * the totals once per release (24 months: 960 probes, 37 ms instead of 20 ms).
	 */
	private function releasedOnly(IQueryBuilder $qb, IQueryBuilder $params, TotalsSlice $slice): void {
		$k = max($slice->ids) + 1;
		$keys = [];
		foreach ($slice->released ?? [] as $orgId => $periodIds) {
			foreach ($periodIds as $periodId) {
				$keys[] = $orgId * $k + $periodId;
			}
		}
		if ($keys === []) {
			// nothing released: no row (an empty IN list is no valid SQL)
			$qb->andWhere($qb->expr()->in('t.org_id', $params->createNamedParameter([-1], IQueryBuilder::PARAM_INT_ARRAY)));
			return;
		}
		$pair = $qb->createFunction($qb->getColumnName('t.org_id') . ' * ' . $k . ' + ' . $qb->getColumnName('t.' . $slice->column));
		// at most 1 000 values per list (Oracle)
		$lists = array_map(static fn (array $chunk) => $qb->expr()->in($pair, $params->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)), array_chunk($keys, 1000));
		$qb->andWhere(count($lists) === 1 ? $lists[0] : $qb->expr()->orX(...$lists));
	}

	/**
	 * Which of the given periods each organisation released.
	 *
	 * @param list<int> $periodIds
	 * @return array<int, list<int>> organisation id => period ids
	 */
	public function releasedPeriods(array $periodIds): array {
		if ($periodIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'period_id')->from('pf_releases')
			->where($qb->expr()->in('period_id', $qb->createNamedParameter($periodIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->orderBy('org_id')->addOrderBy('period_id');
		$released = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$released[(int)$row['org_id']][] = (int)$row['period_id'];
		}
		$result->closeCursor();
		return $released;
	}
}
