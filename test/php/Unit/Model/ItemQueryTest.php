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
		self::assertNull($query->type);
		self::assertNull($query->componentId);
		self::assertNull($query->priority);
		self::assertNull($query->status);
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
			'mine' => '', 'sort' => '', 'order' => '', 'page' => '', 'limit' => ''];
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
		self::assertSame('defect', $query->type);
		self::assertSame(7, $query->componentId);
		self::assertSame(Priority::Critical->value, $query->priority);
		self::assertSame('in_review', $query->status);
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
}
