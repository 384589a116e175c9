<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** Reads and replaces the rows of the link tables named by Link. */
class LinkMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The right-hand values for each of the given left-hand ids (all rows when $leftIds is null).
	 *
	 * @param list<int>|null $leftIds
	 * @return array<int, list<int|string>>
	 */
	public function rightsByLeft(Link $link, ?array $leftIds = null): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select($link->left(), $link->right())->from($link->value)->orderBy($link->right());
		if ($leftIds !== null) {
			if ($leftIds === []) {
				return [];
			}
			$qb->where($qb->expr()->in($link->left(), $qb->createNamedParameter($leftIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		$result = $qb->executeQuery();
		$map = [];
		while ($row = $result->fetch()) {
			$map[(int)$row[$link->left()]][] = $link->rightIsNumeric() ? (int)$row[$link->right()] : (string)$row[$link->right()];
		}
		$result->closeCursor();
		return $map;
	}

	/**
	 * The left-hand ids for each of the given right-hand values.
	 *
	 * @param list<int|string> $rights
	 * @return array<int|string, list<int>>
	 */
	public function leftsByRight(Link $link, array $rights): array {
		if ($rights === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select($link->left(), $link->right())->from($link->value)
			->where($qb->expr()->in($link->right(), $qb->createNamedParameter($rights, $this->rightArrayType($link))))
			->orderBy($link->left());
		$result = $qb->executeQuery();
		$map = [];
		while ($row = $result->fetch()) {
			$right = $link->rightIsNumeric() ? (int)$row[$link->right()] : (string)$row[$link->right()];
			$map[$right][] = (int)$row[$link->left()];
		}
		$result->closeCursor();
		return $map;
	}

	/**
	 * The left-hand ids linked to any of the given right-hand values.
	 *
	 * @param list<int|string> $rights
	 * @return list<int>
	 */
	public function leftsForRights(Link $link, array $rights): array {
		if ($rights === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->selectDistinct($link->left())->from($link->value)
			->where($qb->expr()->in($link->right(), $qb->createNamedParameter($rights, $this->rightArrayType($link))));
		$result = $qb->executeQuery();
		$ids = array_map(intval(...), $result->fetchFirstColumn());
		$result->closeCursor();
		return $ids;
	}

	/**
	 * Makes the links of one left-hand id exactly the given values. Call inside a transaction.
	 *
	 * @param list<int|string> $rights
	 */
	public function replace(Link $link, int $left, array $rights): void {
		$delete = $this->db->getQueryBuilder();
		$delete->delete($link->value)
			->where($delete->expr()->eq($link->left(), $delete->createNamedParameter($left, IQueryBuilder::PARAM_INT)))
			->executeStatement();
		sort($rights); // one insertion order for every writer
		foreach ($rights as $right) {
			$this->insert($link, $left, $right);
		}
	}

	/**
	 * Makes the links of one right-hand value exactly the given left-hand ids. Call inside a transaction.
	 *
	 * @param list<int> $lefts
	 */
	public function replaceLefts(Link $link, int|string $right, array $lefts): void {
		$rightType = $link->rightIsNumeric() ? IQueryBuilder::PARAM_INT : IQueryBuilder::PARAM_STR;
		$delete = $this->db->getQueryBuilder();
		$delete->delete($link->value)
			->where($delete->expr()->eq($link->right(), $delete->createNamedParameter($right, $rightType)))
			->executeStatement();
		sort($lefts); // one insertion order for every writer
		foreach ($lefts as $left) {
			$this->insert($link, $left, $right);
		}
	}

	private function insert(Link $link, int $left, int|string $right): void {
		$insert = $this->db->getQueryBuilder();
		$insert->insert($link->value)->values([
			$link->left() => $insert->createNamedParameter($left, IQueryBuilder::PARAM_INT),
			$link->right() => $insert->createNamedParameter($right, $link->rightIsNumeric() ? IQueryBuilder::PARAM_INT : IQueryBuilder::PARAM_STR),
		])->executeStatement();
	}

	/** @return IQueryBuilder::PARAM_INT_ARRAY|IQueryBuilder::PARAM_STR_ARRAY */
	private function rightArrayType(Link $link): int {
		return $link->rightIsNumeric() ? IQueryBuilder::PARAM_INT_ARRAY : IQueryBuilder::PARAM_STR_ARRAY;
	}
}
