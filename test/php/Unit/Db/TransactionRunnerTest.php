<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\DB\Exception as DbException;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/** A database error with a given reason, as Nextcloud's DbalException reports it. */
final class ReasonedDbException extends DbException {
	public function __construct(
		string $message,
		private ?int $reason,
	) {
		parent::__construct($message);
	}

	public function getReason(): ?int {
		return $this->reason;
	}
}

/** The runner without real waiting: records the pauses. */
final class RecordingTransactionRunner extends TransactionRunner {
	/** @var list<int> */
	public array $pauses = [];

	protected function pause(int $milliseconds): void {
		$this->pauses[] = $milliseconds;
	}
}

final class TransactionRunnerTest extends TestCase {
	/** @var array{begin: int, commit: int, rollBack: int, open: bool} */
	private array $db;
	private RecordingTransactionRunner $runner;

	protected function setUp(): void {
		$this->db = ['begin' => 0, 'commit' => 0, 'rollBack' => 0, 'open' => false];
		$connection = $this->createMock(IDBConnection::class);
		$connection->method('inTransaction')->willReturnCallback(fn (): bool => $this->db['open']);
		$connection->method('beginTransaction')->willReturnCallback(function (): void {
			$this->db['begin']++;
			$this->db['open'] = true;
		});
		$connection->method('commit')->willReturnCallback(function (): void {
			$this->db['commit']++;
			$this->db['open'] = false;
		});
		$connection->method('rollBack')->willReturnCallback(function (): void {
			$this->db['rollBack']++;
			$this->db['open'] = false;
		});
		$this->runner = new RecordingTransactionRunner($connection, $this->createMock(LoggerInterface::class));
	}

	/** Work that fails with the given errors on its first calls, then returns 'saved'. */
	private function failingFirst(\Throwable ...$errors): \Closure {
		$calls = 0;
		return function () use (&$calls, $errors): string {
			$this->assertTrue($this->db['open'], 'the work runs inside a transaction');
			return isset($errors[$calls]) ? throw $errors[$calls++] : 'saved';
		};
	}

	private static function locked(): DbException {
		// SQLite's busy error, which Doctrine maps to a lock wait timeout
		return new ReasonedDbException('SQLSTATE[HY000]: General error: 5 database is locked', DbException::REASON_LOCK_WAIT_TIMEOUT);
	}

	public function testRetriesAfterLockAndDeadlockAndCommits(): void {
		$work = $this->failingFirst(
			self::locked(),
			new ReasonedDbException('SQLSTATE[40P01]: Deadlock detected', DbException::REASON_DEADLOCK),
		);
		$this->assertSame('saved', $this->runner->run($work));
		$this->assertSame(['begin' => 3, 'commit' => 1, 'rollBack' => 2, 'open' => false], $this->db);
		$this->assertCount(2, $this->runner->pauses);
		$this->assertGreaterThan(0, $this->runner->pauses[0]);
	}

	public function testRecognisesALockReportedAsAGenericDriverError(): void {
		$work = $this->failingFirst(
			new ReasonedDbException('SQLSTATE[HY000]: General error: 5 database is locked', DbException::REASON_DRIVER),
			new ReasonedDbException('SQLSTATE[HY000]: General error: 6 database table is locked', null),
		);
		$this->assertSame('saved', $this->runner->run($work));
		$this->assertSame(3, $this->db['begin']);
	}

	public function testGivesUpAfterTheLastAttemptWithA503AskingToTryAgain(): void {
		$calls = 0;
		try {
			$this->runner->run(static function () use (&$calls): void {
				$calls++;
				throw self::locked();
			});
			$this->fail('no BusyException');
		} catch (BusyException $e) {
			$this->assertSame(503, $e->getStatus());
			$this->assertSame('The server is busy, please try again.', $e->getTemplate());
			$this->assertStringNotContainsString('SQLSTATE', $e->getMessage());
			$this->assertInstanceOf(DbException::class, $e->getCause());
		}
		$this->assertSame(TransactionRunner::ATTEMPTS, $calls);
		$this->assertSame(TransactionRunner::ATTEMPTS, $this->db['rollBack']);
		$this->assertSame(0, $this->db['commit']);
		$this->assertCount(TransactionRunner::ATTEMPTS - 1, $this->runner->pauses);
		// exponential backoff: each pause at least the base of the one before
		$this->assertGreaterThanOrEqual(2 * 25, $this->runner->pauses[1]);
	}

