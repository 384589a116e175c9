<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The ranking weight of every item, stored on it (pf_items.rank_score and rank_orgs) so that
 * the items overview reads only the top of its index instead of grouping every open item with
 * its supporters: each supporting organisation counts once, with the weight of the highest
 * priority it gave (ItemsOverviewMapper::WEIGHTS). An organisation supports an item by filing
 * it (the item's priority), by supporting it (the priority the supporter chose; on a row
 * without one, the priority of the merged duplicate it came from, else the item's; a row
 * moved from a duplicate that no longer exists does not count) or by filing an item merged
 * into it as its duplicate (that item's priority).
 *
 * The weight depends only on the item, its supporters and its duplicates, never on the status
 * or on time, so it is the same for every range. Every writer refreshes the items a change
 * touches (around()) in its own transaction, which also recounts their supporters
 * (pf_items.support_count); verify() recomputes all weights and reports (and repairs) any
 * difference.
 */
class RankingWeights {
	/** Items per UPDATE batch and per IN list. */
	private const BATCH = 500;
	/** Items verify() reads and recomputes at a time. */
	private const WINDOW = 10_000;

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The items whose weight a change of $itemId (its priority, organisation or duplicate
	 * target) can change: the item itself, the item it is a duplicate of, and the items
	 * holding support moved from it by a merge. $previousDuplicateOf adds the target it was a
	 * duplicate of before the change.
	 *
	 * @return list<int>
	 */
	public function around(int $itemId, ?int $previousDuplicateOf = null): array {
		$ids = [$itemId => true];
		if ($previousDuplicateOf !== null) {
			$ids[$previousDuplicateOf] = true;
		}
		$target = $this->duplicateOf($itemId);
		if ($target !== null) {
			$ids[$target] = true;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->selectDistinct('item_id')->from('pf_supporters')
			->where($qb->expr()->eq('merged_from', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		foreach (array_map(intval(...), $result->fetchFirstColumn()) as $id) {
			$ids[$id] = true;
		}
		$result->closeCursor();
		return array_keys($ids);
	}

	/** The item a stored item is a duplicate of, or null (read before a change, for around()). */
	public function duplicateOf(int $itemId): ?int {
		$qb = $this->db->getQueryBuilder();
		$qb->select('duplicate_of')->from('pf_items')
			->where($qb->expr()->eq('id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$values = $result->fetchFirstColumn();
		$result->closeCursor();
		return ($values === [] || $values[0] === null) ? null : (int)$values[0];
	}

	/**
	 * Recomputes the weights and supporter counts of these items and stores those that
	 * changed. Call inside the writer's transaction, after its changes to supporters and items;
	 * it opens none of its own.
	 *
	 * @param list<int> $itemIds
	 */
	public function refresh(array $itemIds): void {
		$itemIds = array_values(array_unique($itemIds));
		sort($itemIds);
		foreach (array_chunk($itemIds, self::BATCH) as $chunk) {
			// Lock the items' rows first (in the order of their ids), so that of two transactions
			// changing the supporters of one item at once the second counts after the first
			// committed: counted before that (PostgreSQL's and MariaDB's READ COMMITTED), it would
			// store a count and weight without the first's rows, last.
			$lock = $this->db->getQueryBuilder();
			$lock->update('pf_items')->set('rank_orgs', 'rank_orgs')
				->where($lock->expr()->in('id', $lock->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)))
				->executeStatement();
			$stored = $this->stored($chunk);
			$computed = $this->compute($chunk);
			$supporters = $this->supporterCounts($chunk);
			foreach ($stored as $id => $row) {
				$new = ($computed[$id] ?? ['score' => 0, 'orgs' => 0]) + ['supporters' => $supporters[$id] ?? 0];
				if ($new !== $row) {
					$this->update($id, $new);
				}
			}
		}
	}

	/**
	 * Recomputes the weights of all items and counts those that differ from the stored ones,
	 * describing the first $describe of them; with $repair, stores the recomputed ones. Only a
	 * few are described, so that memory stays bounded however many differ (a seeder's first
	 * run: every item).
	 *
	 * @return array{differ: int, described: list<string>}
	 */
	public function verify(bool $repair = false, int $describe = 20): array {
		$differ = 0;
		$described = [];
		$lastId = 0;
		do {
			// a window of items at a time, so that memory stays bounded on any number of items
			$qb = $this->db->getQueryBuilder();
			$qb->select('id', 'rank_score', 'rank_orgs')->from('pf_items')
				->where($qb->expr()->gt('id', $qb->createNamedParameter($lastId, IQueryBuilder::PARAM_INT)))
				->orderBy('id')->setMaxResults(self::WINDOW);
			$result = $qb->executeQuery();
			$stored = [];
			while ($row = $result->fetch()) {
				$stored[(int)$row['id']] = ['score' => (int)$row['rank_score'], 'orgs' => (int)$row['rank_orgs']];
			}
			$result->closeCursor();
			if ($stored === []) {
				break;
			}
			$upTo = array_key_last($stored);
			$computed = $this->computeBetween($lastId, $upTo);
			$changed = [];
			foreach ($stored as $id => $weight) {
				$new = $computed[$id] ?? ['score' => 0, 'orgs' => 0];
				if ($new !== $weight) {
					if (++$differ <= $describe) {
						$described[] = sprintf('item %d: ranking weight %d from %d organisation(s) stored, %d from %d computed',
							$id, $weight['score'], $weight['orgs'], $new['score'], $new['orgs']);
					}
					$changed[$id] = $new;
				}
			}
			if ($repair) {
				$this->storeInBatches($changed);
			}
			$lastId = $upTo;
		} while (true);
		return ['differ' => $differ, 'described' => $described];
	}

	/**
	 * The weights and supporter counts stored on these items.
	 *
	 * @param list<int> $itemIds
	 * @return array<int, array{score: int, orgs: int, supporters: int}>
	 */
	private function stored(array $itemIds): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'rank_score', 'rank_orgs', 'support_count')->from('pf_items')
			->where($qb->expr()->in('id', $qb->createNamedParameter($itemIds, IQueryBuilder::PARAM_INT_ARRAY)));
		$result = $qb->executeQuery();
		$rows = [];
		while ($row = $result->fetch()) {
			$rows[(int)$row['id']] = ['score' => (int)$row['rank_score'], 'orgs' => (int)$row['rank_orgs'], 'supporters' => (int)$row['support_count']];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * How many supporter rows each of these items has (items without any are missing).
	 *
	 * @param list<int> $itemIds
	 * @return array<int, int>
	 */
	private function supporterCounts(array $itemIds): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('item_id')->selectAlias($qb->func()->count('*'), 'supporters')->from('pf_supporters')
			->where($qb->expr()->in('item_id', $qb->createNamedParameter($itemIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->groupBy('item_id');
		$result = $qb->executeQuery();
		$counts = [];
		while ($row = $result->fetch()) {
			$counts[(int)$row['item_id']] = (int)$row['supporters'];
		}
		$result->closeCursor();
		return $counts;
	}

	/**
	 * Stores repaired weights (verify()), a transaction per batch, so that a repair of many
	 * items neither holds all their rows locked nor loses every batch to one failure.
	 *
	 * @param array<int, array{score: int, orgs: int}> $weights
	 */
	private function storeInBatches(array $weights): void {
		foreach (array_chunk($weights, self::BATCH, true) as $chunk) {
			$this->db->beginTransaction();
			try {
				foreach ($chunk as $id => $weight) {
					$this->update($id, $weight);
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
		}
	}

	/**
	 * Stores an item's weight, and its supporter count when given.
	 *
	 * @param array{score: int, orgs: int, supporters?: int} $weight
	 */
	private function update(int $id, array $weight): void {
		$qb = $this->db->getQueryBuilder();
		$qb->update('pf_items')
			->set('rank_score', $qb->createNamedParameter($weight['score'], IQueryBuilder::PARAM_INT))
			->set('rank_orgs', $qb->createNamedParameter($weight['orgs'], IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)));
		if (isset($weight['supporters'])) {
			$qb->set('support_count', $qb->createNamedParameter($weight['supporters'], IQueryBuilder::PARAM_INT));
		}
		$qb->executeStatement();
	}

	/**
	 * The weights computed from the items, supporters and duplicates, of these items.
	 *
	 * @param list<int> $itemIds
	 * @return array<int, array{score: int, orgs: int}>
	 */
	public function compute(array $itemIds): array {
		return $this->computed(static function (IQueryBuilder $qb, string $column, IQueryBuilder $params) use ($itemIds): string {
			return $qb->expr()->in($column, $params->createNamedParameter($itemIds, IQueryBuilder::PARAM_INT_ARRAY));
		});
	}

	/**
	 * The weights computed of the items with an id in (after, upTo].
	 *
	 * @return array<int, array{score: int, orgs: int}>
	 */
	private function computeBetween(int $after, int $upTo): array {
		return $this->computed(static function (IQueryBuilder $qb, string $column, IQueryBuilder $params) use ($after, $upTo): string {
			return '(' . $qb->expr()->gt($column, $params->createNamedParameter($after, IQueryBuilder::PARAM_INT))
				. ' AND ' . $qb->expr()->lte($column, $params->createNamedParameter($upTo, IQueryBuilder::PARAM_INT)) . ')';
		});
	}

	/**
	 * @param \Closure(IQueryBuilder, string, IQueryBuilder): string $items the condition on the ids of the items weighed (in the column given), its parameters on the last query builder
	 * @return array<int, array{score: int, orgs: int}>
	 */
	private function computed(\Closure $items): array {
		$qb = $this->db->getQueryBuilder();

		// (item, organisation, priority): the reporter's organisation, the supporters, the duplicates
		$filed = $this->db->getQueryBuilder();
		$filed->select('t.id', 't.org_id', 't.priority')->from('pf_items', 't');
		$supported = $this->db->getQueryBuilder();
		$given = $supported->createFunction('COALESCE(' . $supported->getColumnName('s.priority') . ', ' . $supported->getColumnName('src.priority') . ', ' . $supported->getColumnName('t.priority') . ')');
		$supported->select('t.id', 's.org_id')->selectAlias($given, 'priority')->from('pf_supporters', 's')
			->innerJoin('s', 'pf_items', 't', $supported->expr()->eq('t.id', 's.item_id'))
			->leftJoin('s', 'pf_items', 'src', $supported->expr()->eq('src.id', 's.merged_from'))
			->where($supported->expr()->orX($supported->expr()->isNull('s.merged_from'), $supported->expr()->isNotNull('src.id')));
		$duplicates = $this->db->getQueryBuilder();
		$duplicates->select('t.id', 'd.org_id', 'd.priority')->from('pf_items', 'd')
			->innerJoin('d', 'pf_items', 't', $duplicates->expr()->eq('t.id', 'd.duplicate_of'));
		$filed->where($items($filed, 't.id', $qb));
		$supported->andWhere($items($supported, 's.item_id', $qb));
		$duplicates->where($items($duplicates, 'd.duplicate_of', $qb));
		$contributions = $filed->getSQL() . ' UNION ALL ' . $supported->getSQL() . ' UNION ALL ' . $duplicates->getSQL();

		// the highest priority per item and organisation, then the weighted sum per item
		$perOrg = $this->db->getQueryBuilder();
		$perOrg->select('c.id', 'c.org_id')
			->selectAlias($perOrg->func()->max('c.priority'), 'top')
			->from($perOrg->createFunction('(' . $contributions . ')'), 'c')
			->groupBy('c.id', 'c.org_id');
		$weight = 'CASE';
		foreach (ItemsOverviewMapper::WEIGHTS as $rank => $value) {
			$weight .= ' WHEN ' . $qb->getColumnName('o.top') . ' = ' . $rank . ' THEN ' . $value;
		}
		$weight .= ' ELSE 0 END';
		$qb->select('o.id')
			->selectAlias($qb->createFunction('SUM(' . $weight . ')'), 'score')
			->selectAlias($qb->func()->count('*'), 'orgs')
			->from($qb->createFunction('(' . $perOrg->getSQL() . ')'), 'o')
			->groupBy('o.id');
		$weights = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$weights[(int)$row['id']] = ['score' => (int)$row['score'], 'orgs' => (int)$row['orgs']];
		}
		$result->closeCursor();
		return $weights;
	}
}
