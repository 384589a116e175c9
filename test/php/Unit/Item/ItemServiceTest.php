<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\AttachmentService;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Item\ItemService;
use OCA\PilotFeedback\Item\MergeService;
use OCA\PilotFeedback\Item\TransitionRule;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use OCP\IL10N;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * The rules of ItemService with mocked mappers: who files, who edits, which status
 * transitions a consolidator may make, and what the history records.
 * Organisation 1 takes part in pilot 10, which contains component 100.
 */
final class ItemServiceTest extends TestCase {
	private const NOW = 1_800_000_000;
	/** The version of every stored item */
	private const VERSION = 4;

	private ItemMapper&MockObject $items;
	private HistoryMapper&MockObject $history;
	private LinkMapper&MockObject $links;
	private MergeService&MockObject $merges;
	private ItemService $service;
	/** @var list<HistoryEntry> */
	private array $recorded = [];
	/** @var array<int, Item> the stored items by id */
	private array $byId = [];
	/** Whether the atomic version check at write time finds the version unchanged */
	private bool $versionStillCurrent = true;

	protected function setUp(): void {
		$this->items = $this->createMock(ItemMapper::class);
		$this->history = $this->createMock(HistoryMapper::class);
		$this->links = $this->createMock(LinkMapper::class);
		$this->links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => match ($link) {
			Link::OrganisationPilots => [1 => [10]],
			Link::PilotComponents => [10 => [100]],
			default => [],
		});
		$this->history->method('insert')->willReturnCallback(function (HistoryEntry $entry): HistoryEntry {
			$this->recorded[] = $entry;
			return $entry;
		});
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$attachments = $this->createMock(AttachmentService::class);
		$attachments->method('resolve')->willReturn([]);

