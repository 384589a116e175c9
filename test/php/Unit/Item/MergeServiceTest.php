<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\ItemHistory;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\MergeService;
use PHPUnit\Framework\TestCase;

/**
 * Merge and unmerge over an in-memory table of supporter rows: which rows a merge adds to
 * the original, that an unmerge removes exactly those, and the refused merges.
 * Organisation 1 is RKI, 2 BSH.
 */
final class MergeServiceTest extends TestCase {
	private const NOW = 1_800_000_000;

	/** @var array<int, Item> */
	private array $items = [];
	/** @var list<array{itemId: int, userId: string, organisationId: int, mergedFrom: ?int}> */
	private array $rows = [];
	/** @var list<HistoryEntry> */
	private array $recorded = [];
	/** @var array<int, int> item id => how often its version was raised */
	private array $bumped = [];
	private MergeService $service;

	protected function setUp(): void {
		$items = $this->createMock(ItemMapper::class);
		$items->method('get')->willReturnCallback(fn (int $id): Item => $this->items[$id]);
		$items->method('bumpVersion')->willReturnCallback(function (int $id): void {
			$this->bumped[$id] = ($this->bumped[$id] ?? 0) + 1;
		});
		$items->method('findDuplicatesOf')->willReturnCallback(fn (int $id): array => array_values(array_filter(
			$this->items,
			static fn (Item $i): bool => $i->getStatus() === 'duplicate' && $i->getDuplicateOf() === $id,
		)));
		$supporters = $this->createMock(SupporterMapper::class);
		$supporters->method('findForItem')->willReturnCallback(fn (int $id): array => array_values(array_map(
			static fn (array $r): array => ['userId' => $r['userId'], 'organisationId' => $r['organisationId'], 'mergedFrom' => $r['mergedFrom'], 'priority' => $r['priority'] ?? null],
			array_filter($this->rows, static fn (array $r): bool => $r['itemId'] === $id),
		)));
		$supporters->method('add')->willReturnCallback(function (int $itemId, string $userId, int $orgId, int $now, ?int $mergedFrom = null, ?int $priority = null): bool {
			foreach ($this->rows as $row) {
				if ($row['itemId'] === $itemId && $row['userId'] === $userId) {
					return false;
				}
			}
			$this->rows[] = ['itemId' => $itemId, 'userId' => $userId, 'organisationId' => $orgId, 'mergedFrom' => $mergedFrom, 'priority' => $priority];
			return true;
		});
		$supporters->method('remove')->willReturnCallback(function (int $itemId, string $userId): bool {
			$before = count($this->rows);
			$this->rows = array_values(array_filter($this->rows, static fn (array $r): bool => !($r['itemId'] === $itemId && $r['userId'] === $userId)));
			return count($this->rows) < $before;
		});
		$supporters->method('retag')->willReturnCallback(function (int $itemId, string $userId, int $mergedFrom): void {
			foreach ($this->rows as $i => $row) {
				if ($row['itemId'] === $itemId && $row['userId'] === $userId) {
					$this->rows[$i]['mergedFrom'] = $mergedFrom;
				}
			}
		});
		$history = $this->createMock(HistoryMapper::class);
		$history->method('insert')->willReturnCallback(function (HistoryEntry $e): HistoryEntry {
			$this->recorded[] = $e;
			return $e;
		});
		$this->service = new MergeService($items, $supporters, new ItemHistory($history, $this->createMock(ItemMonthTotals::class)));
	}

	private function item(int $id, string $reporter, int $orgId, int $priority = 2, string $status = 'in_review', bool $confidential = false, ?int $duplicateOf = null): Item {
		$item = new Item();
		$item->setId($id);
		$item->setType($confidential ? 'security' : 'requirement');
		$item->setConfidential($confidential);
		$item->setReporterId($reporter);
		$item->setOrgId($orgId);
		$item->setPriority($priority);
		$item->setStatus($status);
		$item->setDuplicateOf($duplicateOf);
		$this->items[$id] = $item;
		return $item;
	}

	private function support(int $itemId, string $userId, int $orgId, ?int $priority = null): void {
		$this->rows[] = ['itemId' => $itemId, 'userId' => $userId, 'organisationId' => $orgId, 'mergedFrom' => null, 'priority' => $priority];
	}

	/** @return list<string> the supporters of an item, as "user@org<-from" sorted */
	private function supportersOf(int $itemId): array {
		$list = [];
		foreach ($this->rows as $row) {
			if ($row['itemId'] === $itemId) {
				$list[] = $row['userId'] . '@' . $row['organisationId'] . ($row['mergedFrom'] === null ? '' : '<-' . $row['mergedFrom']);
			}
		}
		sort($list);
		return $list;
	}

