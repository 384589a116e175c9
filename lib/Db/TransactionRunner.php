<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\BusyException;
use OCP\DB\Exception as DbException;
use OCP\IDBConnection;
use Psr\Log\LoggerInterface;

/**
 * Runs a unit of work in a database transaction and runs it again, after a short random
 * backoff, when it failed only because other requests held a lock: SQLite's "database is
 * locked" (SQLITE_BUSY, which Doctrine maps to a lock wait timeout), a lock wait timeout of
 * MariaDB or a deadlock or serialisation failure of PostgreSQL and MariaDB. After the last
 * attempt it throws BusyException (503, "try again"), never the raw database error.
 *
 * The work must be repeatable: it is called again from the start after a rollback, so it
 * reads what it needs inside the transaction and inserts fresh (or cloned) entities.
 * Keep it short, and let its first statement be a write where possible: on SQLite only a
 * transaction that has not read yet waits for the lock (busy timeout); one that read first
 * fails at once when another request wrote meanwhile.
 */
class TransactionRunner {
	/** Attempts in all, the first included. */
	public const ATTEMPTS = 5;
	/** Backoff before the second attempt, in milliseconds; doubles for every further one. */
	private const BACKOFF_MS = 25;

	/** Messages of lock errors that a driver may report without a specific reason. */
	private const LOCK_MESSAGES = '/database( table)? is locked|SQLITE_BUSY|database is busy|deadlock|lock wait timeout|could not serialize access/i';

	public function __construct(
		private IDBConnection $db,
		private LoggerInterface $logger,
	) {
	}

	/**
	 * @template T
	 * @param callable(): T $work
	 * @param list<int> $alsoRetryOn further OCP\DB\Exception reasons to retry on, e.g. the unique
	 *                               constraint violation of two requests inserting the same record
	 *                               when the work reads and updates it on the next attempt
	 * @return T
	 * @throws BusyException when every attempt failed on a lock
	 */
	public function run(callable $work, array $alsoRetryOn = []): mixed {
		if ($this->db->inTransaction()) {
			// Part of a larger transaction: only the outermost one can be repeated.
			return $work();
		}
		for ($attempt = 1; ; $attempt++) {
			$this->db->beginTransaction();
			try {
				$result = $work();
				$this->db->commit();
				return $result;
			} catch (\Throwable $e) {
				$this->rollBack();
				if (!self::isTransient($e, $alsoRetryOn)) {
					throw $e;
				}
				if ($attempt >= self::ATTEMPTS) {
					$this->logger->warning('Transaction still failed on a lock after {attempts} attempts', ['attempts' => $attempt, 'exception' => $e]);
					throw BusyException::after($e);
				}
				$this->logger->debug('Transaction failed on a lock, attempt {attempt}; trying again', ['attempt' => $attempt, 'exception' => $e]);
				$this->pause($this->backoffMs($attempt));
			}
		}
	}

	/**
	 * Whether the error is one that another attempt may not meet: a lock, a deadlock or a busy database.
	 *
	 * @param list<int> $alsoRetryOn further OCP\DB\Exception reasons that count as transient
	 */
	public static function isTransient(\Throwable $e, array $alsoRetryOn = []): bool {
		if (!($e instanceof DbException)) {
			return false;
		}
		$reason = $e->getReason();
		if (in_array($reason, [DbException::REASON_LOCK_WAIT_TIMEOUT, DbException::REASON_DEADLOCK, ...$alsoRetryOn], true)) {
			return true;
		}
		if (method_exists($e, 'isRetryable') && $e->isRetryable() === true) {
			return true;
		}
		// Some drivers report a lock as a generic driver or server error; recognise it by its message.
		if ($reason === null || $reason === DbException::REASON_DRIVER || $reason === DbException::REASON_SERVER) {
			for ($cause = $e; $cause !== null; $cause = $cause->getPrevious()) {
				if (preg_match(self::LOCK_MESSAGES, $cause->getMessage()) === 1) {
					return true;
				}
			}
		}
		return false;
	}

	/** Milliseconds to wait after the given failed attempt: exponential with jitter, so that racing requests part. */
	protected function backoffMs(int $attempt): int {
		$base = self::BACKOFF_MS * (2 ** ($attempt - 1));
		return $base + random_int(0, $base);
	}

	protected function pause(int $milliseconds): void {
		usleep(max(0, $milliseconds) * 1000);
	}

	private function rollBack(): void {
		try {
			if ($this->db->inTransaction()) {
				$this->db->rollBack();
			}
		} catch (\Throwable $e) {
			// The connection may have ended the transaction itself (for example a failed commit).
			$this->logger->debug('Rollback after a failed transaction failed', ['exception' => $e]);
		}
	}
}
