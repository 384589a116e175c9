<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The row-level queries of the data exports. Each yields its rows one by one from an open
 * database cursor, so that an export of any size holds one row in memory at a time.
 * Who may see which rows is decided here, in SQL: ratings of the given organisations only,
 * items restricted by the item visibility rule (ItemMapper::restrictToVisible).
 */
class ExportMapper {
	public function __construct(
		private IDBConnection $db,
		private ItemMapper $items,
	) {
	}

	/**
	 * One row per rated assessment and criterion of the pilots' organisations in the range,
	 * oldest month first: each assessment in its own pilot only, never a draft (a comment
	 * alone or only "not assessed").
	 *
	 * One query per pilot and month: PostgreSQL's client receives a query's whole answer
	 * before the first row, so a year in one query held a year's rows in memory (390 MB for
	 * 1.27 million rows); a month's answer is bounded by the testers and the catalogue.
	 *
	 * @param list<int> $pilotIds
	 * @param list<int>|null $organisationIds only these organisations (null: all)
	 * @return \Generator<int, array{pilot_id: int, assessment_id: int, user_id: string, org_id: int, component_id: int, month: string, criterion_id: int, score: ?int, overall: ?int, comment: ?string}>
	 */
	public function ratings(array $pilotIds, MonthRange $range, ?array $organisationIds): \Generator {
		if ($pilotIds === [] || $organisationIds === []) {
			return;
		}
		sort($pilotIds);
		foreach ($pilotIds as $pilotId) {
			foreach ($range->months() as $month) {
				yield from $this->ratingsOf($pilotId, $month, $organisationIds);
			}
		}
	}

	/**
	 * @param list<int>|null $organisationIds
	 * @return \Generator<int, array{pilot_id: int, assessment_id: int, user_id: string, org_id: int, component_id: int, month: string, criterion_id: int, score: ?int, overall: ?int, comment: ?string}>
	 */
	private function ratingsOf(int $pilotId, string $month, ?array $organisationIds): \Generator {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.pilot_id', 'a.id', 'a.user_id', 'a.org_id', 'a.component_id', 'p.month', 's.criterion_id', 's.score', 'a.overall', 'a.comment')
			->from('pf_scores', 's')
			->innerJoin('s', 'pf_assessments', 'a', $qb->expr()->eq('a.id', 's.assessment_id'))
			->innerJoin('a', 'pf_periods', 'p', $qb->expr()->eq('p.id', 'a.period_id'))
			->innerJoin('a', 'pf_org_pilots', 'op', $qb->expr()->andX(
				$qb->expr()->eq('op.org_id', 'a.org_id'),
				$qb->expr()->eq('op.pilot_id', 'a.pilot_id'),
			))
			->where($qb->expr()->eq('a.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('a.rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('p.month', $qb->createNamedParameter($month)))
			->orderBy('a.id')->addOrderBy('s.criterion_id');
		if ($organisationIds !== null) {
			$qb->andWhere($qb->expr()->in('a.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		$result = $qb->executeQuery();
		try {
			while (($row = $result->fetch()) !== false) {
				yield [
					'pilot_id' => (int)$row['pilot_id'],
					'assessment_id' => (int)$row['id'],
					'user_id' => (string)$row['user_id'],
					'org_id' => (int)$row['org_id'],
					'component_id' => (int)$row['component_id'],
					'month' => (string)$row['month'],
					'criterion_id' => (int)$row['criterion_id'],
					'score' => $row['score'] === null ? null : (int)$row['score'],
					'overall' => $row['overall'] === null ? null : (int)$row['overall'],
					'comment' => $row['comment'] === null ? null : (string)$row['comment'],
				];
			}
		} finally {
			$result->closeCursor();
		}
	}

	/**
	 * The pilots' items filed in [start, end) that the actor may see, of the given
	 * organisations, oldest first, with every column.
	 *
	 * @param list<int> $pilotIds
	 * @param list<int>|null $organisationIds
	 * @return \Generator<int, array<string, mixed>>
	 */
	public function items(Actor $actor, array $pilotIds, int $start, int $end, ?array $organisationIds): \Generator {
		if ($pilotIds === [] || $organisationIds === []) {
			return;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('i.*')->from('pf_items', 'i')
			->where($qb->expr()->in('i.pilot_id', $qb->createNamedParameter($pilotIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->andWhere($qb->expr()->gte('i.created_at', $qb->createNamedParameter($start, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->orderBy('i.created_at')->addOrderBy('i.id');
		if ($organisationIds !== null) {
			$qb->andWhere($qb->expr()->in('i.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		$this->items->restrictToVisible($qb, $actor, 'i.');
		$result = $qb->executeQuery();
		try {
			while (($row = $result->fetch()) !== false) {
				/** @var array<string, mixed> $row */
				yield $row;
			}
		} finally {
			$result->closeCursor();
		}
	}
}
