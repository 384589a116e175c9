<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Model\Priority;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** The query of GET /items (openapi.json): filters, sorting and page. */
final class ItemQueryTest extends TestCase {
	public function testNoParamsMeansNoFilterNewestFirstFirstPage(): void {
		$query = ItemQuery::fromParams([]);
		self::assertSame([], $query->types);
		self::assertNull($query->componentId);
		self::assertSame([], $query->priorities);
		self::assertSame([], $query->statuses);
		self::assertNull($query->pilotId);
		self::assertNull($query->search);
		self::assertFalse($query->open);
		self::assertNull($query->filed);
		self::assertNull($query->closed);
		self::assertNull($query->organisationId);
		self::assertFalse($query->mine);
		self::assertSame('created_at', $query->sortColumn);
		self::assertFalse($query->ascending);
		self::assertSame(1, $query->page);
		self::assertSame(25, $query->limit);
		self::assertSame(0, $query->offset());
	}

	public function testEmptyAndNullValuesMeanNoFilter(): void {
		$empty = ['type' => '', 'componentId' => '', 'priority' => '', 'status' => '', 'organisationId' => '',
			'mine' => '', 'sort' => '', 'order' => '', 'page' => '', 'limit' => '', 'pilotId' => '', 'q' => '',
			'open' => '', 'filedFrom' => '', 'filedTo' => '', 'closedFrom' => '', 'closedTo' => ''];
		self::assertEquals(ItemQuery::fromParams([]), ItemQuery::fromParams($empty));
		self::assertEquals(ItemQuery::fromParams([]), ItemQuery::fromParams(array_map(static fn () => null, $empty)));
	}

	public function testEveryFilterIsReadAndTyped(): void {
		$query = ItemQuery::fromParams([
			'type' => 'defect',
			'componentId' => '7',
			'priority' => 'critical',
			'status' => 'in_review',
			'organisationId' => 3,
			'mine' => '1',
			'sort' => 'support',
			'order' => 'asc',
			'page' => '3',
			'limit' => '10',
		]);
		self::assertSame(['defect'], $query->types);
		self::assertSame(7, $query->componentId);
		self::assertSame([Priority::Critical->value], $query->priorities);
		self::assertSame(['in_review'], $query->statuses);
		self::assertSame(3, $query->organisationId);
		self::assertTrue($query->mine);
		self::assertSame('support_count', $query->sortColumn);
		self::assertTrue($query->ascending);
		self::assertSame(3, $query->page);
		self::assertSame(10, $query->limit);
		self::assertSame(20, $query->offset());
	}

	/** @return iterable<string, array{string, string}> */
	public static function sortProvider(): iterable {
		yield 'created' => ['created', 'created_at'];
		yield 'updated' => ['updated', 'updated_at'];
		yield 'priority' => ['priority', 'priority'];
		yield 'support' => ['support', 'support_count'];
		yield 'title' => ['title', 'title'];
	}

	#[DataProvider('sortProvider')]
	public function testSortKeysMapToColumns(string $key, string $column): void {
		self::assertSame($column, ItemQuery::fromParams(['sort' => $key])->sortColumn);
	}

	public function testOrderAndMineFlags(): void {
		self::assertFalse(ItemQuery::fromParams(['order' => 'desc'])->ascending);
		self::assertTrue(ItemQuery::fromParams(['order' => 'asc'])->ascending);
		self::assertFalse(ItemQuery::fromParams(['mine' => '0'])->mine);
		self::assertFalse(ItemQuery::fromParams(['mine' => 'false'])->mine);
		self::assertTrue(ItemQuery::fromParams(['mine' => 'true'])->mine);
	}

	public function testLimitBounds(): void {
		self::assertSame(1, ItemQuery::fromParams(['limit' => '1'])->limit);
		self::assertSame(100, ItemQuery::fromParams(['limit' => 100])->limit);
		self::assertSame(200, ItemQuery::fromParams(['page' => 5, 'limit' => 50])->offset());
	}