	public function testTheBusyMessageIsTranslated(): void {
		foreach (['de.json', 'de.js'] as $file) {
			$text = (string)file_get_contents(__DIR__ . '/../../../../l10n/' . $file);
			$this->assertStringContainsString('"The server is busy, please try again.": "Der Server ist ausgelastet, bitte versuchen Sie es erneut."', $text, $file);
		}
	}

	/** @return array<string, array{\Throwable}> */
	public static function permanentErrors(): array {
		return [
			'unique constraint' => [new ReasonedDbException('Duplicate entry', DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION)],
			'foreign key' => [new ReasonedDbException('FK', DbException::REASON_FOREIGN_KEY_VIOLATION)],
			'syntax error' => [new ReasonedDbException('near "lock": syntax error', DbException::REASON_SYNTAX_ERROR)],
			'driver error of another kind' => [new ReasonedDbException('disk I/O error', DbException::REASON_DRIVER)],
			'validation' => [new ValidationException('Title is required.')],
			'programming error' => [new \RuntimeException('database is locked, says an unrelated exception')],
		];
	}

	#[\PHPUnit\Framework\Attributes\DataProvider('permanentErrors')]
	public function testDoesNotRetryOtherErrors(\Throwable $error): void {
		$calls = 0;
		try {
			$this->runner->run(static function () use (&$calls, $error): void {
				$calls++;
				throw $error;
			});
			$this->fail('the error was swallowed');
		} catch (\Throwable $e) {
			$this->assertSame($error, $e);
		}
		$this->assertSame(1, $calls);
		$this->assertSame(['begin' => 1, 'commit' => 0, 'rollBack' => 1, 'open' => false], $this->db);
		$this->assertSame([], $this->runner->pauses);
	}

	public function testRetriesAUniqueViolationOnlyWhenAsked(): void {
		$work = $this->failingFirst(new ReasonedDbException('Duplicate entry', DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION));
		$this->assertSame('saved', $this->runner->run($work, [DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION]));
		$this->assertSame(2, $this->db['begin']);
	}

	public function testRetriesWhenTheCommitMeetsTheLock(): void {
		$connection = $this->createMock(IDBConnection::class);
		$open = false;
		$commits = 0;
		$connection->method('inTransaction')->willReturnCallback(static function () use (&$open): bool {
			return $open;
		});
		$connection->method('beginTransaction')->willReturnCallback(static function () use (&$open): void {
			$open = true;
		});
		$connection->method('commit')->willReturnCallback(static function () use (&$open, &$commits): void {
			$commits++;
			$open = false; // a failed commit ends the transaction too
			if ($commits === 1) {
				throw self::locked();
			}
		});
		$connection->expects($this->never())->method('rollBack');
		$runner = new RecordingTransactionRunner($connection, $this->createMock(LoggerInterface::class));
		$this->assertSame(7, $runner->run(static fn (): int => 7));
		$this->assertSame(2, $commits);
	}

	public function testInsideAnOuterTransactionRunsOnceAndLeavesRetryingToIt(): void {
		$this->db['open'] = true;
		$calls = 0;
		try {
			$this->runner->run(static function () use (&$calls): void {
				$calls++;
				throw self::locked();
			});
			$this->fail('the lock error was swallowed');
		} catch (DbException $e) {
			$this->assertSame(DbException::REASON_LOCK_WAIT_TIMEOUT, $e->getReason());
		}
		$this->assertSame(1, $calls);
		$this->assertSame(['begin' => 0, 'commit' => 0, 'rollBack' => 0, 'open' => true], $this->db);
	}
}
