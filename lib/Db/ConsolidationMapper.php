<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\MonthRange;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The aggregate queries behind consolidated results and participation. Every figure is
 * computed by the database (GROUP BY); PHP receives one row per group, never the ratings.
 *
 * Only integers leave the database (COUNT, SUM): AVG answers with a different type on
 * SQLite, PostgreSQL and MariaDB, so the mean is sum / n, computed once in PHP.
 *
 * @psalm-type RatingRow = array{componentId: int, criterionId: ?int, organisationId: ?int, total: int, n: int, sum: int, distribution: list<int>, notAssessed: int}
 */
class ConsolidationMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * Rating figures per component and criterion (or of the overall score when $overall),
	 * optionally also per organisation.
	 *
	 * The database counts the ratings and each score 1–5 (six aggregates over the rows of the
	 * range); n, sum and "not assessed" follow from those counts, since a score is 1–5 or
	 * null. Fewer aggregates per row is what keeps this query fast (docs/performance.md).
	 *
	 * @param list<int>|null $organisationIds only these organisations' ratings (null: all)
	 * @return list<RatingRow>
	 */
	public function ratingStats(int $pilotId, MonthRange $range, bool $releasedOnly, ?array $organisationIds, bool $overall, bool $byOrganisation): array {
		if ($organisationIds === []) {
			return [];
		}
		// Month by month: SQLite groups by sorting, and sorting a quarter's rows month by month
		// is a fifth cheaper than at once (docs/performance.md); the months' counts add up.
		$counts = [];
		foreach ($range->months() as $month) {
			[$qb, $value] = $this->ratings($pilotId, MonthRange::between($month, $month), $releasedOnly, $organisationIds, $overall);
			if ($byOrganisation) {
				$qb->addSelect('a.org_id')->addGroupBy('a.org_id');
			}
			$qb->selectAlias($qb->func()->count('*'), 'total');
			for ($score = 1; $score <= 5; $score++) {
				$qb->selectAlias($qb->createFunction('COUNT(CASE WHEN ' . $value . ' = ' . $score . ' THEN 1 END)'), 'd' . $score);
			}
			$result = $qb->executeQuery();
			while ($row = $result->fetch()) {
				$componentId = (int)$row['component_id'];
				$criterionId = $overall ? null : (int)$row['criterion_id'];
				$organisationId = $byOrganisation ? (int)$row['org_id'] : null;
				$key = $componentId . ':' . ($criterionId ?? '') . ':' . ($organisationId ?? '');
				$into = $counts[$key] ?? ['componentId' => $componentId, 'criterionId' => $criterionId, 'organisationId' => $organisationId, 'total' => 0, 'distribution' => [0, 0, 0, 0, 0]];
				$into['total'] += (int)$row['total'];
				for ($score = 1; $score <= 5; $score++) {
					$into['distribution'][$score - 1] += (int)$row['d' . $score];
				}
				$counts[$key] = $into;
			}
			$result->closeCursor();
		}

		$rows = [];
		foreach ($counts as $count) {
			$distribution = array_values($count['distribution']);
			$n = array_sum($distribution);
			$rows[] = [
				'componentId' => $count['componentId'],
				'criterionId' => $count['criterionId'],
				'organisationId' => $count['organisationId'],
				'total' => $count['total'],
				'n' => $n,
				'sum' => $distribution[0] + 2 * $distribution[1] + 3 * $distribution[2] + 4 * $distribution[3] + 5 * $distribution[4],
				'distribution' => $distribution,
				'notAssessed' => $count['total'] - $n,
			];
		}
		return $rows;
	}

	/**
	 * Number and sum of the scores per component, criterion (or overall score) and month:
	 * what a trend needs, from the scored rows only.
	 *
	 * @param list<int>|null $organisationIds only these organisations' ratings (null: all)
	 * @return list<array{componentId: int, criterionId: ?int, month: string, n: int, sum: int}>
	 */
	public function monthlyScores(int $pilotId, MonthRange $range, bool $releasedOnly, ?array $organisationIds, bool $overall): array {
		if ($organisationIds === []) {
			return [];
		}
		// One query per month, as in ratingStats().
		$rows = [];
		foreach ($range->months() as $month) {
			[$qb, $value] = $this->ratings($pilotId, MonthRange::between($month, $month), $releasedOnly, $organisationIds, $overall);
			$qb->andWhere($qb->expr()->isNotNull($overall ? 'a.overall' : 's.score'))
				->selectAlias($qb->func()->count('*'), 'n')
				->selectAlias($qb->createFunction('SUM(' . $value . ')'), 'score_sum');
			$result = $qb->executeQuery();
			while ($row = $result->fetch()) {
				$rows[] = [
					'componentId' => (int)$row['component_id'],
					'criterionId' => $overall ? null : (int)$row['criterion_id'],
					'month' => $month,
					'n' => (int)$row['n'],
					'sum' => (int)$row['score_sum'],
				];
			}
			$result->closeCursor();
		}
		return $rows;
	}

	/**
	 * The rated assessments of the scope (overall score) or their criterion scores, grouped
	 * by component (and criterion).
	 *
	 * @param list<int>|null $organisationIds
	 * @return array{0: IQueryBuilder, 1: string} the query and the quoted score column
	 */
	private function ratings(int $pilotId, MonthRange $range, bool $releasedOnly, ?array $organisationIds, bool $overall): array {
		$qb = $this->db->getQueryBuilder();
		if ($overall) {
			$qb->from('pf_assessments', 'a');
			$value = $qb->getColumnName('a.overall');
		} else {
			$qb->from('pf_scores', 's')
				->innerJoin('s', 'pf_assessments', 'a', $qb->expr()->eq('a.id', 's.assessment_id'));
			$value = $qb->getColumnName('s.score');
		}
		$this->scope($qb, $pilotId, $range, $releasedOnly, $organisationIds);
		$qb->select('a.component_id')->groupBy('a.component_id');
		if (!$overall) {
			$qb->addSelect('s.criterion_id')->addGroupBy('s.criterion_id');
		}
		return [$qb, $value];
	}

	/**
	 * Per organisation and month: how many people rated, how many components were rated,
	 * and how many assessments there are.
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, month: string, raters: int, components: int, assessments: int}>
	 */
	public function participation(int $pilotId, MonthRange $range, bool $releasedOnly, array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->from('pf_assessments', 'a');
		$this->scope($qb, $pilotId, $range, $releasedOnly, $organisationIds);
		$qb->select('a.org_id', 'p.month')
			->selectAlias($qb->createFunction('COUNT(DISTINCT ' . $qb->getColumnName('a.user_id') . ')'), 'raters')
			->selectAlias($qb->createFunction('COUNT(DISTINCT ' . $qb->getColumnName('a.component_id') . ')'), 'components')
			->selectAlias($qb->func()->count('*'), 'assessments')
			->groupBy('a.org_id', 'p.month');
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = [
				'organisationId' => (int)$row['org_id'],
				'month' => (string)$row['month'],
				'raters' => (int)$row['raters'],
				'components' => (int)$row['components'],
				'assessments' => (int)$row['assessments'],
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * Who rated, per organisation and month (one row per person; at most the organisation's
	 * testers per month).
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, month: string, userId: string}>
	 */
	public function raters(int $pilotId, MonthRange $range, bool $releasedOnly, array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->from('pf_assessments', 'a');
		$this->scope($qb, $pilotId, $range, $releasedOnly, $organisationIds);
		$qb->selectDistinct(['a.org_id', 'p.month', 'a.user_id']);
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = ['organisationId' => (int)$row['org_id'], 'month' => (string)$row['month'], 'userId' => (string)$row['user_id']];
		}
		$result->closeCursor();
		return $rows;
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
	 * Restricts a query over assessments (alias a) to the rated ones (a comment alone is no
	 * rating) given in the pilot (each assessment counts in its own pilot only) by the pilot's
	 * organisations, the months of the range, optionally released feedback and some organisations.
	 *
	 * @param list<int>|null $organisationIds
	 */
	private function scope(IQueryBuilder $qb, int $pilotId, MonthRange $range, bool $releasedOnly, ?array $organisationIds): void {
		$pilot = $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT);
		$from = $qb->createNamedParameter($range->from);
		$to = $qb->createNamedParameter($range->to);
		// The periods of the range as a list first, so that the database starts from them and
		// reads the assessments by pf_asmt_pilot_cov (period_id, pilot_id, org_id, …) instead of
		// all of an organisation's months (docs/performance.md).
		$periods = $this->db->getQueryBuilder();
		$periods->select('rp.id')->from('pf_periods', 'rp')
			->where($periods->expr()->gte('rp.month', $from))
			->andWhere($periods->expr()->lte('rp.month', $to));
		$qb->innerJoin('a', 'pf_periods', 'p', $qb->expr()->eq('p.id', 'a.period_id'))
			->innerJoin('a', 'pf_org_pilots', 'op', $qb->expr()->andX(
				$qb->expr()->eq('op.org_id', 'a.org_id'),
				$qb->expr()->eq('op.pilot_id', $pilot),
			))
			->where($qb->expr()->in('a.period_id', $qb->createFunction($periods->getSQL())))
			->andWhere($qb->expr()->eq('a.pilot_id', $pilot))
			->andWhere($qb->expr()->gte('p.month', $from))
			->andWhere($qb->expr()->lte('p.month', $to))
			->andWhere($qb->expr()->eq('a.rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)));
		if ($releasedOnly) {
			$qb->innerJoin('a', 'pf_releases', 'r', $qb->expr()->andX(
				$qb->expr()->eq('r.org_id', 'a.org_id'),
				$qb->expr()->eq('r.period_id', 'a.period_id'),
			));
		}
		if ($organisationIds !== null) {
			$qb->andWhere($qb->expr()->in('a.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
	}
}
