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
		$this->mapper = $this->createPartialMock(ItemMapper::class, ['findPage', 'count']);
	}

	/** @return list<Item> */
	private static function items(int $n): array {
		return array_map(static function (int $id): Item {
			$item = new Item();
			$item->setId($id);
			return $item;
		}, $n === 0 ? [] : range(1, $n));
	}

	/** @return array{items: list<Item>, total: int} */
	private function page(int $onPage, int $page, int $limit, bool $counts, int $counted = 999): array {
		$this->mapper->method('findPage')->willReturn(self::items($onPage));
		$this->mapper->expects($counts ? $this->once() : $this->never())->method('count')->willReturn($counted);
		return $this->mapper->findPageWithTotal(new Actor('rki-tester1'), new ItemQuery(page: $page, limit: $limit));
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
}
