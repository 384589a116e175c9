<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Item\TransitionRule;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCP\IL10N;
use OCP\IUserManager;
use PHPUnit\Framework\TestCase;

/**
 * A reference to an item the viewer may not see is not shown, also for rows written before
 * duplicates had to share their target's confidentiality: a public item marked a duplicate
 * of RKI's security finding must not name the finding to a BSH tester.
 */
final class ItemPresenterTest extends TestCase {
	private const SECRET = 7;
	private const PUBLIC = 8;

	private static function item(int $id, bool $confidential, ?int $duplicateOf): Item {
		$item = new Item();
		$item->setId($id);
		$item->setType($confidential ? 'security' : 'defect');
		$item->setTitle("Item $id");
		$item->setBody('');
		$item->setComponentId(1);
		$item->setPilotId(1);
		$item->setPriority(2);
		$item->setStatus($duplicateOf === null ? 'new' : 'duplicate');
		$item->setReporterId('rki-tester1');
		$item->setOrgId(1);
		$item->setConfidential($confidential);
		$item->setDuplicateOf($duplicateOf);
		$item->setSupportCount(0);
		$item->setCreatedAt(1);
		$item->setUpdatedAt(1);
		return $item;
	}

	private static function entry(int $id, string $field, ?string $old, ?string $new): HistoryEntry {
		$entry = new HistoryEntry();
		$entry->setId($id);
		$entry->setItemId(self::PUBLIC);
		$entry->setUserId('bmi');
		$entry->setField($field);
		$entry->setOldValue($old);
		$entry->setNewValue($new);
		$entry->setCreatedAt(1);
		return $entry;
	}

	private function presenter(): ItemPresenter {
		$items = $this->createMock(ItemMapper::class);
		$items->method('findByIds')->willReturnCallback(static fn (array $ids): array => array_values(array_filter(
			[self::item(self::SECRET, true, null), self::item(self::PUBLIC, false, self::SECRET)],
			static fn (Item $i): bool => in_array($i->getId(), $ids, true),
		)));
		$history = $this->createMock(HistoryMapper::class);
		$history->method('findForItem')->willReturn([
			self::entry(1, 'created', null, 'Item 8'),
			self::entry(2, 'status', 'new', 'duplicate'),
			self::entry(3, 'duplicateOf', null, (string)self::SECRET),
		]);
		$supporters = $this->createMock(SupporterMapper::class);
		$supporters->method('findForItem')->willReturn([]);
		$supporters->method('supportedBy')->willReturn([]);
		$attachments = $this->createMock(AttachmentMapper::class);
		$attachments->method('findForItem')->willReturn([]);
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnArgument(0);
		return new ItemPresenter(new Policy(), $supporters, $attachments, $history, $items, $users, new TransitionRule(new Policy(), $this->createMock(IL10N::class)));
	}

	/**
	 * BSH's security finding (id 20, organisation 2) into which RKI's finding (id 21,
	 * organisation 1) was merged, bringing RKI's tester as a supporter: BSH's coordinator
	 * sees the finding but nothing of RKI's merged one; the consolidator sees all of it.
	 */
	private function mergedPresenter(): ItemPresenter {
		$original = self::item(20, true, null);
		$original->setOrgId(2);
		$original->setReporterId('bsh-tester1');
		$merged = self::item(21, true, 20);
		$merged->setPriority(4);
		$items = $this->createMock(ItemMapper::class);
		$items->method('findDuplicatesOf')->willReturnCallback(static fn (int $id): array => $id === 20 ? [$merged] : []);
		$items->method('findByIds')->willReturnCallback(static fn (array $ids): array => in_array(21, $ids, true) ? [$merged] : []);
		$history = $this->createMock(HistoryMapper::class);
		$history->method('findForItem')->willReturn([self::entry(1, 'merged', null, '21')]);
		$supporters = $this->createMock(SupporterMapper::class);
		$supporters->method('findForItem')->willReturn([
			['userId' => 'bsh-tester2', 'organisationId' => 2, 'mergedFrom' => null],
			['userId' => 'rki-tester1', 'organisationId' => 1, 'mergedFrom' => 21],
		]);
		$supporters->method('supportedBy')->willReturn([]);
		$attachments = $this->createMock(AttachmentMapper::class);
		$attachments->method('findForItem')->willReturn([]);
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnArgument(0);
		return new ItemPresenter(new Policy(), $supporters, $attachments, $history, $items, $users, new TransitionRule(new Policy(), $this->createMock(IL10N::class)));
	}

