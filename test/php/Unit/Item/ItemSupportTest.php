<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Item\ItemReader;
use OCA\PilotFeedback\Item\ItemSupport;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/** "Concerns us too": who may support an item, for which organisation, and what is announced. */
final class ItemSupportTest extends TestCase {
	private const NOW = 1_800_000_000;

	private SupporterMapper&MockObject $supporters;
	private RankingWeights&MockObject $weights;
	private ItemSupport $support;
	/** @var list<object> */
	private array $dispatched = [];

	protected function setUp(): void {
		$item = new Item();
		$item->setId(7);
		$item->setType('defect');
		$item->setConfidential(false);
		$item->setReporterId('rki-tester1');
		$item->setOrgId(1);
		$item->setStatus('new');
		$item->setPriority(2);
		$items = $this->createMock(ItemMapper::class);
		$items->method('get')->with(7)->willReturn($item);
		$this->supporters = $this->createMock(SupporterMapper::class);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$dispatcher = $this->createMock(IEventDispatcher::class);
		$dispatcher->method('dispatchTyped')->willReturnCallback(function (object $event): void {
			$this->dispatched[] = $event;
		});
		$this->support = new ItemSupport(
			new Policy(),
			$this->supporters,
			new ItemReader(new Policy(), $items, $this->createMock(ItemPresenter::class)),
			new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class)),
			$time,
			$dispatcher,
			$this->weights = $this->createMock(RankingWeights::class),
		);
	}

	public function testATesterOfAnotherOrganisationSupportsForTheirOwnOrganisation(): void {
		$this->supporters->expects(self::once())->method('add')->with(7, 'bsh-tester1', 2, self::NOW)->willReturn(true);
		// one refresh recounts the supporters and the weight, under one lock of the item
		$this->weights->expects(self::once())->method('refresh')->with([7]);
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true);
		self::assertCount(1, $this->dispatched);
		self::assertInstanceOf(ItemSupported::class, $this->dispatched[0]);
	}

	public function testAColleagueOfTheReporterSupportsForTheItemsOrganisation(): void {
		$this->supporters->expects(self::once())->method('add')->with(7, 'rki-tester2', 1, self::NOW)->willReturn(true);
		$this->support->support(new Actor('rki-tester2', false, false, [3, 1]), 7, true);
	}

	public function testSupportThatWasThereAlreadyChangesAndAnnouncesNothing(): void {
		$this->supporters->method('add')->willReturn(false);
		$this->supporters->expects(self::never())->method('setPriority');
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true);
		self::assertSame([], $this->dispatched);
	}

	public function testWithdrawingRemovesTheSupport(): void {
		$this->supporters->expects(self::once())->method('remove')->with(7, 'bsh-tester1')->willReturn(true);
		$this->weights->expects(self::once())->method('refresh')->with([7]);
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, false);
		self::assertCount(1, $this->dispatched);
	}

	public function testTheReporterDoesNotSupportTheirOwnItem(): void {
		$this->supporters->expects(self::never())->method('add');
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('You filed this item');
		$this->support->support(new Actor('rki-tester1', false, false, [1]), 7, true);
	}

	public function testAConsolidatorDoesNotSupport(): void {
		$this->supporters->expects(self::never())->method('add');
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('Only testers of an organisation support items.');
		$this->support->support(new Actor('bmi', false, true), 7, true);
	}

	public function testSupportWithoutAChosenPriorityRecordsTheItemsPriority(): void {
		$this->supporters->expects(self::once())->method('add')->with(7, 'bsh-tester1', 2, self::NOW, null, 2)->willReturn(true);
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true);
	}

	public function testSupportRecordsThePriorityTheSupporterChoseForTheirOrganisation(): void {
		$this->supporters->expects(self::once())->method('add')->with(7, 'bsh-tester1', 2, self::NOW, null, 4)->willReturn(true);
		$this->supporters->expects(self::never())->method('setPriority');
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true, 'critical');
		self::assertCount(1, $this->dispatched);
	}

	public function testSupportingAgainChangesThePriorityAndAnnouncesNoNewSupport(): void {
		$this->supporters->method('add')->willReturn(false);
		$this->supporters->expects(self::once())->method('setPriority')->with(7, 'bsh-tester1', 1)->willReturn(true);
		$this->weights->expects(self::once())->method('refresh')->with([7]);
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true, 'low');
		self::assertSame([], $this->dispatched);
	}

	public function testSupportingAgainWithoutAPriorityLeavesTheOneGiven(): void {
		$this->supporters->method('add')->willReturn(false);
		$this->supporters->expects(self::never())->method('setPriority');
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true);
	}

	public function testAnUnknownPriorityIsRefusedNamingTheField(): void {
		$this->supporters->expects(self::never())->method('add');
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Priority must be one of: low, medium, high, critical.');
		$this->support->support(new Actor('bsh-tester1', false, false, [2]), 7, true, 'urgent');
	}
}
