<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;

/**
 * Filing and editing an item with mocked mappers: who files, who edits, what the history
 * records. Organisation 1 takes part in pilot 10, which contains component 100.
 */
final class ItemFilingTest extends ItemTestCase {
	/** @return array<string, mixed> */
	private static function filing(array $changes = []): array {
		return [...['type' => 'defect', 'title' => 'Export fails', 'body' => 'Steps', 'componentId' => 100, 'pilotId' => 10, 'priority' => 'high'], ...$changes];
	}

	// Filing

	public function testATesterFilesANewItemForTheirOrganisationAndTheHistoryRecordsIt(): void {
		$this->items->expects(self::once())->method('insert')->willReturnCallback(static function (Item $item): Item {
			$item->setId(42);
			return $item;
		});
		// the new item's ranking weight is computed in the same transaction
		$this->weights->expects(self::once())->method('refresh')->with([42]);
		$this->filing->create(self::tester(), self::filing());

		self::assertCount(1, $this->recorded);
		self::assertSame('created', $this->recorded[0]->getField());
		self::assertSame(42, $this->recorded[0]->getItemId());
		self::assertSame('Export fails', $this->recorded[0]->getNewValue());
	}

	/** @return list<array{0: mixed}> */
	public static function noPriority(): array {
		return [[null], ['']];
	}

	/** A new item has no preset priority: its reporter chooses one (Anlage 2, 3.1.5). */
	#[\PHPUnit\Framework\Attributes\DataProvider('noPriority')]
	public function testAnItemWithoutAPriorityIsRefusedNamingTheField(mixed $priority): void {
		$this->items->expects(self::never())->method('insert');
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Priority is required: choose one of low, medium, high, critical.');
		$this->filing->create(self::tester(), self::filing(['priority' => $priority]));
	}

	public function testAnItemSentWithoutThePriorityFieldIsRefusedToo(): void {
		$input = self::filing();
		unset($input['priority']);
		$this->items->expects(self::never())->method('insert');
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Priority is required');
		$this->filing->create(self::tester(), $input);
	}

	public function testAFiledItemStartsNewWithTheReporterOrganisationAndConfidentialityOfItsType(): void {
		$inserted = [];
		$this->items->method('insert')->willReturnCallback(static function (Item $item) use (&$inserted): Item {
			$item->setId(count($inserted) + 1);
			$inserted[] = $item;
			return $item;
		});
		$this->filing->create(self::tester(), self::filing());
		$this->filing->create(self::tester(), self::filing(['type' => 'security']));

		self::assertSame('new', $inserted[0]->getStatus());
		self::assertSame('rki-tester1', $inserted[0]->getReporterId());
		self::assertSame(1, $inserted[0]->getOrgId());
		self::assertSame(self::NOW, $inserted[0]->getCreatedAt());
		self::assertFalse((bool)$inserted[0]->getConfidential());
		self::assertTrue((bool)$inserted[1]->getConfidential(), 'security findings are confidential');
	}

	public function testSomeoneWithoutAnOrganisationCannotFile(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->filing->create(self::consolidator(), self::filing());
	}

	public function testATesterCannotFileForAnotherOrganisation(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->filing->create(self::tester(), self::filing(['organisationId' => 2]));
	}

	public function testThePilotMustBeOneOfTheOrganisation(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->filing->create(self::tester(), self::filing(['pilotId' => 11]));
	}

	public function testTheComponentMustBelongToThePilot(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->filing->create(self::tester(), self::filing(['componentId' => 101]));
	}

	public function testAnUnknownTypeIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->filing->create(self::tester(), self::filing(['type' => 'wish']));
	}

	// Edit rights

	public function testTheReporterEditsTheirOwnNewItem(): void {
		$this->stored('new');
		$this->items->expects(self::once())->method('update');
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails on PDF']);
		self::assertSame(['title'], $this->recordedFields());
	}

	public function testTheReporterCannotEditOnceTheItemIsInReview(): void {
		$this->stored('in_review');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	public function testAnotherTesterOfTheOrganisationCannotEdit(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->filing->update(self::tester('rki-tester2'), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	public function testTheCoordinatorEditsTheOrganisationsItemsInAnyStatus(): void {
		$this->stored('accepted');
		$this->items->expects(self::once())->method('update');
		$this->filing->update(self::coordinator(), 7, ['version' => self::VERSION, 'priority' => 'low']);
		self::assertSame(['priority'], $this->recordedFields());
	}

	public function testAConfidentialItemOfSomeoneElseIsNotFoundForATester(): void {
		$this->stored('new', 'rki-tester2', true);
		$this->expectNoWrite();
		$this->expectException(NotFoundException::class);
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	// Versions

	public function testAnEditWithAnOutdatedVersionIsAConflictAndWritesNothing(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ItemConflictException::class);
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION - 1, 'title' => 'Changed']);
	}

	// History

	public function testAnEditThatChangesNothingWritesNoHistory(): void {
		$this->stored('new');
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails', 'body' => 'Steps']);
		self::assertSame([], $this->recorded);
	}

	public function testEachChangedFieldIsRecordedOnceWithItsOldAndNewValue(): void {
		$this->stored('new');
		$this->filing->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails on PDF', 'priority' => 'low']);
		$byField = [];
		foreach ($this->recorded as $entry) {
			$byField[$entry->getField()] = [$entry->getOldValue(), $entry->getNewValue()];
		}
		self::assertSame(['title' => ['Export fails', 'Export fails on PDF'], 'priority' => ['high', 'low']], $byField);
	}
}
