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
use OCA\PilotFeedback\Item\ItemHistory;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Model\Priority;
use PHPUnit\Framework\TestCase;

/** The one writer of item history: one entry per change, the tracked fields as text. */
final class ItemHistoryTest extends TestCase {
	private const NOW = 1_800_000_000;

	/** @var list<HistoryEntry> */
	private array $recorded = [];
	private ItemHistory $history;
	/** @var list<array{int, string, ?string, ?string, int, int}> what the monthly item totals were told, and how many entries were written by then */
	private array $totalsSaw = [];

	protected function setUp(): void {
		$mapper = $this->createMock(HistoryMapper::class);
		$mapper->method('insert')->willReturnCallback(function (HistoryEntry $entry): HistoryEntry {
			$this->recorded[] = $entry;
			return $entry;
		});
		$totals = $this->createMock(ItemMonthTotals::class);
		$totals->method('beforeEntry')->willReturnCallback(function (int $itemId, string $field, ?string $old, ?string $new, int $now): void {
			$this->totalsSaw[] = [$itemId, $field, $old, $new, $now, count($this->recorded)];
		});
		$this->history = new ItemHistory($mapper, $totals);
	}

	private static function item(): Item {
		$item = new Item();
		$item->setId(7);
		$item->setTitle('Export fails');
		$item->setPriority(Priority::High->value);
		$item->setComponentId(100);
		$item->setPilotId(10);
		$item->setStatus('new');
		return $item;
	}

	/** @return list<array{int, string, string, ?string, ?string, int}> item, user, field, old, new, time */
	private function entries(): array {
		return array_map(static fn (HistoryEntry $e): array => [$e->getItemId(), $e->getUserId(), $e->getField(), $e->getOldValue(), $e->getNewValue(), $e->getCreatedAt()], $this->recorded);
	}

	public function testRecordWritesOneEntryWithWhoWhatAndWhen(): void {
		$this->history->record(7, 'bmi', 'merged', null, '3', self::NOW);
		self::assertSame([[7, 'bmi', 'merged', null, '3', self::NOW]], $this->entries());
	}

	public function testEveryEntryReachesTheMonthlyItemTotalsBeforeItIsWritten(): void {
		$before = ItemHistory::tracked(self::item());
		$item = self::item();
		$item->setStatus('done');
		$item->setPilotId(11);
		$this->history->recordChanges(7, 'bmi', $before, ItemHistory::tracked($item), self::NOW);
		// the move first, then the closing (tracked() order), each before its own entry
		self::assertSame([[7, 'pilotId', '10', '11', self::NOW, 0], [7, 'status', 'new', 'done', self::NOW, 1]], $this->totalsSaw);
		self::assertCount(2, $this->recorded);
	}

	public function testTheTrackedFieldsAreTextAndEmptyValuesKeepTheirForm(): void {
		self::assertSame([
			'title' => 'Export fails',
			'body' => '',
			'priority' => 'high',
			'componentId' => '100',
			'pilotId' => '10',
			'status' => 'new',
			'consolidatedPriority' => null,
			'duplicateOf' => null,
			'vendorReference' => '',
			'vendorUrl' => '',
		], ItemHistory::tracked(self::item()));
	}

	public function testRecordChangesWritesOneEntryPerChangedFieldInTrackedOrder(): void {
		$item = self::item();
		$before = ItemHistory::tracked($item);
		$item->setVendorRef('VEN-1');
		$item->setStatus('in_review');
		$item->setConsPriority(Priority::Critical->value);

		$written = $this->history->recordChanges(7, 'bmi', $before, ItemHistory::tracked($item), self::NOW);

		self::assertSame(3, $written);
		self::assertSame([
			[7, 'bmi', 'status', 'new', 'in_review', self::NOW],
			[7, 'bmi', 'consolidatedPriority', null, 'critical', self::NOW],
			[7, 'bmi', 'vendorReference', '', 'VEN-1', self::NOW],
		], $this->entries());
	}

	public function testRecordChangesTellsNullFromEmptyAndWritesNothingWithoutAChange(): void {
		$item = self::item();
		$before = ItemHistory::tracked($item);
		self::assertSame(0, $this->history->recordChanges(7, 'bmi', $before, ItemHistory::tracked($item), self::NOW));
		self::assertSame([], $this->recorded);

		$item->setConsPriority(Priority::Low->value);
		$changed = ItemHistory::tracked($item);
		$item->setConsPriority(null);
		self::assertSame(1, $this->history->recordChanges(7, 'bmi', $changed, ItemHistory::tracked($item), self::NOW));
		self::assertSame([[7, 'bmi', 'consolidatedPriority', 'low', null, self::NOW]], $this->entries());
	}
}