	/** @return iterable<string, array{array<string, mixed>, string}> */
	public static function refusedProvider(): iterable {
		yield 'unknown type' => [['type' => 'bug'], 'Type'];
		yield 'unknown type in a list' => [['type' => 'defect,bug'], 'Type'];
		yield 'empty entry in a list' => [['type' => 'defect,'], 'Type'];
		yield 'unknown priority in a list' => [['priority' => 'critical,urgent'], 'Priority'];
		yield 'unknown status in a list' => [['status' => 'new,open'], 'Status'];
		yield 'pilot word' => [['pilotId' => 'one'], 'Pilot'];
		yield 'open yes' => [['open' => 'yes'], 'Open'];
		yield 'search too long' => [['q' => str_repeat('a', 201)], 'Search text'];
		yield 'search as list' => [['q' => ['a']], 'Search text'];
		yield 'search with a line break' => [['q' => "a\nb"], 'Search text'];
		yield 'filed from a day' => [['filedFrom' => '2026-01-15'], 'Filed from'];
		yield 'filed to month 13' => [['filedTo' => '2026-13'], 'Filed to'];
		yield 'closed from short year' => [['closedFrom' => '26-01'], 'Closed from'];
		yield 'closed to as list' => [['closedTo' => ['2026-01']], 'Closed to'];
		yield 'filed from after to' => [['filedFrom' => '2026-05', 'filedTo' => '2026-01'], 'Filed'];
		yield 'closed from after to' => [['closedFrom' => '2027-01', 'closedTo' => '2026-12'], 'Closed'];
		yield 'type as list' => [['type' => ['defect']], 'Type'];
		yield 'component word' => [['componentId' => 'abc'], 'Component'];
		yield 'component zero' => [['componentId' => '0'], 'Component'];
		yield 'unknown priority' => [['priority' => 'urgent'], 'Priority'];
		yield 'priority as rank' => [['priority' => '4'], 'Priority'];
		yield 'unknown status' => [['status' => 'open'], 'Status'];
		yield 'organisation negative' => [['organisationId' => '-1'], 'Organisation'];
		yield 'mine yes' => [['mine' => 'yes'], 'Mine'];
		yield 'sort by column name' => [['sort' => 'created_at'], 'Sort'];
		yield 'sort injection' => [['sort' => 'title; DROP TABLE x'], 'Sort'];
		yield 'order upper case' => [['order' => 'ASC'], 'Order'];
		yield 'page zero' => [['page' => '0'], 'Page'];
		yield 'page word' => [['page' => 'next'], 'Page'];
		yield 'limit zero' => [['limit' => '0'], 'Limit'];
		yield 'limit above 100' => [['limit' => '101'], 'Limit'];
	}

	/** @param array<string, mixed> $params */
	#[DataProvider('refusedProvider')]
	public function testRefusesInvalidParams(array $params, string $field): void {
		try {
			ItemQuery::fromParams($params);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertSame(400, $e->getStatus());
			self::assertSame($field, $e->getParams()[0]);
			self::assertStringStartsWith($field . ' ', $e->getMessage());
		}
	}

	public function testCommaSeparatedListsAreReadInWorkflowOrderEachOnce(): void {
		$query = ItemQuery::fromParams(['type' => 'security, defect,defect', 'priority' => 'high,critical', 'status' => 'done,new']);
		self::assertSame(['defect', 'security'], $query->types);
		self::assertSame([Priority::High->value, Priority::Critical->value], $query->priorities);
		self::assertSame(['new', 'done'], $query->statuses);
	}

	public function testSearchIsTrimmedAndBlankMeansNone(): void {
		self::assertSame('50% off_', ItemQuery::fromParams(['q' => '  50% off_ '])->search);
		self::assertNull(ItemQuery::fromParams(['q' => '   '])->search);
		self::assertSame(str_repeat('ä', 200), ItemQuery::fromParams(['q' => str_repeat('ä', 200)])->search);
	}

	public function testMonthsBecomeUtcSpansWithInclusiveEnds(): void {
		$query = ItemQuery::fromParams(['filedFrom' => '2026-01', 'filedTo' => '2026-03', 'closedFrom' => '2026-12', 'closedTo' => '2026-12']);
		self::assertSame([gmmktime(0, 0, 0, 1, 1, 2026), gmmktime(0, 0, 0, 4, 1, 2026)], $query->filed);
		self::assertSame([gmmktime(0, 0, 0, 12, 1, 2026), gmmktime(0, 0, 0, 1, 1, 2027)], $query->closed);
	}

	public function testEitherEndOfAMonthRangeMayBeOpen(): void {
		self::assertSame([gmmktime(0, 0, 0, 2, 1, 2026), null], ItemQuery::fromParams(['filedFrom' => '2026-02'])->filed);
		self::assertSame([null, gmmktime(0, 0, 0, 3, 1, 2026)], ItemQuery::fromParams(['closedTo' => '2026-02'])->closed);
		self::assertSame([gmmktime(0, 0, 0, 2, 1, 2026), gmmktime(0, 0, 0, 3, 1, 2026)], ItemQuery::fromParams(['filedFrom' => '2026-02', 'filedTo' => '2026-02'])->filed);
	}

	public function testPilotAndOpen(): void {
		$query = ItemQuery::fromParams(['pilotId' => '4', 'open' => '1']);
		self::assertSame(4, $query->pilotId);
		self::assertTrue($query->open);
		self::assertFalse(ItemQuery::fromParams(['open' => '0'])->open);
	}

	public function testUnknownListValueIsNamedInTheMessage(): void {
		try {
			ItemQuery::fromParams(['priority' => 'critical,urgent']);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertSame('Priority contains "urgent", which is not a known value. Choose one or more of low, medium, high, critical, separated by commas.', $e->getMessage());
		}
	}

	public function testStartAfterEndNamesBothMonths(): void {
		try {
			ItemQuery::fromParams(['filedFrom' => '2026-05', 'filedTo' => '2026-01']);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertSame('Filed range starts in 2026-05, after it ends in 2026-01. Choose a start month on or before the end month.', $e->getMessage());
		}
	}
}
