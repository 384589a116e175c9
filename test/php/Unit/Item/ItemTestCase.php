<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Item\AttachmentService;
use OCA\PilotFeedback\Item\ItemFiling;
use OCA\PilotFeedback\Item\ItemHistory;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Item\ItemReader;
use OCA\PilotFeedback\Item\ItemTriage;
use OCA\PilotFeedback\Item\ItemWriter;
use OCA\PilotFeedback\Item\MergeService;
use OCA\PilotFeedback\Item\RankingWeights;
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
 * Filing, editing and triage of one item as wired in the app (ItemReader, ItemWriter,
 * ItemHistory, TransitionRule), over mocked mappers and a mocked MergeService.
 * Organisation 1 takes part in pilot 10, which contains component 100.
 */
abstract class ItemTestCase extends TestCase {
	protected const NOW = 1_800_000_000;
	/** The version of every stored item */
	protected const VERSION = 4;

	protected ItemMapper&MockObject $items;
	protected HistoryMapper&MockObject $history;
	protected MergeService&MockObject $merges;
	protected RankingWeights&MockObject $weights;
	protected ItemFiling $filing;
	protected ItemTriage $triage;
	/** @var list<HistoryEntry> */
	protected array $recorded = [];
	/** @var array<int, Item> the stored items by id */
	protected array $byId = [];
	/** Whether the atomic version check at write time finds the version unchanged */
	protected bool $versionStillCurrent = true;

	protected function setUp(): void {
		$this->items = $this->createMock(ItemMapper::class);
		$this->history = $this->createMock(HistoryMapper::class);
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => match ($link) {
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

		$reader = new ItemReader(new Policy(), $this->items, $this->createMock(ItemPresenter::class));
		$writer = new ItemWriter(
			$this->items,
			$this->createMock(ItemWordMapper::class),
			$this->createMock(AttachmentMapper::class),
			new ItemHistory($this->history, $this->createMock(ItemMonthTotals::class)),
			new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class)),
			$time,
			$this->createMock(IEventDispatcher::class),
			$reader,
			$this->weights = $this->createMock(RankingWeights::class),
		);
		$this->filing = new ItemFiling(new Policy(), $links, $this->createMock(PilotScope::class), $attachments, $reader, $writer);
		$this->triage = new ItemTriage(
			new Policy(),
			$this->items,
			$reader,
			$writer,
			new TransitionRule(new Policy(), $this->l10n()),
			$this->merges = $this->createMock(MergeService::class),
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

	protected static function tester(string $userId = 'rki-tester1'): Actor {
		return new Actor($userId, false, false, [1]);
	}

	protected static function coordinator(): Actor {
		return new Actor('rki-coord', false, false, [1], [1]);
	}

	protected static function consolidator(): Actor {
		return new Actor('bmi', false, true);
	}

	protected function stored(string $status = 'new', string $reporter = 'rki-tester1', bool $confidential = false, int $id = 7): Item {
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

	protected function expectNoWrite(): void {
		$this->items->expects(self::never())->method('insert');
		$this->items->expects(self::never())->method('update');
		$this->history->expects(self::never())->method('insert');
	}

	/** @return list<string> the fields of the history entries written */
	protected function recordedFields(): array {
		return array_map(static fn (HistoryEntry $e): string => $e->getField(), $this->recorded);
	}
}