	/** B's reporter and supporters join A once each; A's reporter and A's own supporters are not added again. */
	public function testAMergeAddsTheDuplicatesReporterAndSupportersToTheOriginalEachOnce(): void {
		$this->item(1, 'rki-tester1', 1);
		$duplicate = $this->item(2, 'bsh-tester1', 2);
		$this->support(1, 'bsh-tester2', 2);
		$this->support(2, 'bsh-tester2', 2);  // already supports A
		$this->support(2, 'rki-tester1', 1);  // A's reporter
		$this->support(2, 'rki-tester2', 1);
		$this->service->merge($duplicate, 1, 'bmi', self::NOW);

		self::assertSame(['bsh-tester1@2<-2', 'bsh-tester2@2', 'rki-tester2@1<-2'], $this->supportersOf(1));
		self::assertSame(['bsh-tester2@2', 'rki-tester1@1', 'rki-tester2@1'], $this->supportersOf(2), 'the duplicate keeps its own rows');
		self::assertSame([1 => 1], $this->bumped, 'the original gets a new version');
		self::assertSame([['merged', null, '2']], array_map(static fn (HistoryEntry $e): array => [$e->getField(), $e->getOldValue(), $e->getNewValue()], $this->recorded));
	}

	public function testAnUnmergeRemovesExactlyTheMovedRowsAndKeepsWhatTheOriginalHadBefore(): void {
		$this->item(1, 'rki-tester1', 1);
		$duplicate = $this->item(2, 'bsh-tester1', 2);
		$this->support(1, 'bsh-tester2', 2);
		$this->support(2, 'rki-tester2', 1);
		$before = $this->supportersOf(1);
		$this->service->merge($duplicate, 1, 'bmi', self::NOW);
		$duplicate->setStatus('duplicate');
		$duplicate->setDuplicateOf(1);
		$this->service->unmerge($duplicate, 1, 'bmi', self::NOW);

		self::assertSame($before, $this->supportersOf(1));
		self::assertSame(['rki-tester2@1'], $this->supportersOf(2));
		self::assertSame(['merged', 'unmerged'], array_map(static fn (HistoryEntry $e): string => $e->getField(), $this->recorded));
		self::assertSame('2', $this->recorded[1]->getOldValue());
	}

	public function testAnUnmergeKeepsASupporterWhoAlsoCameWithAnotherMergedDuplicate(): void {
		$this->item(1, 'rki-tester1', 1);
		$b = $this->item(2, 'bsh-tester1', 2);
		$c = $this->item(3, 'bsh-tester2', 2);
		$this->support(2, 'rki-tester2', 1);
		$this->support(3, 'rki-tester2', 1);
		$this->service->merge($b, 1, 'bmi', self::NOW);
		$b->setStatus('duplicate');
		$b->setDuplicateOf(1);
		$this->service->merge($c, 1, 'bmi', self::NOW);
		$c->setStatus('duplicate');
		$c->setDuplicateOf(1);
		self::assertSame(['bsh-tester1@2<-2', 'bsh-tester2@2<-3', 'rki-tester2@1<-2'], $this->supportersOf(1));

		$this->service->unmerge($b, 1, 'bmi', self::NOW);
		$b->setStatus('in_review');
		$b->setDuplicateOf(null);
		self::assertSame(['bsh-tester2@2<-3', 'rki-tester2@1<-3'], $this->supportersOf(1), 'rki-tester2 still supports through C');
		$this->service->unmerge($c, 1, 'bmi', self::NOW);
		self::assertSame([], $this->supportersOf(1));
	}

	public function testAnItemCannotBeItsOwnDuplicate(): void {
		$item = $this->item(1, 'rki-tester1', 1);
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('duplicate of itself');
		$this->service->check($item, $item);
	}

	public function testASecurityFindingMergesOnlyIntoASecurityFinding(): void {
		$public = $this->item(1, 'rki-tester1', 1);
		$secret = $this->item(2, 'bsh-tester1', 2, confidential: true);
		foreach ([[$public, $secret], [$secret, $public]] as [$duplicate, $target]) {
			try {
				$this->service->check($duplicate, $target);
				self::fail('merging across confidentiality must be refused');
			} catch (ValidationException $e) {
				self::assertStringContainsString('security finding', $e->getMessage());
			}
		}
	}

	public function testTheTargetMustNotBeADuplicateItselfSoThatNoChainOrCycleArises(): void {
		$this->item(1, 'rki-tester1', 1);
		$a = $this->item(2, 'rki-tester2', 1, status: 'duplicate', duplicateOf: 1);
		$b = $this->item(3, 'bsh-tester1', 2);
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Item #2 is itself a duplicate (of #1)');
		$this->service->check($b, $a);
	}

