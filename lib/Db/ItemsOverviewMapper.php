<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Actor;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;

/**
 * The aggregate queries of the items overview: counts by type × priority × status, open
 * critical and high items, items filed and closed per month, and the ranking of requirements
 * and improvements. Every query applies the visibility rule of items (ItemMapper), so that no
 * figure counts a confidential item the viewer may not see.
 *
 * Months are buckets of Unix times computed in PHP and written into the SQL as integer
 * literals (a CASE over at most 36 bounds): no database-specific date function is needed.
 */
class ItemsOverviewMapper {
	/** Statuses of items still being worked on. */
	public const OPEN_STATUSES = ['new', 'in_review', 'accepted', 'forwarded', 'in_progress'];
	/** Statuses that close an item; "verified" follows "done" and is not counted twice. */
	public const CLOSING_STATUSES = ['done', 'rejected', 'duplicate'];
	/** Weight of the highest priority an organisation gave, by priority rank (low 1 … critical 4). */
	public const WEIGHTS = [1 => 1, 2 => 2, 3 => 4, 4 => 8];

	public function __construct(
		private IDBConnection $db,
		private ItemMapper $items,
	) {
	}

	/**
	 * Items of the pilot filed in [start, end), by component, type, priority shown (the
	 * consolidated one where set, else the reporter's) and status, optionally also by organisation.
	 *
	 * @param list<int>|null $organisationIds only these organisations' items (null: all)
	 * @return list<array{organisationId: ?int, componentId: int, type: string, priority: int, status: string, count: int}>
	 */
	public function counts(Actor $actor, int $pilotId, int $start, int $end, ?array $organisationIds, bool $byOrganisation): array {
		return $this->grouped($actor, $pilotId, $organisationIds, $byOrganisation, static function (IQueryBuilder $qb) use ($start, $end): void {
			$qb->andWhere($qb->expr()->gte('i.created_at', $qb->createNamedParameter($start, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)));
		});
	}