	public function testAMergedFindingOfAnotherOrganisationLeavesNoTraceForThoseWhoMayNotSeeIt(): void {
		$original = self::item(20, true, null);
		$original->setOrgId(2);
		$original->setReporterId('bsh-tester1');
		$detail = $this->mergedPresenter()->detail(new Actor('bsh-coord', memberOrgIds: [2], coordinatorOrgIds: [2]), $original);
		self::assertSame([], $detail['mergedDuplicates']);
		self::assertSame(['bsh-tester2'], array_column($detail['supporters'], 'userId'));
		self::assertSame([['organisationId' => 2, 'priority' => 'medium']], $detail['priorityPerOrganisation']);
		self::assertNotContains('merged', array_column($detail['history'], 'field'));
		self::assertStringNotContainsString('21', json_encode([$detail['history'], $detail['supporters'], $detail['mergedDuplicates']], JSON_THROW_ON_ERROR));
	}

	public function testTheConsolidatorSeesTheMergedFindingItsSupportAndItsPriority(): void {
		$original = self::item(20, true, null);
		$original->setOrgId(2);
		$original->setReporterId('bsh-tester1');
		$detail = $this->mergedPresenter()->detail(new Actor('bmi', isConsolidator: true), $original);
		self::assertSame([21], array_column($detail['mergedDuplicates'], 'id'));
		self::assertSame(['bsh-tester2', 'rki-tester1'], array_column($detail['supporters'], 'userId'));
		self::assertSame([['organisationId' => 1, 'priority' => 'critical'], ['organisationId' => 2, 'priority' => 'medium']], $detail['priorityPerOrganisation']);
		self::assertSame(['in_review', 'rejected', 'duplicate'], $detail['allowedStatuses']);
		// rows without a chosen priority: the item's for its own supporter, the duplicate's for the one moved from it
		self::assertSame(['medium', 'critical'], array_column($detail['supporters'], 'priority'));
	}

	public function testHidesTheFindingFromATesterOfAnotherOrganisation(): void {
		$bshTester = new Actor('bsh-tester1', memberOrgIds: [2]);
		$detail = $this->presenter()->detail($bshTester, self::item(self::PUBLIC, false, self::SECRET));
		self::assertNull($detail['duplicateOf']);
		self::assertSame(['created', 'status'], array_column($detail['history'], 'field'));
		self::assertStringNotContainsString('"' . self::SECRET . '"', json_encode($detail, JSON_THROW_ON_ERROR));
		$list = $this->presenter()->list($bshTester, [self::item(self::PUBLIC, false, self::SECRET)]);
		self::assertNull($list[0]['duplicateOf']);
	}

	public function testShowsTheFindingToThoseWhoMaySeeIt(): void {
		foreach ([new Actor('bmi', isConsolidator: true), new Actor('rki-tester1', memberOrgIds: [1]), new Actor('rki-coord', memberOrgIds: [1], coordinatorOrgIds: [1])] as $actor) {
			$detail = $this->presenter()->detail($actor, self::item(self::PUBLIC, false, self::SECRET));
			self::assertSame(self::SECRET, $detail['duplicateOf'], $actor->userId);
			self::assertSame((string)self::SECRET, $detail['history'][2]['newValue'], $actor->userId);
		}
	}

	public function testHidesAReferenceToAnItemThatNoLongerExists(): void {
		$detail = $this->presenter()->detail(new Actor('bmi', isConsolidator: true), self::item(self::PUBLIC, false, 999));
		self::assertNull($detail['duplicateOf']);
	}
}
