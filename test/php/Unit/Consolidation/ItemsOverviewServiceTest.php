<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The items overview reads the counts once, grouped by organisation, and derives from them
 * both the counts over all organisations and the breakdown of those the viewer may see; for
 * the breakdown of one organisation it reads the counts across all and that organisation's apart;
 * without a breakdown, only the counts across all.
 * Pilot 7 has organisations 1 and 2; organisation 3 filed items in it too (say it left).
 */
final class ItemsOverviewServiceTest extends TestCase {
	private ItemsOverviewMapper&MockObject $mapper;
	private ItemsOverviewService $service;

	protected function setUp(): void {
		$this->mapper = $this->createMock(ItemsOverviewMapper::class);
		$this->mapper->method('perMonth')->willReturn(['filed' => [], 'closed' => []]);
		$this->mapper->method('ranking')->willReturn([]);
		$this->mapper->method('openUrgent')->willReturn([]);
		$this->service = new ItemsOverviewService(new Policy(), $this->mapper);
	}

	/** @return array{organisationId: int, componentId: int, type: string, priority: int, status: string, count: int} */
	private static function row(int $org, int $component, string $type, int $priority, string $status, int $count): array {
		return ['organisationId' => $org, 'componentId' => $component, 'type' => $type, 'priority' => $priority, 'status' => $status, 'count' => $count];
	}

	private function scope(?int $organisationId = null): ConsolidationScope {
		return new ConsolidationScope(7, MonthRange::between('2026-07', '2026-09'), false, $organisationId, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between('2026-07', '2026-09')));
	}

	public function testSumsOrganisationsIntoTheTotalsInTheOrderOfTheGroupKeys(): void {
		$this->mapper->expects($this->once())->method('counts')
			->with($this->anything(), 7, MonthRange::startOf('2026-07'), MonthRange::endOf('2026-09'), null, true)
			->willReturn([
				self::row(2, 5, 'defect', 3, 'new', 4),
				self::row(1, 5, 'defect', 3, 'new', 2),
				self::row(3, 5, 'defect', 3, 'new', 1),
				self::row(1, 4, 'requirement', 1, 'done', 6),
				self::row(2, 5, 'defect', 2, 'new', 5),
			]);

		$overview = $this->service->overview(new Actor('bmi', false, true), $this->scope());

		$this->assertSame([
			['componentId' => 4, 'type' => 'requirement', 'priority' => 'low', 'status' => 'done', 'count' => 6],
			['componentId' => 5, 'type' => 'defect', 'priority' => 'medium', 'status' => 'new', 'count' => 5],
			['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 7],
		], $overview['counts']);
		$this->assertSame([
			['organisationId' => 1, 'counts' => [
				['componentId' => 4, 'type' => 'requirement', 'priority' => 'low', 'status' => 'done', 'count' => 6],
				['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 2],
			]],
			['organisationId' => 2, 'counts' => [
				['componentId' => 5, 'type' => 'defect', 'priority' => 'medium', 'status' => 'new', 'count' => 5],
				['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 4],
			]],
		], $overview['organisations']);
		$this->assertSame([1, 2], $overview['organisationIds']);
	}

	public function testWithoutTheBreakdownReadsOnlyTheCountsAcrossAllAndListsWhichMayBeAskedFor(): void {
		// one query per overview (two overviews below), never grouped by organisation
		$this->mapper->expects($this->exactly(2))->method('counts')
			->with($this->anything(), 7, MonthRange::startOf('2026-07'), MonthRange::endOf('2026-09'), null, false)
			->willReturn([
				['organisationId' => null, 'componentId' => 5, 'type' => 'defect', 'priority' => 3, 'status' => 'new', 'count' => 6],
				['organisationId' => null, 'componentId' => 4, 'type' => 'defect', 'priority' => 3, 'status' => 'new', 'count' => 1],
			]);

		$overview = $this->service->overview(new Actor('rki-coord', false, false, [1], [1]), $this->scope(), false);

		$this->assertSame([
			['componentId' => 4, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 1],
			['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 6],
		], $overview['counts']);
		$this->assertArrayNotHasKey('organisations', $overview);
		// a coordinator may ask for the breakdown of their organisation only, a consolidator for each
		$this->assertSame([1], $overview['organisationIds']);
		$this->assertSame([1, 2], $this->service->overview(new Actor('bmi', false, true), $this->scope(), false)['organisationIds']);
	}

	public function testACoordinatorSeesTheTotalsButOnlyTheBreakdownOfTheirOrganisation(): void {
		// one organisation's breakdown: the totals across all, then that organisation's counts
		$this->mapper->expects($this->exactly(2))->method('counts')
			->willReturnCallback(static fn (Actor $actor, int $pilotId, int $start, int $end, ?array $organisationIds, bool $byOrganisation): array => match (true) {
				$organisationIds === null && !$byOrganisation => [
					['organisationId' => null, 'componentId' => 5, 'type' => 'defect', 'priority' => 3, 'status' => 'new', 'count' => 6],
					['organisationId' => null, 'componentId' => 4, 'type' => 'defect', 'priority' => 3, 'status' => 'new', 'count' => 1],
				],
				$organisationIds === [1] && $byOrganisation => [self::row(1, 5, 'defect', 3, 'new', 2)],
				default => throw new \LogicException('unexpected counts query'),
			});

		$overview = $this->service->overview(new Actor('rki-coord', false, false, [1], [1]), $this->scope());

		$this->assertSame([
			['componentId' => 4, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 1],
			['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 6],
		], $overview['counts']);
		$this->assertSame([1], array_column($overview['organisations'] ?? [], 'organisationId'));
		$this->assertSame([1], $overview['organisationIds']);
		$this->assertSame([['componentId' => 5, 'type' => 'defect', 'priority' => 'high', 'status' => 'new', 'count' => 2]], $overview['organisations'][0]['counts'] ?? null);
	}

	public function testOneOrganisationAskedForStillListsEveryOrganisationThatMayBeAskedFor(): void {
		$this->mapper->method('counts')->willReturn([]);

		$overview = $this->service->overview(new Actor('bmi', false, true), $this->scope(2));

		$this->assertSame([['organisationId' => 2, 'counts' => []]], $overview['organisations'] ?? null);
		$this->assertSame([1, 2], $overview['organisationIds']);
	}

	public function testAnOrganisationWithoutItemsHasAnEmptyBreakdown(): void {
		$this->mapper->method('counts')->willReturn([self::row(2, 5, 'defect', 3, 'new', 4)]);

		$overview = $this->service->overview(new Actor('bmi', false, true), $this->scope());

		$this->assertSame(['organisationId' => 1, 'counts' => []], $overview['organisations'][0] ?? null);
		$this->assertSame(4, $overview['counts'][0]['count']);
	}
}
