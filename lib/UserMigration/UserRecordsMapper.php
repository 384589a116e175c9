<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\UserMigration;

use OCA\PilotFeedback\Item\CommentService;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The rows of the app's tables that the user migration reads and writes, table by table: a
 * user's own rows, the natural keys of the catalogue entries they point to (so that an
 * import finds the same pilot, component, criterion, organisation and period on another
 * server by name), fingerprints of other people's items, and plain inserts.
 */
class UserRecordsMapper {
	/** Per catalogue kind: its table and the column that names an entry. */
	public const CATALOGUE = [
		'pilots' => ['pf_pilots', 'title'],
		'components' => ['pf_components', 'name'],
		'criteria' => ['pf_criteria', 'name'],
		'organisations' => ['pf_orgs', 'short_name'],
		'periods' => ['pf_periods', 'month'],
	];

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/** @return list<array<string, mixed>> the rows of $table whose $column is $value, by id */
	public function rows(string $table, string $column, string $value): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($table)->where($qb->expr()->eq($column, $qb->createNamedParameter($value)))->orderBy('id');
		return $this->fetchAll($qb);
	}

	/**
	 * @param list<int> $ids
	 * @return list<array<string, mixed>> the rows of $table whose $column is one of $ids, by id
	 */
	public function rowsIn(string $table, string $column, array $ids): array {
		$rows = [];
		foreach (array_chunk(array_values(array_unique($ids)), 1000) as $chunk) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('*')->from($table)->where($qb->expr()->in($column, $qb->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)))->orderBy('id');
			array_push($rows, ...$this->fetchAll($qb));
		}
		return $rows;
	}

	/** How many rows of $table have $value in $column. */
	public function count(string $table, string $column, string $value): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($table)->where($qb->expr()->eq($column, $qb->createNamedParameter($value)));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/** @return list<array{itemId: int, message: string, createdAt: int}> the user's comments on items, oldest first */
	public function comments(string $userId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('object_id', 'message', 'creation_timestamp')->from('comments')
			->where($qb->expr()->eq('actor_type', $qb->createNamedParameter('users')))
			->andWhere($qb->expr()->eq('actor_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('object_type', $qb->createNamedParameter(CommentService::OBJECT_TYPE)))
			->orderBy('id');
		return array_map(static fn (array $row): array => [
			'itemId' => (int)$row['object_id'],
			'message' => (string)$row['message'],
			'createdAt' => (int)strtotime((string)$row['creation_timestamp'] . ' UTC'),
		], $this->fetchAll($qb));
	}

	/**
	 * @param key-of<self::CATALOGUE> $kind
	 * @param list<int> $ids
	 * @return array<int, string> the name of each catalogue entry that exists, by id
	 */
	public function keysOf(string $kind, array $ids): array {
		[$table, $column] = self::CATALOGUE[$kind];
		$keys = [];
		foreach ($this->rowsIn($table, 'id', $ids) as $row) {
			$keys[(int)$row['id']] = (string)$row[$column];
		}
		return $keys;
	}

	/**
	 * @param key-of<self::CATALOGUE> $kind
	 * @param list<string> $keys
	 * @return array<string, int> the id of the catalogue entry of each name (the oldest when names repeat)
	 */
	public function idsByKey(string $kind, array $keys): array {
		[$table, $column] = self::CATALOGUE[$kind];
		$ids = [];
		foreach (array_chunk(array_values(array_unique($keys)), 1000) as $chunk) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('id', $column)->from($table)
				->where($qb->expr()->in($column, $qb->createNamedParameter($chunk, IQueryBuilder::PARAM_STR_ARRAY)))
				->orderBy('id');
			foreach ($this->fetchAll($qb) as $row) {
				$ids[(string)$row[$column]] ??= (int)$row['id'];
			}
		}
		return $ids;
	}

	/**
	 * @param list<int> $ids
	 * @return array<int, string> a fingerprint of each item that exists (its title and filing time), by id
	 */
	public function fingerprints(array $ids): array {
		$fingerprints = [];
		foreach ($this->rowsIn('pf_items', 'id', $ids) as $row) {
			$fingerprints[(int)$row['id']] = self::fingerprint((string)$row['title'], (int)$row['created_at']);
		}
		return $fingerprints;
	}

	/** Says whether two items are the same without carrying the title of someone else's item. */
	public static function fingerprint(string $title, int $createdAt): string {
		return hash('sha256', $createdAt . "\n" . $title);
	}

	/**
	 * @param array<string, int|string|bool|null> $where
	 * @return int|null the id of the first row of $table that has these values
	 */
	public function findId(string $table, array $where): ?int {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from($table);
		foreach ($where as $column => $value) {
			$qb->andWhere($value === null
				? $qb->expr()->isNull($column)
				: $qb->expr()->eq($column, $qb->createNamedParameter($value, self::type($value))));
		}
		$qb->orderBy('id')->setMaxResults(1);
		$result = $qb->executeQuery();
		/** @var int|string|false $id */
		$id = $result->fetchOne();
		$result->closeCursor();
		return $id === false ? null : (int)$id;
	}

	/**
	 * @param array<string, int|string|bool|null> $values
	 * @return int the new row's id
	 */
	public function insert(string $table, array $values): int {
		$qb = $this->db->getQueryBuilder();
		$qb->insert($table);
		foreach ($values as $column => $value) {
			$qb->setValue($column, $qb->createNamedParameter($value, self::type($value)));
		}
		$qb->executeStatement();
		return $qb->getLastInsertId();
	}

	/** @param array<string, int|string|bool|null> $values */
	public function update(string $table, int $id, array $values): void {
		$qb = $this->db->getQueryBuilder();
		$qb->update($table);
		foreach ($values as $column => $value) {
			$qb->set($column, $qb->createNamedParameter($value, self::type($value)));
		}
		$qb->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))->executeStatement();
	}

	/** @return IQueryBuilder::PARAM_* */
	private static function type(int|string|bool|null $value): int|string {
		return match (true) {
			$value === null => IQueryBuilder::PARAM_NULL,
			is_bool($value) => IQueryBuilder::PARAM_BOOL,
			is_int($value) => IQueryBuilder::PARAM_INT,
			default => IQueryBuilder::PARAM_STR,
		};
	}

	/** @return list<array<string, mixed>> */
	private function fetchAll(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		/** @var list<array<string, mixed>> $rows */
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}
}
