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
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\BulkTriageService;
use OCA\PilotFeedback\Item\ItemHistory;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\TransitionRule;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use OCP\IL10N;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * The rules of bulk triage with mocked mappers: who may, how many items, what is refused
 * before anything is written, and one history entry per item and changed field.
 */
final class BulkTriageServiceTest extends TestCase {
	private const NOW = 1_800_000_000;

	private ItemMapper&MockObject $items;
	private IDBConnection&MockObject $db;
	private BulkTriageService $service;
	/** @var array<int, Item> stored items by id */
	private array $stored = [];
	/** @var list<HistoryEntry> */
	private array $recorded = [];
	/** @var list<int> ids of the items updated */
	private array $updated = [];
	/** @var list<int> ids whose version was raised */
	private array $bumped = [];
	/** @var list<object> events dispatched */
	private array $dispatched = [];

	protected function setUp(): void {
		$this->items = $this->createMock(ItemMapper::class);
		$this->items->method('findByIds')->willReturnCallback(fn (array $ids): array => array_values(array_filter(
			$this->stored,
			static fn (Item $item): bool => in_array($item->getId(), $ids, true),
		)));
		$this->items->method('update')->willReturnCallback(function (Item $item): Item {
			$this->updated[] = $item->getId();
			return $item;
		});
		$this->items->method('bumpVersion')->willReturnCallback(function (int $id): void {
			$this->bumped[] = $id;
		});
		$history = $this->createMock(HistoryMapper::class);
		$history->method('insert')->willReturnCallback(function (HistoryEntry $entry): HistoryEntry {
			$this->recorded[] = $entry;
			return $entry;
		});
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$l10n = $this->createMock(IL10N::class);
		$l10n->method('t')->willReturnCallback(static fn (string $text, array $params = []): string => vsprintf($text, $params));
		$this->db = $this->createMock(IDBConnection::class);
		$dispatcher = $this->createMock(IEventDispatcher::class);
		$dispatcher->method('dispatchTyped')->willReturnCallback(function (object $event): void {
			$this->dispatched[] = $event;
		});

		$this->service = new BulkTriageService(
			new Policy(),
			$this->items,
			new ItemHistory($history, $this->createMock(ItemMonthTotals::class)),
			new TransactionRunner($this->db, $this->createMock(LoggerInterface::class)),
			$time,
			new TransitionRule(new Policy(), $l10n),
			$dispatcher,
		);
	}

	private static function consolidator(): Actor {
		return new Actor('bmi', false, true);
	}

	private function store(int $id, string $status = 'new', ?int $consPriority = null, string $vendorRef = ''): Item {
		$item = new Item();
		$item->setId($id);
		$item->setType('defect');
		$item->setConfidential(false);
		$item->setTitle("Item $id");
		$item->setPriority(2);
		$item->setConsPriority($consPriority);
		$item->setStatus($status);
		$item->setReporterId('rki-tester1');
		$item->setOrgId(1);
		$item->setVendorRef($vendorRef);
		$item->setUpdatedAt(1);
		$item->resetUpdatedFields();
		$this->stored[$id] = $item;
		return $item;
	}

	/** @return list<array{int, string, ?string, ?string}> item, field, old, new */
	private function history(): array {
		return array_map(static fn (HistoryEntry $e): array => [$e->getItemId(), $e->getField(), $e->getOldValue(), $e->getNewValue()], $this->recorded);
	}

	public function testSetsStatusOnEveryItemWithOneHistoryEntryEachInOneTransaction(): void {
		$this->store(1, 'new');
		$this->store(2, 'accepted');
		$this->db->expects(self::once())->method('beginTransaction');
		$this->db->expects(self::once())->method('commit');

		$result = $this->service->apply(self::consolidator(), ['ids' => [1, 2], 'status' => 'in_review']);

		self::assertSame(['ids' => [1, 2], 'changed' => 2, 'historyEntries' => 2], $result);
		self::assertSame([[1, 'status', 'new', 'in_review'], [2, 'status', 'accepted', 'in_review']], $this->history());
		self::assertSame([1, 2], $this->updated);
		// Each changed item gets a new version (edits sent with the old one get 409) and the
		// status events single triage sends (notifications, activity, webhooks).
		self::assertSame([1, 2], $this->bumped);
		self::assertSame([1, 2], array_map(static fn (object $e): int => $e instanceof ItemStatusChanged ? $e->getItem()->getId() : -1, $this->dispatched));
		foreach ($this->recorded as $entry) {
			self::assertSame('bmi', $entry->getUserId());
			self::assertSame(self::NOW, $entry->getCreatedAt());
		}
		self::assertSame(self::NOW, $this->stored[1]->getUpdatedAt());
	}

	public function testRecordsEachChangedFieldAndSkipsItemsThatHaveTheValuesAlready(): void {
		$this->store(1, 'new', null, '');
		$this->store(2, 'in_review', Priority::Critical->value, 'JIRA-1');

		$result = $this->service->apply(self::consolidator(), ['ids' => [1, 2], 'status' => 'in_review', 'consolidatedPriority' => 'critical', 'vendorReference' => ' JIRA-1 ']);

		self::assertSame(['ids' => [1, 2], 'changed' => 1, 'historyEntries' => 3], $result);
		self::assertSame([
			[1, 'status', 'new', 'in_review'],
			[1, 'consolidatedPriority', null, 'critical'],
			[1, 'vendorReference', '', 'JIRA-1'],
		], $this->history());
		self::assertSame([1], $this->updated, 'an item that already had every value is not written');
		self::assertSame(1, $this->stored[2]->getUpdatedAt());
	}

