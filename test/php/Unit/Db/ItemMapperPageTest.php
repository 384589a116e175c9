<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The item list counts its matches only when the page cannot tell: a page that is not full
 * ends the list, so the total is the items before it plus those on it.
 */
final class ItemMapperPageTest extends TestCase {
	private ItemMapper&MockObject $mapper;

	protected function setUp(): void {
		$this->mapper = $this->createPartialMock(ItemMapper::class, ['findPage', 'findPageIds', 'findInOrder', 'count', 'countFromTotals']);
		$this->mapper->method('findInOrder')->willReturnCallback(static fn (array $ids): array => self::withIds($ids));
	}

	/** @return list<Item> */
	private static function items(int $n): array {
		return self::withIds($n === 0 ? [] : range(1, $n));
	}

	/**
	 * @param list<int> $ids
	 * @return list<Item>
	 */
	private static function withIds(array $ids): array {
		return array_map(static function (int $id): Item {
			$item = new Item();
			$item->setId($id);
			return $item;
		}, $ids);
	}

	/** @return array{items: list<Item>, total: int, totalCapped: bool} */
	private function page(int $onPage, int $page, int $limit, bool $counts, int $counted = 999): array {
		$this->mapper->method('findPage')->willReturn(self::items($onPage));
		$this->mapper->expects($counts ? $this->once() : $this->never())->method('count')->willReturn($counted);
		$this->mapper->expects($this->never())->method('countFromTotals');
		return $this->mapper->findPageWithTotal(new Actor('rki-tester1'), new ItemQuery(types: ['defect'], page: $page, limit: $limit));
	}

	public function testAPageThatIsNotFullGivesTheTotalWithoutCounting(): void {
		$result = $this->page(7, 3, 25, false);
		$this->assertSame(57, $result['total']);
		$this->assertCount(7, $result['items']);
	}

	public function testAnEmptyFirstPageMeansNoMatches(): void {
		$this->assertSame(0, $this->page(0, 1, 25, false)['total']);
	}

	public function testAFullPageIsCounted(): void {
		$this->assertSame(999, $this->page(25, 2, 25, true)['total']);
	}

	public function testAPagePastTheEndIsCounted(): void {
		$this->assertSame(40, $this->page(0, 5, 25, true, 40)['total']);
	}

	public function testAListWithoutSearchIsCountedInFull(): void {
		$result = $this->page(25, 2, 25, true, 5000);
		$this->assertSame(5000, $result['total']);
		$this->assertFalse($result['totalCapped']);
	}

	public function testAListFilteredByPilotAndOrganisationAloneIsCountedFromTheMonthlyTotals(): void {
		$this->mapper->method('findPage')->willReturn(self::items(25));
		$this->mapper->expects($this->never())->method('count');
		$query = new ItemQuery(organisationId: 2, page: 2, limit: 25, pilotId: 4);
		$this->mapper->expects($this->once())->method('countFromTotals')->with($this->anything(), $query)->willReturn(180_000);
		$result = $this->mapper->findPageWithTotal(new Actor('rki-tester1'), $query);
		$this->assertSame(180_000, $result['total']);
		$this->assertFalse($result['totalCapped']);
	}

	public function testEveryOtherFilterIsCountedFromTheItems(): void {
		foreach ([new ItemQuery(componentId: 3), new ItemQuery(priorities: [4]), new ItemQuery(statuses: ['new']), new ItemQuery(mine: true), new ItemQuery(open: true), new ItemQuery(search: 'x')] as $query) {
			$this->assertFalse($query->filtersOnlyByPilotOrOrganisation());
		}
		$this->assertTrue((new ItemQuery(sortColumn: 'support_count', ascending: true))->filtersOnlyByPilotOrOrganisation());
	}

	/**
	 * A search whose one query finds $found ids from the page's start on, asked for at most
	 * $expectedCount of them.
	 *
	 * @return array{items: list<Item>, total: int, totalCapped: bool}
	 */
	private function search(int $page, int $limit, int $expectedCount, int $found): array {
		$query = new ItemQuery(page: $page, limit: $limit, search: 'sharing link');
		$this->mapper->expects($this->once())->method('findPageIds')
			->with($this->anything(), $query, $expectedCount)
			->willReturn($found === 0 ? [] : range($query->offset() + 1, $query->offset() + $found));
		$this->mapper->expects($this->never())->method('findPage');
		return $this->mapper->findPageWithTotal(new Actor('rki-tester1'), $query);
	}

	public function testASearchCountsNoFurtherThanTheCapPastThePageStart(): void {
		// page 3 of 100: 200 before it, then 200 more; one beyond tells whether there are more
		$this->mapper->expects($this->never())->method('count');
		$result = $this->search(3, 100, 201, 201);
		$this->assertSame(400, $result['total']);
		$this->assertTrue($result['totalCapped']);
		$this->assertSame(range(201, 300), array_map(static fn (Item $item): int => $item->getId(), $result['items']));
	}

	public function testASearchWithFewerMatchesThanTheCapIsExact(): void {
		$this->mapper->expects($this->never())->method('count');
		$result = $this->search(1, 100, 201, 200);
		$this->assertSame(200, $result['total']);
		$this->assertFalse($result['totalCapped']);
		$this->assertCount(100, $result['items']);
	}

	public function testASearchThatEndsOnThePageIsExact(): void {
		$this->mapper->expects($this->never())->method('count');
		$result = $this->search(2, 25, 201, 7);
		$this->assertSame(32, $result['total']);
		$this->assertFalse($result['totalCapped']);
		$this->assertCount(7, $result['items']);
	}

	public function testTheCapIsWholePagesSoThatMoreThanNPagesHolds(): void {
		// 30 per page: 7 pages (210 items) are counted, so "more than 7 pages" is true when capped
		$this->mapper->expects($this->never())->method('count');
		$result = $this->search(1, 30, 211, 211);
		$this->assertSame(210, $result['total']);
		$this->assertTrue($result['totalCapped']);
		$this->assertCount(30, $result['items']);
	}

	public function testASearchPagePastTheEndCountsFromTheStart(): void {
		$this->mapper->expects($this->once())->method('count')
			->with($this->anything(), $this->anything(), 601)
			->willReturn(40);
		$result = $this->search(5, 100, 201, 0);
		$this->assertSame(40, $result['total']);
		$this->assertFalse($result['totalCapped']);
		$this->assertSame([], $result['items']);
	}
}
