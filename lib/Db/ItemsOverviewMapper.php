<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Priority;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The aggregate queries of the items overview: counts by type × priority × status, open
 * critical and high items, items filed and closed per month, and the ranking of requirements
 * and improvements. Every query applies the visibility rule of items (ItemMapper), so that no
 * figure counts a confidential item the viewer may not see.
 *
 * Items filed and closed per month come from the monthly item totals (ItemMonthsMapper).
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
		private ItemMonthsMapper $months,
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
		// Grouped by both priorities, in the order of pf_item_counts, so that the rows come
		// grouped from the index; the priority shown (the consolidated one where set, else the
		// reporter's) is folded in PHP. Grouped by COALESCE(cons_priority, priority), which no
		// index holds, SQLite sorted the range's items first (24 months of 200 000: 80 ms, now
		// 18 ms; docs/performance.md).
		$qb = $this->db->getQueryBuilder();
		$qb->select('i.component_id', 'i.type', 'i.status', 'i.cons_priority', 'i.priority')
			->selectAlias($qb->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->groupBy('i.component_id', 'i.type', 'i.status', 'i.cons_priority', 'i.priority');
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
			$organisationId = $byOrganisation ? (int)$row['org_id'] : null;
			$componentId = (int)$row['component_id'];
			$type = (string)$row['type'];
			$priority = (int)($row['cons_priority'] ?? $row['priority']);
			$status = (string)$row['status'];
			$key = sprintf('%d|%d|%s|%d|%s', $organisationId ?? 0, $componentId, $type, $priority, $status);
			$rows[$key] ??= ['organisationId' => $organisationId, 'componentId' => $componentId, 'type' => $type, 'priority' => $priority, 'status' => $status, 'count' => 0];
			$rows[$key]['count'] += (int)$row['n'];
		}
		$result->closeCursor();
		return array_values($rows);
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
		// One priority at a time, oldest first: the covering index pf_item_ov is read in filing
		// order and the read stops at the limit. Sorted by the priority shown (COALESCE, which no
		// index holds), every open item of the pilot was read and sorted (200 000 items on
		// PostgreSQL: 26 ms; now 0.2 ms while critical items fill the list).
		$ids = [];
		foreach ([Priority::Critical, Priority::High] as $priority) {
			if (count($ids) >= $limit) {
				break;
			}
			$qb = $this->db->getQueryBuilder();
			$qb->select('i.id')->from('pf_items', 'i')
				->where($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->in('i.status', $qb->createNamedParameter(self::OPEN_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
				->andWhere($qb->expr()->eq($this->items->shownPriority($qb, 'i.'), $qb->createNamedParameter($priority->value, IQueryBuilder::PARAM_INT)))
				->orderBy('i.created_at', 'ASC')->addOrderBy('i.id', 'ASC')
				->setMaxResults($limit - count($ids));
			$this->items->restrictToVisible($qb, $actor, 'i.');
			$result = $qb->executeQuery();
			array_push($ids, ...array_map('intval', $result->fetchAll(\PDO::FETCH_COLUMN)));
			$result->closeCursor();
		}
		return $this->items->findInOrder($ids);
	}

	/**
	 * How many of the pilot's items were filed, and how many closed, in each month (an item
	 * closed twice in a month counts once in it).
	 *
	 * They come from the monthly item totals (ItemMonthsMapper), a few rows per month whatever
	 * the number of items: counted from the items and their history, 24 months took 100 ms on
	 * PostgreSQL at 200 000 items (docs/performance.md). The totals hold whole rows per
	 * organisation and confidentiality; the viewer's own confidential items of organisations
	 * they do not coordinate, which only they see, are counted from the items.
	 *
	 * @param non-empty-list<int> $bounds start of each month and the end of the last, ascending
	 * @return array{filed: array<int, int>, closed: array<int, int>} month index => count
	 */
	public function perMonth(Actor $actor, int $pilotId, array $bounds): array {
		$start = $bounds[0];
		$end = $bounds[count($bounds) - 1];
		$sums = $this->months->visibleSums($actor, $pilotId, $start, $end);
		if (!$actor->isConsolidator) {
			foreach ($this->ownConfidential($actor, $pilotId, $bounds) as $month => $own) {
				$sums[$month] = ['filed' => ($sums[$month]['filed'] ?? 0) + $own['filed'], 'closed' => ($sums[$month]['closed'] ?? 0) + $own['closed']];
			}
		}
		$index = array_flip($bounds);
		$perMonth = ['filed' => [], 'closed' => []];
		foreach ($sums as $month => $counts) {
			$perMonth['filed'][$index[$month]] = $counts['filed'];
			$perMonth['closed'][$index[$month]] = $counts['closed'];
		}
		return $perMonth;
	}

	/**
	 * The viewer's own confidential items in the pilot that no other rule lets them see (of
	 * organisations they do not coordinate), filed and closed per month: the part of perMonth()
	 * that the monthly totals cannot tell apart. Read by the reporter's index: a handful of rows.
	 *
	 * @param non-empty-list<int> $bounds
	 * @return array<int, array{filed: int, closed: int}> month start => counts
	 */
	private function ownConfidential(Actor $actor, int $pilotId, array $bounds): array {
		$start = $bounds[0];
		$end = $bounds[count($bounds) - 1];
		$own = function (IQueryBuilder $qb) use ($actor, $pilotId): void {
			$qb->andWhere($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
				->andWhere($this->items->ownConfidentialUncounted($qb, $actor, 'i.'));
		};
		$filed = $this->db->getQueryBuilder();
		$month = ItemMonthsMapper::monthStartOf($filed, 'i.created_at', $bounds);
		$filed->selectAlias($month, 'month_start')->selectAlias($filed->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($filed->expr()->gte('i.created_at', $filed->createNamedParameter($start, IQueryBuilder::PARAM_INT)))
			->andWhere($filed->expr()->lt('i.created_at', $filed->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->groupBy($month);
		$own($filed);

		$closed = $this->db->getQueryBuilder();
		$month = ItemMonthsMapper::monthStartOf($closed, 'h.created_at', $bounds);
		$closed->selectAlias($month, 'month_start')
			->selectAlias($closed->createFunction('COUNT(DISTINCT ' . $closed->getColumnName('h.item_id') . ')'), 'n')
			->from('pf_items', 'i')
			->innerJoin('i', 'pf_history', 'h', $closed->expr()->eq('h.item_id', 'i.id'))
			->where($closed->expr()->eq('h.field', $closed->createNamedParameter('status')))
			->andWhere($closed->expr()->in('h.new_value', $closed->createNamedParameter(self::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($closed->expr()->gte('h.created_at', $closed->createNamedParameter($start, IQueryBuilder::PARAM_INT)))
			->andWhere($closed->expr()->lt('h.created_at', $closed->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->groupBy($month);
		$own($closed);

		$counts = [];
		foreach (['filed' => $filed, 'closed' => $closed] as $kind => $qb) {
			$result = $qb->executeQuery();
			while ($row = $result->fetch()) {
				$counts[(int)$row['month_start']] ??= ['filed' => 0, 'closed' => 0];
				$counts[(int)$row['month_start']][$kind] = (int)$row['n'];
			}
			$result->closeCursor();
		}
		return $counts;
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
			// all three descending, as the item list sorted by support breaks its ties: MariaDB
			// then reads pf_item_rank backwards from the top (2 ms); with the newest last it
			// sorted all the pilot's items (200 000 items: 105 ms)
			->orderBy('i.rank_score', 'DESC')->addOrderBy('i.support_count', 'DESC')->addOrderBy('i.id', 'DESC')
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
}