	public function testNullOrEmptyClearsConsolidatedPriorityAndVendorReference(): void {
		$this->store(1, 'new', Priority::High->value, 'JIRA-9');
		$this->service->apply(self::consolidator(), ['ids' => [1], 'consolidatedPriority' => null, 'vendorReference' => '']);
		self::assertSame([[1, 'consolidatedPriority', 'high', null], [1, 'vendorReference', 'JIRA-9', '']], $this->history());
		self::assertNull($this->stored[1]->getConsPriority());
		self::assertSame('new', $this->stored[1]->getStatus(), 'a field left out stays as it is');
	}

	public function testAnInvalidTransitionOfOneItemRefusesTheBatchNamingItAndItsAllowedStatuses(): void {
		$this->store(1, 'new');
		$this->store(2, 'done');
		$this->store(3, 'new');
		$this->db->expects(self::never())->method('commit');
		$this->db->method('inTransaction')->willReturnOnConsecutiveCalls(false, true);
		$this->db->expects(self::once())->method('rollBack');
		try {
			$this->service->apply(self::consolidator(), ['ids' => [1, 2, 3], 'status' => 'in_review']);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertSame(400, $e->getStatus());
			self::assertSame('Nothing was changed: item "Item 2" (#2) cannot move from Done to In review. From Done it can move to: Verified, In progress.', $e->getMessage());
		}
		self::assertSame([], $this->recorded);
		self::assertSame([], $this->updated, 'no item is written, not even those before the refused one');
	}

	public function testStatusDuplicateIsRefusedBecauseItNeedsATarget(): void {
		$this->store(1, 'new');
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('each duplicate needs the item it duplicates');
		$this->service->apply(self::consolidator(), ['ids' => [1], 'status' => 'duplicate']);
	}

	public function testADuplicateIsNotReopenedInBulk(): void {
		$this->store(1, 'new');
		$this->store(2, 'duplicate');
		try {
			$this->service->apply(self::consolidator(), ['ids' => [1, 2], 'status' => 'in_review']);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertStringContainsString('item "Item 2" (#2) is a duplicate', $e->getMessage());
		}
		self::assertSame([], $this->updated);
	}

	public function testADuplicateMayGetAPriorityOrVendorReference(): void {
		$this->store(2, 'duplicate');
		$this->service->apply(self::consolidator(), ['ids' => [2], 'consolidatedPriority' => 'low']);
		self::assertSame([[2, 'consolidatedPriority', null, 'low']], $this->history());
	}

	public function testAnUnknownIdRefusesTheBatchNamingIt(): void {
		$this->store(1, 'new');
		try {
			$this->service->apply(self::consolidator(), ['ids' => [1, 99], 'status' => 'in_review']);
			self::fail('Expected a NotFoundException');
		} catch (NotFoundException $e) {
			self::assertSame(404, $e->getStatus());
			self::assertSame(['99'], $e->getParams());
		}
		self::assertSame([], $this->updated);
	}

	/** @return iterable<string, array{Actor}> */
	public static function notConsolidators(): iterable {
		yield 'tester' => [new Actor('rki-tester1', false, false, [1])];
		yield 'coordinator' => [new Actor('rki-coord', false, false, [1], [1])];
		yield 'administrator' => [new Actor('admin', true, false)];
	}

	#[DataProvider('notConsolidators')]
	public function testOnlyConsolidators(Actor $actor): void {
		$this->store(1, 'new');
		$this->expectException(ForbiddenException::class);
		$this->service->apply($actor, ['ids' => [1], 'status' => 'in_review']);
	}

	public function testAtMost500Ids(): void {
		foreach (range(1, 500) as $id) {
			$this->store($id, 'new');
		}
		self::assertSame(500, $this->service->apply(self::consolidator(), ['ids' => range(1, 500), 'status' => 'in_review'])['changed']);
		try {
			$this->service->apply(self::consolidator(), ['ids' => range(1, 501), 'status' => 'in_review']);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertSame('A bulk change covers at most 500 items; 501 were sent. Select fewer items, or change them in several steps.', $e->getMessage());
		}
	}

	/** @return iterable<string, array{array<string, mixed>, string}> */
	public static function refusedInput(): iterable {
		yield 'no ids' => [['ids' => [], 'status' => 'new'], 'Select at least one item'];
		yield 'ids not a list' => [['ids' => '1,2', 'status' => 'new'], 'must be a list of ids'];
		yield 'id not a number' => [['ids' => [1, 'x'], 'status' => 'new'], 'must be the id of an existing record'];
		yield 'nothing to change' => [['ids' => [1]], 'Choose what to change'];
		yield 'unknown status' => [['ids' => [1], 'status' => 'open'], 'Status must be one of'];
		yield 'status null' => [['ids' => [1], 'status' => null], 'Status must be one of'];
		yield 'unknown priority' => [['ids' => [1], 'consolidatedPriority' => 'urgent'], 'Consolidated priority must be one of'];
		yield 'vendor reference too long' => [['ids' => [1], 'vendorReference' => str_repeat('x', 256)], 'Vendor reference is too long'];
	}

	/** @param array<string, mixed> $input */
	#[DataProvider('refusedInput')]
	public function testRefusesInvalidInputBeforeReadingAnything(array $input, string $message): void {
		$this->store(1, 'new');
		$this->items->expects(self::never())->method('findByIds');
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage($message);
		$this->service->apply(self::consolidator(), $input);
	}
}
