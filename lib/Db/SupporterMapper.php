<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * Who supports ("concerns us too") which item. The count stored on the item (support_count)
 * is kept by Item\RankingWeights::refresh, which the writer calls after changing the rows.
 */
class SupporterMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The supporters of an item, oldest first; mergedFrom names the duplicate a row was
	 * moved from by a merge (null for those who supported the item themselves); priority is
	 * the rank (Model\Priority) the supporter gave, null on rows that count with the priority
	 * of the item they came from (rows made before supporters chose one, a merged reporter).
	 *
	 * @return list<array{userId: string, organisationId: int, mergedFrom: ?int, priority: ?int}>
	 */
	public function findForItem(int $itemId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('user_id', 'org_id', 'merged_from', 'priority')->from('pf_supporters')
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->orderBy('created_at')->addOrderBy('id');
		$result = $qb->executeQuery();
		$rows = [];
		while ($row = $result->fetch()) {
			$rows[] = [
				'userId' => (string)$row['user_id'],
				'organisationId' => (int)$row['org_id'],
				'mergedFrom' => $row['merged_from'] === null ? null : (int)$row['merged_from'],
				'priority' => $row['priority'] === null ? null : (int)$row['priority'],
			];
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * Which of the given items the user supports.
	 *
	 * @param list<int> $itemIds
	 * @return list<int>
	 */
	public function supportedBy(string $userId, array $itemIds): array {
		if ($itemIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('item_id')->from('pf_supporters')
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->in('item_id', $qb->createNamedParameter($itemIds, IQueryBuilder::PARAM_INT_ARRAY)));
		$result = $qb->executeQuery();
		$ids = array_map(intval(...), $result->fetchFirstColumn());
		$result->closeCursor();
		return $ids;
	}

	/**
	 * Adds a supporter unless present; returns whether a row was added. Call inside a transaction.
	 *
	 * @param int|null $mergedFrom the duplicate the support was moved from by a merge
	 * @param int|null $priority the rank of the priority the supporter gave; null: the item's they came from
	 */
	public function add(int $itemId, string $userId, int $orgId, int $now, ?int $mergedFrom = null, ?int $priority = null): bool {
		if ($this->supportedBy($userId, [$itemId]) !== []) {
			return false;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->insert('pf_supporters')->values([
			'item_id' => $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT),
			'user_id' => $qb->createNamedParameter($userId),
			'org_id' => $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT),
			'created_at' => $qb->createNamedParameter($now, IQueryBuilder::PARAM_INT),
			'merged_from' => $qb->createNamedParameter($mergedFrom, $mergedFrom === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
			'priority' => $qb->createNamedParameter($priority, $priority === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
		])->executeStatement();
		return true;
	}

	/**
	 * Sets the priority of a user's support of an item; returns whether it changed (false
	 * when the user does not support the item or gave that priority already).
	 *
	 * @param int $priority the rank (Model\Priority)
	 */
	public function setPriority(int $itemId, string $userId, int $priority): bool {
		$qb = $this->db->getQueryBuilder();
		return $qb->update('pf_supporters')
			->set('priority', $qb->createNamedParameter($priority, IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->orX(
				$qb->expr()->isNull('priority'),
				$qb->expr()->neq('priority', $qb->createNamedParameter($priority, IQueryBuilder::PARAM_INT)),
			))
			->executeStatement() > 0;
	}

	/** Records that a merged supporter row of an item now stands for another duplicate (see MergeService::unmerge). */
	public function retag(int $itemId, string $userId, int $mergedFrom): void {
		$qb = $this->db->getQueryBuilder();
		$qb->update('pf_supporters')
			->set('merged_from', $qb->createNamedParameter($mergedFrom, IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->executeStatement();
	}

	/** Removes a supporter; returns whether a row was removed. Call inside a transaction. */
	public function remove(int $itemId, string $userId): bool {
		$qb = $this->db->getQueryBuilder();
		return $qb->delete('pf_supporters')
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->executeStatement() > 0;
	}
}
