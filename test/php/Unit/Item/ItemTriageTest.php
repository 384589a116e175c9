<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\ValidationException;

/**
 * Triage of one item with mocked mappers: which status transitions a consolidator may make,
 * merging and unmerging duplicates, versions, and what the history records.
 */
final class ItemTriageTest extends ItemTestCase {
	// Triage

	public function testOnlyConsolidatorsTriage(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->triage->triage(self::coordinator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
	}

	public function testAConsolidatorMovesAnItemOneStepAndTheHistoryRecordsOldAndNewStatus(): void {
		$item = $this->stored('new');
		$this->items->expects(self::once())->method('update');
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);

		self::assertSame('in_review', $item->getStatus());
		self::assertSame(['status'], $this->recordedFields());
		self::assertSame('new', $this->recorded[0]->getOldValue());
		self::assertSame('in_review', $this->recorded[0]->getNewValue());
		self::assertSame('bmi', $this->recorded[0]->getUserId());
		self::assertSame(self::NOW, $this->recorded[0]->getCreatedAt());
	}

	public function testAStatusCannotSkipSteps(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'done']);
	}

	public function testADoneItemCanNoLongerBeRejected(): void {
		$this->stored('done');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'rejected']);
	}

	public function testADuplicateMustNameAnotherItem(): void {
		$this->stored('in_review');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate']);
	}

	public function testLeavingDuplicateClearsDuplicateOf(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
		self::assertNull($item->getDuplicateOf());
		self::assertSame(['status', 'duplicateOf'], $this->recordedFields());
	}

	public function testARefusedTransitionNamesTheStatusesAsPeopleReadThem(): void {
		$this->stored('new');
		$this->expectNoWrite();
		try {
			$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'done']);
			self::fail('new → done must be refused');
		} catch (ValidationException $e) {
			self::assertSame('This item cannot go from "New" to "Done". It can go to: "In review", "Rejected", "Duplicate".', $e->getMessage());
		}
	}

	// Merge and unmerge

	public function testMarkingADuplicateChecksAndMergesIntoTheOriginalInTheSameWrite(): void {
		$item = $this->stored('in_review');
		$original = $this->stored('accepted', 'bsh-tester1', false, 3);
		$this->merges->expects(self::once())->method('check')->with($item, $original);
		$this->merges->expects(self::once())->method('merge')->with($item, 3, 'bmi', self::NOW);
		$this->merges->expects(self::never())->method('unmerge');
		$this->items->expects(self::once())->method('update');
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 3]);
		self::assertSame(3, $item->getDuplicateOf());
	}

	public function testLeavingDuplicateUnmergesFromTheFormerOriginal(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->merges->expects(self::never())->method('merge');
		$this->merges->expects(self::once())->method('unmerge')->with($item, 3, 'bmi', self::NOW);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
	}

	public function testUnmergingRefreshesTheRankingWeightsAroundTheItemAndItsFormerOriginalAfterTheMerge(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$steps = [];
		$this->weights->method('duplicateOf')->with(7)->willReturn(3);
		$this->merges->method('unmerge')->willReturnCallback(static function () use (&$steps): void {
			$steps[] = 'unmerge';
		});
		$this->weights->expects(self::once())->method('around')->with(7, 3)->willReturn([7, 3]);
		$this->weights->expects(self::once())->method('refresh')->with([7, 3])->willReturnCallback(static function () use (&$steps): void {
			$steps[] = 'refresh';
		});
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
		self::assertSame(['unmerge', 'refresh'], $steps);
	}

	public function testAFailedMergeCheckWritesNothing(): void {
		$this->stored('in_review');
		$this->stored('duplicate', 'bsh-tester1', false, 3);
		$this->merges->method('check')->willThrowException(new ValidationException('Item #%1$s is itself a duplicate (of #%2$s). Name the original item instead.', ['3', '2']));
		$this->merges->expects(self::never())->method('merge');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 3]);
	}

	public function testADuplicateCannotMoveToAnotherOriginalWithoutUnmergingFirst(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->stored('new', 'bsh-tester1', false, 5);
		$this->merges->expects(self::never())->method('merge');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 5]);
	}

	// Versions

	public function testAWriteWithoutVersionIsRefusedNamingTheField(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Version is missing');
		$this->triage->triage(self::consolidator(), 7, ['status' => 'in_review']);
	}

	public function testAWriteWhoseVersionChangedBeforeTheWriteIsAConflictAndWritesNothing(): void {
		$this->stored('new');
		$this->versionStillCurrent = false; // someone else wrote between the read and the write
		$this->items->expects(self::never())->method('update');
		$this->history->expects(self::never())->method('insert');
		try {
			$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
			self::fail('the stale write must be refused');
		} catch (ItemConflictException $e) {
			self::assertSame(409, $e->getStatus());
			self::assertArrayHasKey('current', $e->getData(), 'the answer carries the item as it is now');
		}
	}

	public function testASuccessfulWriteRaisesTheVersionByOne(): void {
		$item = $this->stored('new');
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
		self::assertSame(self::VERSION + 1, $item->getVersion());
	}

	// Vendor reference

	public function testTheVendorUrlMustBeHttps(): void {
		foreach (['http://vendor.example/1', 'javascript:alert(1)', 'https://', 'https://vendor.example/a b', "https://vendor.example/\x01", 'https://' . str_repeat('a', 500) . '.example'] as $url) {
			$this->recorded = [];
			$this->byId = [];
			$this->stored('new');
			try {
				$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'new', 'vendorUrl' => $url]);
				self::fail("$url must be refused");
			} catch (ValidationException $e) {
				self::assertStringContainsString('Vendor URL', $e->getMessage());
			}
			self::assertSame([], $this->recorded);
		}
	}

	public function testAnHttpsVendorUrlIsStoredAndRecorded(): void {
		$item = $this->stored('new');
		$this->triage->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'new', 'vendorReference' => 'VEN-42', 'vendorUrl' => 'https://vendor.example/issues/42']);
		self::assertSame('https://vendor.example/issues/42', $item->getVendorUrl());
		self::assertSame(['vendorReference', 'vendorUrl'], $this->recordedFields());
	}
}
