<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * Report items. Every list query applies the visibility rule of Policy::canSeeItem in SQL,
 * so that confidential items never leave the database for someone who may not see them,
 * and pages and counts stay right.
 *
 * @template-extends QBMapper<Item>
 */
class ItemMapper extends QBMapper {
	use FindsById;

	public function __construct(IDBConnection $db) {
		parent::__construct($db, 'pf_items', Item::class);
	}

	/** @throws NotFoundException */
	public function get(int $id): Item {
		return $this->findById($id, 'Item %1$s does not exist or you may not see it.');
	}

	/** @return list<Item> one page of the items the actor may see */
	public function findPage(Actor $actor, ItemQuery $query): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName());
		$this->applyFilters($qb, $actor, $query);
		$qb->orderBy($query->sortColumn, $query->ascending ? 'ASC' : 'DESC')
			->addOrderBy('id', $query->ascending ? 'ASC' : 'DESC')
			->setFirstResult($query->offset())
			->setMaxResults($query->limit);
		return $this->findEntities($qb);
	}

	/** How many items the actor may see match the filters. */
	public function count(Actor $actor, ItemQuery $query): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($this->getTableName());
		$this->applyFilters($qb, $actor, $query);
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/**
	 * Visible items whose titles contain every one of the words, most supported first.
	 *
	 * @param list<string> $words
	 * @return list<Item>
	 */
	public function findSimilar(Actor $actor, array $words, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName());
		$this->restrictToVisible($qb, $actor);
		foreach ($words as $word) {
			$qb->andWhere($qb->expr()->iLike('title', $qb->createNamedParameter('%' . $this->db->escapeLikeParameter($word) . '%')));
		}
		$qb->orderBy('support_count', 'DESC')->addOrderBy('updated_at', 'DESC')->setMaxResults($limit);
		return $this->findEntities($qb);
	}

	private function applyFilters(IQueryBuilder $qb, Actor $actor, ItemQuery $query): void {
		$this->restrictToVisible($qb, $actor);
		$equals = [
			'type' => [$query->type, IQueryBuilder::PARAM_STR],
			'component_id' => [$query->componentId, IQueryBuilder::PARAM_INT],
			'priority' => [$query->priority, IQueryBuilder::PARAM_INT],
			'status' => [$query->status, IQueryBuilder::PARAM_STR],
			'org_id' => [$query->organisationId, IQueryBuilder::PARAM_INT],
			'reporter_id' => [$query->mine ? $actor->userId : null, IQueryBuilder::PARAM_STR],
		];
		foreach ($equals as $column => [$value, $type]) {
			if ($value !== null) {
				$qb->andWhere($qb->expr()->eq($column, $qb->createNamedParameter($value, $type)));
			}
		}
	}

	/**
	 * Restricts a query over items to those the actor may see (Policy::canSeeItem in SQL):
	 * consolidators see everything; others the non-confidential items, their own, and their
	 * organisations' if they coordinate.
	 *
	 * @param string $prefix the items table's alias with its dot ("i."), or "" without alias
	 */
	public function restrictToVisible(IQueryBuilder $qb, Actor $actor, string $prefix = ''): void {
		if ($actor->isConsolidator) {
			return;
		}
		$visible = [
			$qb->expr()->isNull($prefix . 'confidential'),
			$qb->expr()->eq($prefix . 'confidential', $qb->createNamedParameter(false, IQueryBuilder::PARAM_BOOL)),
			$qb->expr()->eq($prefix . 'reporter_id', $qb->createNamedParameter($actor->userId)),
		];
		if ($actor->coordinatorOrgIds !== []) {
			$visible[] = $qb->expr()->in($prefix . 'org_id', $qb->createNamedParameter($actor->coordinatorOrgIds, IQueryBuilder::PARAM_INT_ARRAY));
		}
		$qb->andWhere($qb->expr()->orX(...$visible));
	}

	/**
	 * The items a prepared query selects (all columns of pf_items).
	 *
	 * @return list<Item>
	 */
	public function findByQuery(IQueryBuilder $qb): array {
		return $this->findEntities($qb);
	}
}
