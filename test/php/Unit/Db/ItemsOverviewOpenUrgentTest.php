<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemMonthsMapper;
use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCA\PilotFeedback\Model\Actor;
use OCP\DB\IResult;
use OCP\DB\QueryBuilder\IExpressionBuilder;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;

/**
 * The open critical and high items are read one priority at a time, in filing order, each read
 * stopping at what the list still needs: critical ones first, high ones only to fill it.
 */
final class ItemsOverviewOpenUrgentTest extends TestCase {
	/** @var list<array{priority: mixed, limit: ?int}> the priority and limit of each query run */
	private array $queries = [];

	/**
	 * @param list<list<int>> $idsPerQuery the ids each query answers, in turn
	 * @return list<int> the ids of the items returned, in order
	 */
	private function openUrgent(array $idsPerQuery, int $limit): array {
		$db = $this->createMock(IDBConnection::class);
		$db->method('getQueryBuilder')->willReturnCallback(function () use (&$idsPerQuery): IQueryBuilder {
			$query = ['priority' => null, 'limit' => null];
			$qb = $this->createMock(IQueryBuilder::class);
			foreach (['select', 'from', 'where', 'andWhere', 'orderBy', 'addOrderBy'] as $method) {
				$qb->method($method)->willReturnSelf();
			}
			$expr = $this->createMock(IExpressionBuilder::class);
			$expr->method('eq')->willReturnCallback(function (mixed $column, mixed $value) use (&$query): string {
				if ($column instanceof IQueryFunction) {
					$query['priority'] = $value;
				}
				return 'eq';
			});
			$qb->method('expr')->willReturn($expr);
			$qb->method('createNamedParameter')->willReturnCallback(static fn (mixed $value): mixed => $value);
			$qb->method('setMaxResults')->willReturnCallback(function (?int $limit) use ($qb, &$query): IQueryBuilder {
				$query['limit'] = $limit;
				return $qb;
			});
			$qb->method('executeQuery')->willReturnCallback(function () use (&$idsPerQuery, &$query): IResult {
				$this->queries[] = $query;
				$result = $this->createMock(IResult::class);
				$result->method('fetchAll')->willReturn(array_map('strval', array_shift($idsPerQuery) ?? []));
				return $result;
			});
			return $qb;
		});
		$items = $this->createMock(ItemMapper::class);
		$items->method('shownPriority')->willReturn($this->createMock(IQueryFunction::class));
		$items->method('findInOrder')->willReturnCallback(static fn (array $ids): array => array_map(static function (int $id): Item {
			$item = new Item();
			$item->setId($id);
			return $item;
		}, $ids));
		$mapper = new ItemsOverviewMapper($db, $items, $this->createMock(ItemMonthsMapper::class));
		$actor = new Actor('bmi', false, true);
		return array_map(static fn (Item $item): int => $item->getId(), $mapper->openUrgent($actor, 1, 1_800_000_000, $limit));
	}

	public function testCriticalItemsComeFirstAndHighOnesFillTheRest(): void {
		self::assertSame([7, 3, 9, 4], $this->openUrgent([[7, 3], [9, 4]], 5));
		// critical (4) first, with the whole limit; high (3) with what is left
		self::assertSame([['priority' => 4, 'limit' => 5], ['priority' => 3, 'limit' => 3]], $this->queries);
	}

	public function testAListFullOfCriticalItemsReadsNoHighOnes(): void {
		self::assertSame([1, 2, 3], $this->openUrgent([[1, 2, 3], [4]], 3));
		self::assertSame([['priority' => 4, 'limit' => 3]], $this->queries);
	}

	public function testWithoutCriticalItemsTheHighOnesTakeTheWholeList(): void {
		self::assertSame([8, 6], $this->openUrgent([[], [8, 6]], 50));
		self::assertSame([['priority' => 4, 'limit' => 50], ['priority' => 3, 'limit' => 50]], $this->queries);
	}
}
