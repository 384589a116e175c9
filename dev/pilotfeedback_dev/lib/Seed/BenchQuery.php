<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\TransactionRunner;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * What the bench seeder's parts share about the database: the batch size, reading rows,
 * multi-row inserts and transactions that are tried again while the database is locked.
 */
final class BenchQuery {
	/** Rows written per transaction (and per INSERT statement). */
	public const BATCH = 1000;
	/** Attempts of a batch that fails on a lock; the backoff doubles from 50 ms up to 5 s. */
	private const ATTEMPTS = 12;

	/** @return list<array<string, mixed>> */
	public static function rows(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}

	/**
	 * Inserts rows with explicit values in statements of at most BATCH rows each
	 * (INSERT … VALUES (…), (…), …): one round trip per statement instead of one per row.
	 *
	 * @param list<string> $columns
	 * @param list<list<int|string|null>> $rows values in the order of $columns
	 */
	public static function insertRows(IDBConnection $db, string $table, array $columns, array $rows): void {
		$tuple = '(' . implode(', ', array_fill(0, count($columns), '?')) . ')';
		foreach (array_chunk($rows, self::BATCH) as $chunk) {
			$sql = 'INSERT INTO `*PREFIX*' . $table . '` (`' . implode('`, `', $columns) . '`) VALUES '
				. implode(', ', array_fill(0, count($chunk), $tuple));
			$db->executeStatement($sql, array_merge(...$chunk));
		}
	}

	/**
	 * Runs $work in a transaction; when it failed only because another process held a lock
	 * (SQLite's "database is locked" while the instance serves requests, a deadlock elsewhere:
	 * TransactionRunner::isTransient), rolls back and runs it again after a growing pause.
	 *
	 * @param callable(): void $work repeatable: it must build its rows before, not inside
	 */
	public static function transaction(IDBConnection $db, callable $work): void {
		for ($attempt = 1; ; $attempt++) {
			$db->beginTransaction();
			try {
				$work();
				$db->commit();
				return;
			} catch (\Throwable $e) {
				try {
					if ($db->inTransaction()) {
						$db->rollBack();
					}
				} catch (\Throwable) {
					// the failed commit may have ended the transaction already
				}
				if ($attempt >= self::ATTEMPTS || !TransactionRunner::isTransient($e)) {
					throw $e;
				}
				$pause = (int)min(5000, 50 * (2 ** ($attempt - 1)));
				usleep(max(0, $pause + random_int(0, $pause)) * 1000);
			}
		}
	}

	/** The largest id of a table, 0 when it is empty. */
	public static function maxId(IDBConnection $db, string $table): int {
		$qb = $db->getQueryBuilder();
		$qb->select($qb->func()->max('id'))->from($table);
		$result = $qb->executeQuery();
		$max = (int)$result->fetchOne();
		$result->closeCursor();
		return $max;
	}

	/**
	 * After rows were inserted with explicit ids: moves PostgreSQL's id sequence past them, so
	 * that the app's own inserts get new ids (SQLite and MariaDB follow explicit ids themselves).
	 */
	public static function syncSequence(IDBConnection $db, string $table): void {
		if ($db->getDatabaseProvider() !== IDBConnection::PLATFORM_POSTGRES) {
			return;
		}
		$name = $db->getQueryBuilder()->getTableName($table);
		$name = trim($name, '"`');
		$db->executeQuery("SELECT setval(pg_get_serial_sequence('" . $name . "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " . $name . '))')->closeCursor();
	}
}
