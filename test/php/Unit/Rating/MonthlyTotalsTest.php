<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Rating;

use OCA\PilotFeedback\Db\MonthTotalsMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\DB\Exception as DbException;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/** The rebuild runs through the app's TransactionRunner: all or nothing, and again after a lock. */
final class MonthlyTotalsTest extends TestCase {
	/** @var array{begin: int, commit: int, rollBack: int, open: bool} */
	private array $db = ['begin' => 0, 'commit' => 0, 'rollBack' => 0, 'open' => false];
	/** @var list<list<int>|null> the periods of each rebuild the mapper ran */
	private array $rebuilds = [];
	/** @var list<\Throwable> errors the mapper's next rebuilds throw, one each */
	private array $errors = [];

	private function totals(): MonthlyTotals {
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
		$mapper = $this->createMock(MonthTotalsMapper::class);
		$mapper->method('rebuild')->willReturnCallback(function (?array $periodIds): void {
			$this->assertTrue($this->db['open'], 'the rebuild runs inside a transaction');
			$this->rebuilds[] = $periodIds;
			if ($this->errors !== []) {
				throw array_shift($this->errors);
			}
		});
		$runner = new class($connection, $this->createMock(LoggerInterface::class)) extends TransactionRunner {
			protected function pause(int $milliseconds): void {
			}
		};
		return new MonthlyTotals($mapper, $connection, $runner);
	}

	private static function locked(): DbException {
		return new class('SQLSTATE[HY000]: General error: 5 database is locked') extends DbException {
			public function getReason(): ?int {
				return DbException::REASON_LOCK_WAIT_TIMEOUT;
			}
		};
	}

	public function testARebuildIsCommittedInOneTransaction(): void {
		$this->totals()->rebuild([3, 4]);

		$this->assertSame([[3, 4]], $this->rebuilds);
		$this->assertSame(['begin' => 1, 'commit' => 1, 'rollBack' => 0, 'open' => false], $this->db);
	}

	public function testARebuildThatMetALockIsRolledBackAndRunAgain(): void {
		$this->errors = [self::locked(), self::locked()];

		$this->totals()->rebuild();

		$this->assertSame([null, null, null], $this->rebuilds);
		$this->assertSame(['begin' => 3, 'commit' => 1, 'rollBack' => 2, 'open' => false], $this->db);
	}

	public function testARebuildThatStaysLockedEndsBusyWithNothingCommitted(): void {
		$this->errors = array_map(static fn (): DbException => self::locked(), range(1, TransactionRunner::ATTEMPTS));

		try {
			$this->totals()->rebuild([7]);
			$this->fail('a BusyException was expected');
		} catch (BusyException) {
		}

		$this->assertCount(TransactionRunner::ATTEMPTS, $this->rebuilds);
		$this->assertSame(0, $this->db['commit']);
		$this->assertSame(TransactionRunner::ATTEMPTS, $this->db['rollBack']);
	}

	public function testAnyOtherErrorRollsBackAtOnce(): void {
		$this->errors = [new \RuntimeException('disk full')];

		try {
			$this->totals()->rebuild();
			$this->fail('the error was expected');
		} catch (\RuntimeException $e) {
			$this->assertSame('disk full', $e->getMessage());
		}

		$this->assertSame(['begin' => 1, 'commit' => 0, 'rollBack' => 1, 'open' => false], $this->db);
	}

	public function testInsideACallersTransactionTheRebuildJoinsIt(): void {
		$this->db['open'] = true;

		$this->totals()->rebuild([1]);

		$this->assertSame([[1]], $this->rebuilds);
		$this->assertSame(['begin' => 0, 'commit' => 0, 'rollBack' => 0, 'open' => true], $this->db);
	}
}
