<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** Who supports ("concerns us too") which item, and the item's cached count of them. */
class SupporterMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/** @return list<array{userId: string, organisationId: int}> */
	public function findForItem(int $itemId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('user_id', 'org_id')->from('pf_supporters')
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->orderBy('created_at')->addOrderBy('id');
		$result = $qb->executeQuery();
		$rows = [];
		while ($row = $result->fetch()) {
			$rows[] = ['userId' => (string)$row['user_id'], 'organisationId' => (int)$row['org_id']];
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

	/** Adds a supporter unless present; returns whether a row was added. Call inside a transaction. */
	public function add(int $itemId, string $userId, int $orgId, int $now): bool {
		if ($this->supportedBy($userId, [$itemId]) !== []) {
			return false;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->insert('pf_supporters')->values([
			'item_id' => $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT),
			'user_id' => $qb->createNamedParameter($userId),
			'org_id' => $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT),
			'created_at' => $qb->createNamedParameter($now, IQueryBuilder::PARAM_INT),
		])->executeStatement();
		return true;
	}

	/** Removes a supporter; returns whether a row was removed. Call inside a transaction. */
	public function remove(int $itemId, string $userId): bool {
		$qb = $this->db->getQueryBuilder();
		return $qb->delete('pf_supporters')
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->executeStatement() > 0;
	}

	/** Recounts an item's supporters in SQL and stores the count on the item (for sorting). */
	public function refreshCount(int $itemId): void {
		$count = $this->db->getQueryBuilder();
		$count->select($count->func()->count('*'))->from('pf_supporters')
			->where($count->expr()->eq('item_id', $count->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)));
		$result = $count->executeQuery();
		$total = (int)$result->fetchOne();
		$result->closeCursor();

		$update = $this->db->getQueryBuilder();
		$update->update('pf_items')
			->set('support_count', $update->createNamedParameter($total, IQueryBuilder::PARAM_INT))
			->where($update->expr()->eq('id', $update->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->executeStatement();
	}
}
