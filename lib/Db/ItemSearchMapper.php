<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Actor;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The queries of the Nextcloud integrations over items (unified search, dashboard), each
 * restricted in SQL to the items the actor may see (ItemMapper::restrictToVisible).
 */
class ItemSearchMapper {
	public function __construct(
		private IDBConnection $db,
		private ItemMapper $items,
	) {
	}

	/**
	 * Visible items whose title or text contains the term (case-insensitive), newest change first.
	 *
	 * @return list<Item>
	 */
	public function search(Actor $actor, string $term, ?int $since, ?int $until, ?string $reporterId, int $offset, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$like = $qb->createNamedParameter('%' . $this->db->escapeLikeParameter($term) . '%');
		$qb->select('*')->from('pf_items')
			->where($qb->expr()->orX(
				$qb->expr()->iLike('title', $like),
				$qb->expr()->iLike('body', $like),
			));
		if ($since !== null) {
			$qb->andWhere($qb->expr()->gte('updated_at', $qb->createNamedParameter($since, IQueryBuilder::PARAM_INT)));
		}
		if ($until !== null) {
			$qb->andWhere($qb->expr()->lte('updated_at', $qb->createNamedParameter($until, IQueryBuilder::PARAM_INT)));
		}
		if ($reporterId !== null) {
			$qb->andWhere($qb->expr()->eq('reporter_id', $qb->createNamedParameter($reporterId)));
		}
		$this->items->restrictToVisible($qb, $actor);
		$qb->orderBy('updated_at', 'DESC')->addOrderBy('id', 'DESC')
			->setFirstResult($offset)->setMaxResults($limit);
		return $this->items->findByQuery($qb);
	}

	/**
	 * Visible items that match, newest change first.
	 *
	 * @param array{reporterId?: string, createdAfter?: int, updatedAfter?: int, statuses?: list<string>, minPriority?: int} $where
	 * @return list<Item>
	 */
	public function latest(Actor $actor, array $where, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from('pf_items');
		if (isset($where['reporterId'])) {
			$qb->andWhere($qb->expr()->eq('reporter_id', $qb->createNamedParameter($where['reporterId'])));
		}
		if (isset($where['createdAfter'])) {
			$qb->andWhere($qb->expr()->gt('created_at', $qb->createNamedParameter($where['createdAfter'], IQueryBuilder::PARAM_INT)));
		}
		if (isset($where['updatedAfter'])) {
			$qb->andWhere($qb->expr()->gt('updated_at', $qb->createNamedParameter($where['updatedAfter'], IQueryBuilder::PARAM_INT)));
		}
		if (isset($where['statuses'])) {
			$qb->andWhere($qb->expr()->in('status', $qb->createNamedParameter($where['statuses'], IQueryBuilder::PARAM_STR_ARRAY)));
		}
		if (isset($where['minPriority'])) {
			$qb->andWhere($qb->expr()->gte(
				$qb->createFunction('COALESCE(' . $qb->getColumnName('cons_priority') . ', ' . $qb->getColumnName('priority') . ')'),
				$qb->createNamedParameter($where['minPriority'], IQueryBuilder::PARAM_INT),
			));
		}
		$this->items->restrictToVisible($qb, $actor);
		$qb->orderBy('updated_at', 'DESC')->addOrderBy('id', 'DESC')->setMaxResults($limit);
		return $this->items->findByQuery($qb);
	}
}
