<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCP\AppFramework\Db\Entity;
use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;

/**
 * The shared reads of the catalogue tables (pilots, components, criteria, organisations):
 * each record can be archived instead of deleted, so that no feedback ever loses its subject.
 *
 * @template T of Pilot|Component|Criterion|Organisation
 * @template-extends QBMapper<T>
 */
abstract class CatalogueMapper extends QBMapper {
	/** @use FindsById<T> */
	use FindsById;

	/** The column lists are sorted by. */
	abstract protected function orderColumn(): string;

	/** The column that identifies a record for people (title, name). */
	abstract protected function nameColumn(): string;

	/**
	 * @return T
	 * @throws NotFoundException
	 */
	public function get(int $id): Entity {
		return $this->findById($id, 'No record with id %1$s exists.');
	}

	/**
	 * Archives a record instead of deleting it, so that what was filed about it stays.
	 *
	 * @return T
	 * @throws NotFoundException
	 */
	public function archive(int $id, int $now): Entity {
		$entity = $this->get($id);
		$entity->setArchived(true);
		$entity->setUpdatedAt($now);
		return $this->update($entity);
	}

	/**
	 * @return list<T>
	 */
	public function findAll(bool $withArchived): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->orderBy($this->orderColumn())->addOrderBy('id');
		if (!$withArchived) {
			$this->whereActive($qb);
		}
		return $this->findEntities($qb);
	}

	/**
	 * @param list<int> $ids
	 * @return list<T>
	 */
	public function findByIds(array $ids, bool $withArchived = true): array {
		if ($ids === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->in('id', $qb->createNamedParameter($ids, IQueryBuilder::PARAM_INT_ARRAY)))
			->orderBy($this->orderColumn())->addOrderBy('id');
		if (!$withArchived) {
			$this->whereActive($qb);
		}
		return $this->findEntities($qb);
	}

	/**
	 * The record with this exact name, if any (used to keep names unique and seeding idempotent).
	 * $column: another name column to look in (the German name_de/title_de); default the name column.
	 *
	 * @return T|null
	 */
	public function findByName(string $name, ?string $column = null): ?Entity {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq($column ?? $this->nameColumn(), $qb->createNamedParameter($name)))
			->setMaxResults(1);
		$found = $this->findEntities($qb);
		return $found[0] ?? null;
	}

	private function whereActive(IQueryBuilder $qb): void {
		$qb->andWhere($qb->expr()->orX(
			$qb->expr()->isNull('archived'),
			$qb->expr()->eq('archived', $qb->createNamedParameter(false, IQueryBuilder::PARAM_BOOL)),
		));
	}
}
