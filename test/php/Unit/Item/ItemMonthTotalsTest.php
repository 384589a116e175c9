<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\ItemMonthsMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/** What each history entry changes in the monthly item totals, and what verify reports. */
final class ItemMonthTotalsTest extends TestCase {
	/** 2026-03-01 00:00 UTC and 2026-05-01 00:00 UTC. */
	private const MARCH = 1_772_323_200;
	private const MAY = 1_777_593_600;

	/** @var list<array{int, int, bool, string, int, int}> pilot, organisation, confidential, month, filed, closed */
	private array $added = [];
	/** @var list<int> months in which the item was closed before */
	private array $closedIn = [];
	/** @var array<string, array{pilotId: int, orgId: int, confidential: bool, monthStart: int, filed: int, closed: int}> */
	private array $stored = [];
	/** @var array<string, array{pilotId: int, orgId: int, confidential: bool, monthStart: int, filed: int, closed: int}> */
	private array $computed = [];
	private ?array $item = ['pilotId' => 4, 'orgId' => 2, 'confidential' => true, 'createdAt' => self::MARCH + 86_400 * 10];

	private function totals(): ItemMonthTotals {
		$months = $this->createMock(ItemMonthsMapper::class);
		$months->method('itemKey')->willReturnCallback(fn (): ?array => $this->item);
		$months->method('closingMonths')->willReturnCallback(fn (): array => $this->closedIn);
		$months->method('add')->willReturnCallback(function (int $pilotId, int $orgId, bool $confidential, int $month, int $filed, int $closed): void {
			$this->added[] = [$pilotId, $orgId, $confidential, gmdate('Y-m', $month), $filed, $closed];
		});
		$months->method('stored')->willReturnCallback(fn (): array => $this->stored);
		$months->method('computed')->willReturnCallback(fn (): array => $this->computed);
		$runner = new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class));
		return new ItemMonthTotals($months, $runner);
	}

	public function testFilingCountsInTheMonthTheItemWasFiled(): void {
		$this->totals()->beforeEntry(9, 'created', null, 'Export fails', self::MAY);
		self::assertSame([[4, 2, true, '2026-03', 1, 0]], $this->added);
	}

	public function testAClosingStatusCountsOnceInTheMonthOfTheChange(): void {
		$this->totals()->beforeEntry(9, 'status', 'in_progress', 'done', self::MAY + 3600);
		self::assertSame([[4, 2, true, '2026-05', 0, 1]], $this->added);

		// closed, reopened and closed again in May: still once
		$this->added = [];
		$this->closedIn = [self::MAY];
		$this->totals()->beforeEntry(9, 'status', 'accepted', 'rejected', self::MAY + 7200);
		self::assertSame([], $this->added);
	}

	public function testOtherStatusesAndFieldsChangeNothing(): void {
		foreach ([['status', 'new', 'accepted'], ['status', 'done', 'verified'], ['title', 'a', 'b'], ['priority', 'low', 'high'], ['pilotId', '4', '4']] as [$field, $old, $new]) {
			$this->totals()->beforeEntry(9, $field, $old, $new, self::MAY);
		}
		self::assertSame([], $this->added);
	}

	public function testAMoveTakesTheFilingAndEveryClosingMonthToTheNewPilot(): void {
		$this->closedIn = [self::MARCH, self::MAY];
		$this->item = ['pilotId' => 5, 'orgId' => 2, 'confidential' => false, 'createdAt' => self::MARCH];
		$this->totals()->beforeEntry(9, 'pilotId', '4', '5', self::MAY);
		self::assertSame([
			[4, 2, false, '2026-03', -1, 0],
			[4, 2, false, '2026-03', 0, -1],
			[4, 2, false, '2026-05', 0, -1],
			[5, 2, false, '2026-03', 1, 0],
			[5, 2, false, '2026-03', 0, 1],
			[5, 2, false, '2026-05', 0, 1],
		], $this->added);
	}

	public function testAnUnknownItemOrOneWithoutPilotChangesNothing(): void {
		$this->item = null;
		$this->totals()->beforeEntry(9, 'created', null, 'x', self::MAY);
		$this->item = ['pilotId' => 0, 'orgId' => 2, 'confidential' => false, 'createdAt' => self::MARCH];
		$this->totals()->beforeEntry(9, 'created', null, 'x', self::MAY);
		self::assertSame([], $this->added);
	}

	public function testVerifyNamesEveryRowThatDiffersAndNothingElse(): void {
		$row = static fn (int $filed, int $closed): array => ['pilotId' => 4, 'orgId' => 2, 'confidential' => false, 'monthStart' => self::MARCH, 'filed' => $filed, 'closed' => $closed];
		$this->stored = ['4/2/2026-03/open' => $row(3, 1), '4/2/2026-05/open' => $row(1, 0)];
		$this->computed = ['4/2/2026-03/open' => $row(3, 1), '4/3/2026-03/open' => $row(2, 2)];
		self::assertSame([
			'Items of pilot/organisation/month 4/2/2026-05/open: 1 filed and 0 closed stored, 0 and 0 counted.',
			'Items of pilot/organisation/month 4/3/2026-03/open: 0 filed and 0 closed stored, 2 and 2 counted.',
		], $this->totals()->verify());

		$this->stored = $this->computed;
		self::assertSame([], $this->totals()->verify());
	}
}