	/**
	 * Items of the pilot filed in [start, end) or whose status changed in it (a row of
	 * pf_history for the field status), by component, type, priority shown and current status;
	 * each item counts once. Same visibility rule as counts().
	 *
	 * @param list<int>|null $organisationIds only these organisations' items (null: all)
	 * @return list<array{organisationId: ?int, componentId: int, type: string, priority: int, status: string, count: int}>
	 */
	public function countsFiledOrChanged(Actor $actor, int $pilotId, int $start, int $end, ?array $organisationIds): array {
		return $this->grouped($actor, $pilotId, $organisationIds, false, function (IQueryBuilder $qb) use ($start, $end): void {
			$from = $qb->createNamedParameter($start, IQueryBuilder::PARAM_INT);
			$to = $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT);
			$changed = $this->db->getQueryBuilder();
			$changed->select('h.item_id')->from('pf_history', 'h')
				->where($changed->expr()->eq('h.field', $qb->createNamedParameter('status')))
				->andWhere($changed->expr()->gte('h.created_at', $from))
				->andWhere($changed->expr()->lt('h.created_at', $to));
			$qb->andWhere($qb->expr()->orX(
				$qb->expr()->andX($qb->expr()->gte('i.created_at', $from), $qb->expr()->lt('i.created_at', $to)),
				$qb->expr()->in('i.id', $qb->createFunction($changed->getSQL())),
			));
		});
	}

	/**
	 * The pilot's visible items that $inPeriod selects, counted by component, type, priority
	 * shown (the consolidated one where set, else the reporter's) and status, optionally also
	 * by organisation.
	 *
	 * @param list<int>|null $organisationIds only these organisations' items (null: all)
	 * @param callable(IQueryBuilder): void $inPeriod adds the condition on the period (alias i)
	 * @return list<array{organisationId: ?int, componentId: int, type: string, priority: int, status: string, count: int}>
	 */
	private function grouped(Actor $actor, int $pilotId, ?array $organisationIds, bool $byOrganisation, callable $inPeriod): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		// grouped by the priority shown (consolidated, else the reporter's), as the list filters by it
		$priority = $this->items->shownPriority($qb, 'i.');
		$qb->select('i.component_id', 'i.type', 'i.status')
			->selectAlias($priority, 'shown_priority')
			->selectAlias($qb->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->groupBy('i.component_id', 'i.type', $priority, 'i.status');
		$inPeriod($qb);
		if ($byOrganisation) {
			$qb->addSelect('i.org_id')->addGroupBy('i.org_id');
		}
		if ($organisationIds !== null) {
			$qb->andWhere($qb->expr()->in('i.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		$this->items->restrictToVisible($qb, $actor, 'i.');
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = [
				'organisationId' => $byOrganisation ? (int)$row['org_id'] : null,
				'componentId' => (int)$row['component_id'],
				'type' => (string)$row['type'],
				'priority' => (int)$row['shown_priority'],
				'status' => (string)$row['status'],
				'count' => (int)$row['n'],
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * How many of the pilot's items are open and of high or critical priority (as openUrgent()
	 * lists them, without its limit), per component; filed before $end.
	 *
	 * @param list<int>|null $organisationIds only these organisations' items (null: all)
	 * @return array<int, int> componentId => count
	 */
	public function openUrgentCounts(Actor $actor, int $pilotId, int $end, ?array $organisationIds): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$priority = $this->items->shownPriority($qb, 'i.');
		$qb->select('i.component_id')->selectAlias($qb->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->in('i.status', $qb->createNamedParameter(self::OPEN_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($qb->expr()->gte($priority, $qb->createNamedParameter(3, IQueryBuilder::PARAM_INT)))
			->groupBy('i.component_id');
		if ($organisationIds !== null) {
			$qb->andWhere($qb->expr()->in('i.org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		$this->items->restrictToVisible($qb, $actor, 'i.');
		$counts = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$counts[(int)$row['component_id']] = (int)$row['n'];
		}
		$result->closeCursor();
		return $counts;
	}

	/**
	 * The pilot's items that are open and of high or critical priority (consolidated priority
	 * when set, else the reporter's), filed before $end, most urgent and oldest first.
	 *
	 * @return list<Item>
	 */
	public function openUrgent(Actor $actor, int $pilotId, int $end, int $limit): array {
		// the ids from the covering index pf_item_ov, then only those rows
		$qb = $this->db->getQueryBuilder();
		$priority = $this->items->shownPriority($qb, 'i.');
		$qb->select('i.id')->from('pf_items', 'i')
			->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->in('i.status', $qb->createNamedParameter(self::OPEN_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($qb->expr()->gte($priority, $qb->createNamedParameter(3, IQueryBuilder::PARAM_INT)))
			->orderBy($priority, 'DESC')->addOrderBy('i.created_at', 'ASC')->addOrderBy('i.id', 'ASC')
			->setMaxResults($limit);
		$this->items->restrictToVisible($qb, $actor, 'i.');
		return $this->items->findInOrderOf($qb);
	}

	/**
	 * How many of the pilot's items were filed, and how many closed, in each month.
	 *
	 * @param non-empty-list<int> $bounds start of each month and the end of the last, ascending
	 * @return array{filed: array<int, int>, closed: array<int, int>} month index => count
	 */
	public function perMonth(Actor $actor, int $pilotId, array $bounds): array {
		$filed = $this->db->getQueryBuilder();
		$bucket = $this->bucket($filed, 'i.created_at', $bounds);
		$filed->selectAlias($bucket, 'bucket')->selectAlias($filed->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($filed->expr()->eq('i.pilot_id', $filed->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($filed->expr()->gte('i.created_at', $filed->createNamedParameter($bounds[0], IQueryBuilder::PARAM_INT)))
			->andWhere($filed->expr()->lt('i.created_at', $filed->createNamedParameter($bounds[count($bounds) - 1], IQueryBuilder::PARAM_INT)))
			->groupBy($bucket);
		$this->items->restrictToVisible($filed, $actor, 'i.');

		// An item closed twice in a month (closed, reopened, closed) counts once in it.
		$closed = $this->db->getQueryBuilder();
		$bucket = $this->bucket($closed, 'h.created_at', $bounds);
		$closed->selectAlias($bucket, 'bucket')
			->selectAlias($closed->createFunction('COUNT(DISTINCT ' . $closed->getColumnName('h.item_id') . ')'), 'n')
			->from('pf_history', 'h');
		if ($this->db->getDatabaseProvider() === IDBConnection::PLATFORM_SQLITE) {
			// SQLite, without statistics, reads the range's status changes (pf_hist_field) and
			// looks each item up by its key: a cost that follows the range. Joined with the
			// pilot's items instead, it started from all of them, whatever the range (200 000
			// items: 79 ms for a month, now 15 ms). EXISTS keeps it from reordering the join.
			$pilotItem = $this->db->getQueryBuilder();
			$pilotItem->select('i.id')->from('pf_items', 'i')
				->where($pilotItem->expr()->eq('i.id', 'h.item_id'))
				->andWhere($pilotItem->expr()->eq('i.pilot_id', $closed->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
			$this->items->restrictToVisible($pilotItem, $actor, 'i.', $closed);
			$closed->where($closed->createFunction('EXISTS (' . $pilotItem->getSQL() . ')'));
		} else {
			// PostgreSQL (with statistics) and the others join the items to the range's changes themselves
			$closed->innerJoin('h', 'pf_items', 'i', $closed->expr()->eq('i.id', 'h.item_id'))
				->where($closed->expr()->eq('i.pilot_id', $closed->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
			$this->items->restrictToVisible($closed, $actor, 'i.');
		}
		$closed->andWhere($closed->expr()->eq('h.field', $closed->createNamedParameter('status')))
			->andWhere($closed->expr()->in('h.new_value', $closed->createNamedParameter(self::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($closed->expr()->gte('h.created_at', $closed->createNamedParameter($bounds[0], IQueryBuilder::PARAM_INT)))
			->andWhere($closed->expr()->lt('h.created_at', $closed->createNamedParameter($bounds[count($bounds) - 1], IQueryBuilder::PARAM_INT)))
			->groupBy($bucket);

		return ['filed' => $this->bucketCounts($filed), 'closed' => $this->bucketCounts($closed)];
	}

	/**
	 * Requirements and improvements of the pilot, still open and filed before $end, ranked by
	 * score: each supporting organisation counts once, with the weight of the highest priority
	 * it gave (WEIGHTS). An organisation supports an item by filing it, by supporting it (+1,
	 * with the priority the supporter chose) or by filing or supporting an item merged into it as its
	 * duplicate (with that item's priority; see MergeService). Ties break on the number of supporters, then the older item.
	 *
	 * The score depends on the item, its supporters and duplicates only, not on the range:
	 * it is stored on the item (rank_score from rank_orgs organisations, kept in step by
	 * Item\RankingWeights), and the ranking reads the pilot's index pf_item_rank from its top
	 * until $limit items pass the filters.
	 *
	 * @return list<array{id: int, title: string, type: string, priority: int, supportCount: int, score: int, organisations: int}>
	 */
	public function ranking(Actor $actor, int $pilotId, int $end, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		// SQLite, without statistics, preferred pf_item_ov for (pilot_id, created_at) and sorted
		// all the pilot's items (200 000 items: 61 ms); with created_at out of its reach it reads
		// pf_item_rank from the top (1 ms), as PostgreSQL does by itself.
		$filedBefore = $this->db->getDatabaseProvider() === IDBConnection::PLATFORM_SQLITE
			? $qb->createFunction($qb->getColumnName('i.created_at') . ' + 0')
			: 'i.created_at';
		$qb->select('i.id', 'i.title', 'i.type', 'i.priority', 'i.support_count', 'i.rank_score', 'i.rank_orgs')
			->from('pf_items', 'i')
			->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt($filedBefore, $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->in('i.type', $qb->createNamedParameter(['requirement', 'improvement'], IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($qb->expr()->in('i.status', $qb->createNamedParameter(self::OPEN_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->orderBy('i.rank_score', 'DESC')->addOrderBy('i.support_count', 'DESC')->addOrderBy('i.id', 'ASC')
			->setMaxResults($limit);
		$this->items->restrictToVisible($qb, $actor, 'i.');
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$rows[] = [
				'id' => (int)$row['id'],
				'title' => (string)$row['title'],
				'type' => (string)$row['type'],
				'priority' => (int)$row['priority'],
				'supportCount' => (int)$row['support_count'],
				'score' => (int)$row['rank_score'],
				'organisations' => (int)$row['rank_orgs'],
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * The index of the month a time falls in, as SQL: CASE WHEN t < bound1 THEN 0 WHEN … END.
	 *
	 * @param non-empty-list<int> $bounds
	 */
	private function bucket(IQueryBuilder $qb, string $column, array $bounds): IQueryFunction {
		$sql = 'CASE';
		$quoted = $qb->getColumnName($column);
		for ($i = 1, $last = count($bounds); $i < $last; $i++) {
			$sql .= ' WHEN ' . $quoted . ' < ' . $bounds[$i] . ' THEN ' . ($i - 1);
		}
		return $qb->createFunction($sql . ' END');
	}

	/** @return array<int, int> bucket => count */
	private function bucketCounts(IQueryBuilder $qb): array {
		$counts = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$counts[(int)$row['bucket']] = (int)$row['n'];
		}
		$result->closeCursor();
		return $counts;
	}
}