		$this->service = new ItemService(
			new Policy(),
			$this->items,
			$this->history,
			$this->createMock(AttachmentMapper::class),
			$this->createMock(SupporterMapper::class),
			$this->createMock(ItemWordMapper::class),
			$this->links,
			$this->createMock(CatalogueService::class),
			$attachments,
			$this->createMock(ItemPresenter::class),
			new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class)),
			$time,
			new TransitionRule(new Policy(), $this->l10n()),
			$this->merges = $this->createMock(MergeService::class),
			$this->createMock(IEventDispatcher::class),
		);
		$this->items->method('claimVersion')->willReturnCallback(fn (int $id, int $expected): bool => $this->versionStillCurrent && $expected === $this->byId[$id]->getVersion());
		$this->items->method('get')->willReturnCallback(fn (int $id): Item => $this->byId[$id] ?? throw new NotFoundException('Item %1$s does not exist or you may not see it.', [(string)$id]));
	}

	/** An IL10N that returns the English text with its placeholders filled. */
	private function l10n(): IL10N {
		$l10n = $this->createMock(IL10N::class);
		$l10n->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		return $l10n;
	}

	private static function tester(string $userId = 'rki-tester1'): Actor {
		return new Actor($userId, false, false, [1]);
	}

	private static function coordinator(): Actor {
		return new Actor('rki-coord', false, false, [1], [1]);
	}

	private static function consolidator(): Actor {
		return new Actor('bmi', false, true);
	}

	/** @return array<string, mixed> */
	private static function filing(array $changes = []): array {
		return [...['type' => 'defect', 'title' => 'Export fails', 'body' => 'Steps', 'componentId' => 100, 'pilotId' => 10, 'priority' => 'high'], ...$changes];
	}

	private function stored(string $status = 'new', string $reporter = 'rki-tester1', bool $confidential = false, int $id = 7): Item {
		$item = new Item();
		$item->setId($id);
		$item->setVersion(self::VERSION);
		$item->setType($confidential ? 'security' : 'defect');
		$item->setConfidential($confidential);
		$item->setTitle('Export fails');
		$item->setBody('Steps');
		$item->setPriority(3);
		$item->setComponentId(100);
		$item->setPilotId(10);
		$item->setStatus($status);
		$item->setReporterId($reporter);
		$item->setOrgId(1);
		$item->resetUpdatedFields();
		$this->byId[$id] = $item;
		return $item;
	}

	private function expectNoWrite(): void {
		$this->items->expects(self::never())->method('insert');
		$this->items->expects(self::never())->method('update');
		$this->history->expects(self::never())->method('insert');
	}

	/** @return list<string> the fields of the history entries written */
	private function recordedFields(): array {
		return array_map(static fn (HistoryEntry $e): string => $e->getField(), $this->recorded);
	}

	// Filing

	public function testATesterFilesANewItemForTheirOrganisationAndTheHistoryRecordsIt(): void {
		$this->items->expects(self::once())->method('insert')->willReturnCallback(static function (Item $item): Item {
			$item->setId(42);
			return $item;
		});
		$this->service->create(self::tester(), self::filing());

		self::assertCount(1, $this->recorded);
		self::assertSame('created', $this->recorded[0]->getField());
		self::assertSame(42, $this->recorded[0]->getItemId());
		self::assertSame('Export fails', $this->recorded[0]->getNewValue());
	}

	public function testAFiledItemStartsNewWithTheReporterOrganisationAndConfidentialityOfItsType(): void {
		$inserted = [];
		$this->items->method('insert')->willReturnCallback(static function (Item $item) use (&$inserted): Item {
			$item->setId(count($inserted) + 1);
			$inserted[] = $item;
			return $item;
		});
		$this->service->create(self::tester(), self::filing());
		$this->service->create(self::tester(), self::filing(['type' => 'security']));

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
		$this->service->create(self::consolidator(), self::filing());
	}

	public function testATesterCannotFileForAnotherOrganisation(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->service->create(self::tester(), self::filing(['organisationId' => 2]));
	}

	public function testThePilotMustBeOneOfTheOrganisation(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->create(self::tester(), self::filing(['pilotId' => 11]));
	}

	public function testTheComponentMustBelongToThePilot(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->create(self::tester(), self::filing(['componentId' => 101]));
	}

	public function testAnUnknownTypeIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->create(self::tester(), self::filing(['type' => 'wish']));
	}

	// Edit rights

	public function testTheReporterEditsTheirOwnNewItem(): void {
		$this->stored('new');
		$this->items->expects(self::once())->method('update');
		$this->service->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails on PDF']);
		self::assertSame(['title'], $this->recordedFields());
	}

	public function testTheReporterCannotEditOnceTheItemIsInReview(): void {
		$this->stored('in_review');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->service->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	public function testAnotherTesterOfTheOrganisationCannotEdit(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->service->update(self::tester('rki-tester2'), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	public function testTheCoordinatorEditsTheOrganisationsItemsInAnyStatus(): void {
		$this->stored('accepted');
		$this->items->expects(self::once())->method('update');
		$this->service->update(self::coordinator(), 7, ['version' => self::VERSION, 'priority' => 'low']);
		self::assertSame(['priority'], $this->recordedFields());
	}

	public function testAConfidentialItemOfSomeoneElseIsNotFoundForATester(): void {
		$this->stored('new', 'rki-tester2', true);
		$this->expectNoWrite();
		$this->expectException(NotFoundException::class);
		$this->service->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Changed']);
	}

	// Triage

	public function testOnlyConsolidatorsTriage(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->service->triage(self::coordinator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
	}

	public function testAConsolidatorMovesAnItemOneStepAndTheHistoryRecordsOldAndNewStatus(): void {
		$item = $this->stored('new');
		$this->items->expects(self::once())->method('update');
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);

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
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'done']);
	}

	public function testADoneItemCanNoLongerBeRejected(): void {
		$this->stored('done');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'rejected']);
	}

	public function testADuplicateMustNameAnotherItem(): void {
		$this->stored('in_review');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate']);
	}

	public function testLeavingDuplicateClearsDuplicateOf(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
		self::assertNull($item->getDuplicateOf());
		self::assertSame(['status', 'duplicateOf'], $this->recordedFields());
	}

	public function testARefusedTransitionNamesTheStatusesAsPeopleReadThem(): void {
		$this->stored('new');
		$this->expectNoWrite();
		try {
			$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'done']);
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
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 3]);
		self::assertSame(3, $item->getDuplicateOf());
	}

	public function testLeavingDuplicateUnmergesFromTheFormerOriginal(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->merges->expects(self::never())->method('merge');
		$this->merges->expects(self::once())->method('unmerge')->with($item, 3, 'bmi', self::NOW);
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
	}

	public function testAFailedMergeCheckWritesNothing(): void {
		$this->stored('in_review');
		$this->stored('duplicate', 'bsh-tester1', false, 3);
		$this->merges->method('check')->willThrowException(new ValidationException('Item #%1$s is itself a duplicate (of #%2$s). Name the original item instead.', ['3', '2']));
		$this->merges->expects(self::never())->method('merge');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 3]);
	}

	public function testADuplicateCannotMoveToAnotherOriginalWithoutUnmergingFirst(): void {
		$item = $this->stored('duplicate');
		$item->setDuplicateOf(3);
		$item->resetUpdatedFields();
		$this->stored('new', 'bsh-tester1', false, 5);
		$this->merges->expects(self::never())->method('merge');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'duplicate', 'duplicateOf' => 5]);
	}

	// Versions

	public function testAWriteWithoutVersionIsRefusedNamingTheField(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Version is missing');
		$this->service->triage(self::consolidator(), 7, ['status' => 'in_review']);
	}

	public function testAnEditWithAnOutdatedVersionIsAConflictAndWritesNothing(): void {
		$this->stored('new');
		$this->expectNoWrite();
		$this->expectException(ItemConflictException::class);
		$this->service->update(self::tester(), 7, ['version' => self::VERSION - 1, 'title' => 'Changed']);
	}

	public function testAWriteWhoseVersionChangedBeforeTheWriteIsAConflictAndWritesNothing(): void {
		$this->stored('new');
		$this->versionStillCurrent = false; // someone else wrote between the read and the write
		$this->items->expects(self::never())->method('update');
		$this->history->expects(self::never())->method('insert');
		try {
			$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
			self::fail('the stale write must be refused');
		} catch (ItemConflictException $e) {
			self::assertSame(409, $e->getStatus());
			self::assertArrayHasKey('current', $e->getData(), 'the answer carries the item as it is now');
		}
	}

	public function testASuccessfulWriteRaisesTheVersionByOne(): void {
		$item = $this->stored('new');
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'in_review']);
		self::assertSame(self::VERSION + 1, $item->getVersion());
	}

	// Vendor reference

	public function testTheVendorUrlMustBeHttps(): void {
		foreach (['http://vendor.example/1', 'javascript:alert(1)', 'https://', 'https://vendor.example/a b', "https://vendor.example/\x01", 'https://' . str_repeat('a', 500) . '.example'] as $url) {
			$this->recorded = [];
			$this->byId = [];
			$this->stored('new');
			try {
				$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'new', 'vendorUrl' => $url]);
				self::fail("$url must be refused");
			} catch (ValidationException $e) {
				self::assertStringContainsString('Vendor URL', $e->getMessage());
			}
			self::assertSame([], $this->recorded);
		}
	}

	public function testAnHttpsVendorUrlIsStoredAndRecorded(): void {
		$item = $this->stored('new');
		$this->service->triage(self::consolidator(), 7, ['version' => self::VERSION, 'status' => 'new', 'vendorReference' => 'VEN-42', 'vendorUrl' => 'https://vendor.example/issues/42']);
		self::assertSame('https://vendor.example/issues/42', $item->getVendorUrl());
		self::assertSame(['vendorReference', 'vendorUrl'], $this->recordedFields());
	}

	// History

	public function testAnEditThatChangesNothingWritesNoHistory(): void {
		$this->stored('new');
		$this->service->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails', 'body' => 'Steps']);
		self::assertSame([], $this->recorded);
	}

	public function testEachChangedFieldIsRecordedOnceWithItsOldAndNewValue(): void {
		$this->stored('new');
		$this->service->update(self::tester(), 7, ['version' => self::VERSION, 'title' => 'Export fails on PDF', 'priority' => 'low']);
		$byField = [];
		foreach ($this->recorded as $entry) {
			$byField[$entry->getField()] = [$entry->getOldValue(), $entry->getNewValue()];
		}
		self::assertSame(['title' => ['Export fails', 'Export fails on PDF'], 'priority' => ['high', 'low']], $byField);
	}
}