	public function testAnItemWithMergedDuplicatesCannotBecomeADuplicateSoThatACycleIsRefused(): void {
		$a = $this->item(1, 'rki-tester1', 1);
		$this->item(2, 'bsh-tester1', 2, status: 'duplicate', duplicateOf: 1);
		$c = $this->item(3, 'bsh-tester2', 2);
		// A would become a duplicate of C while B is merged into A
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('#2');
		$this->service->check($a, $c);
	}

	public function testARefusedMergeAddsNoSupporter(): void {
		$this->item(1, 'rki-tester1', 1, status: 'duplicate', duplicateOf: 5);
		$b = $this->item(2, 'bsh-tester1', 2);
		$this->support(2, 'rki-tester2', 1);
		try {
			$this->service->merge($b, 1, 'bmi', self::NOW);
			self::fail('merging into a duplicate must be refused');
		} catch (ValidationException) {
		}
		self::assertSame([], $this->supportersOf(1));
		self::assertSame([], $this->recorded);
	}

	public function testThePriorityPerOrganisationIsTheHighestEachOrganisationGave(): void {
		$a = $this->item(1, 'rki-tester1', 1, priority: 2);
		$b = $this->item(2, 'bsh-tester1', 2, priority: 4, status: 'duplicate', duplicateOf: 1);
		$c = $this->item(3, 'rki-tester2', 1, priority: 1, status: 'duplicate', duplicateOf: 1);
		$rows = [
			['userId' => 'bsh-tester2', 'organisationId' => 2, 'mergedFrom' => null],  // gave A's medium, BSH has critical through B
			['userId' => 'bsh-tester1', 'organisationId' => 2, 'mergedFrom' => 2],
			['userId' => 'rki-tester2', 'organisationId' => 1, 'mergedFrom' => 3],     // low, RKI keeps A's medium
			['userId' => 'x-tester', 'organisationId' => 3, 'mergedFrom' => 3],        // a third organisation with C's low
		];
		self::assertSame([
			['organisationId' => 1, 'priority' => 'medium'],
			['organisationId' => 2, 'priority' => 'critical'],
			['organisationId' => 3, 'priority' => 'low'],
		], MergeService::priorityPerOrganisation($a, $rows, [$b, $c]));
		// without the duplicates (not visible): rows moved from them count for nothing
		self::assertSame([
			['organisationId' => 1, 'priority' => 'medium'],
			['organisationId' => 2, 'priority' => 'medium'],
		], MergeService::priorityPerOrganisation($a, [$rows[0]], []));
	}

	public function testASupporterCountsWithThePriorityTheyChoseForTheirOrganisation(): void {
		$a = $this->item(1, 'rki-tester1', 1, priority: 2);
		$b = $this->item(2, 'bsh-tester1', 2, priority: 1, status: 'duplicate', duplicateOf: 1);
		$rows = [
			['userId' => 'bsh-tester2', 'organisationId' => 2, 'mergedFrom' => null, 'priority' => 4],  // BSH: critical for them
			['userId' => 'rki-tester2', 'organisationId' => 1, 'mergedFrom' => null, 'priority' => 1],  // low does not lower A's medium
			['userId' => 'x-tester', 'organisationId' => 3, 'mergedFrom' => 2, 'priority' => 3],       // chose high when supporting B
			['userId' => 'y-tester', 'organisationId' => 4, 'mergedFrom' => null, 'priority' => null],  // supported before choosing: A's medium
		];
		self::assertSame([
			['organisationId' => 1, 'priority' => 'medium'],
			['organisationId' => 2, 'priority' => 'critical'],
			['organisationId' => 3, 'priority' => 'high'],
			['organisationId' => 4, 'priority' => 'medium'],
		], MergeService::priorityPerOrganisation($a, $rows, [$b]));
	}

	public function testAMergeKeepsThePriorityEachSupporterOfTheDuplicateChose(): void {
		$this->item(1, 'rki-tester1', 1, priority: 2);
		$duplicate = $this->item(2, 'bsh-tester1', 2, priority: 1);
		$this->support(2, 'bsh-tester2', 2, 4);
		$this->service->merge($duplicate, 1, 'bmi', self::NOW);
		$moved = array_values(array_filter($this->rows, static fn (array $r): bool => $r['itemId'] === 1));
		self::assertSame([['bsh-tester1', null], ['bsh-tester2', 4]], array_map(static fn (array $r): array => [$r['userId'], $r['priority']], $moved), "B's reporter counts with B's priority, B's supporter with the one they chose");
	}
}
