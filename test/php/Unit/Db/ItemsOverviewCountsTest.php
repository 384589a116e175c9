<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemMonthsMapper;
use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCA\PilotFeedback\Model\Actor;
use OCP\DB\IResult;
use OCP\DB\QueryBuilder\IExpressionBuilder;
use OCP\DB\QueryBuilder\IFunctionBuilder;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;

/**
 * The database groups the items by both priorities (the order of the index pf_item_counts);
 * the overview counts them by the priority shown: the consolidated one where set, else the
 * reporter's. Groups that show the same priority become one.
 */
final class ItemsOverviewCountsTest extends TestCase {
	/** @var list<string> the columns the query grouped by */
	private array $groupedBy = [];

	/**
	 * @param list<array<string, int|string|null>> $rows what the database answers
	 * @return list<array{organisationId: ?int, componentId: int, type: string, priority: int, status: string, count: int}>
	 */
	private function counts(array $rows, bool $byOrganisation): array {
		$result = $this->createMock(IResult::class);
		$result->method('fetch')->willReturnOnConsecutiveCalls(...[...$rows, false]);
		$qb = $this->createMock(IQueryBuilder::class);
		foreach (['select', 'addSelect', 'selectAlias', 'from', 'where', 'andWhere'] as $method) {
			$qb->method($method)->willReturnSelf();
		}
		foreach (['groupBy', 'addGroupBy'] as $method) {
			$qb->method($method)->willReturnCallback(function (string ...$columns) use ($qb): IQueryBuilder {
				array_push($this->groupedBy, ...$columns);
				return $qb;
			});
		}
		$qb->method('expr')->willReturn($this->createMock(IExpressionBuilder::class));
		$qb->method('func')->willReturn($this->createMock(IFunctionBuilder::class));
		$qb->method('executeQuery')->willReturn($result);
		$db = $this->createMock(IDBConnection::class);
		$db->method('getQueryBuilder')->willReturn($qb);
		$mapper = new ItemsOverviewMapper($db, $this->createMock(ItemMapper::class), $this->createMock(ItemMonthsMapper::class));
		return $mapper->counts(new Actor('bmi', false, true), 1, 0, 2_000_000_000, null, $byOrganisation);
	}

	/** @return array<string, int|string|null> */
	private static function row(?int $consPriority, int $priority, int $n, string $status = 'new', int $orgId = 1): array {
		return ['component_id' => 4, 'type' => 'defect', 'status' => $status, 'cons_priority' => $consPriority, 'priority' => $priority, 'n' => $n, 'org_id' => $orgId];
	}

	public function testGroupsShowingTheSamePriorityAreCountedAsOne(): void {
		$counts = $this->counts([
			// reporter said high; consolidated high although the reporter said low; consolidated critical
			self::row(null, 3, 2),
			self::row(3, 1, 5),
			self::row(4, 3, 1),
			self::row(null, 3, 7, 'done'),
		], false);
		self::assertSame([
			['organisationId' => null, 'componentId' => 4, 'type' => 'defect', 'priority' => 3, 'status' => 'new', 'count' => 7],
			['organisationId' => null, 'componentId' => 4, 'type' => 'defect', 'priority' => 4, 'status' => 'new', 'count' => 1],
			['organisationId' => null, 'componentId' => 4, 'type' => 'defect', 'priority' => 3, 'status' => 'done', 'count' => 7],
		], $counts);
		self::assertSame(['i.component_id', 'i.type', 'i.status', 'i.cons_priority', 'i.priority'], $this->groupedBy);
	}

	public function testByOrganisationTheOrganisationsStayApart(): void {
		$counts = $this->counts([self::row(null, 2, 1, 'new', 1), self::row(2, 4, 3, 'new', 2), self::row(2, 1, 4, 'new', 1)], true);
		self::assertSame([[1, 2, 5], [2, 2, 3]], array_map(static fn (array $c): array => [$c['organisationId'], $c['priority'], $c['count']], $counts));
		self::assertSame('i.org_id', $this->groupedBy[count($this->groupedBy) - 1]);
	}
}
