<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationDimensions;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\TestCase;

/** What the figures of pilot 9 are broken down by: its components and the criteria, not archived, in catalogue order. */
final class ConsolidationDimensionsTest extends TestCase {
	public function testThePilotsActiveComponentsAndTheActiveCriteriaInCatalogueOrder(): void {
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->with(Link::PilotComponents, [9])->willReturn([9 => ['12', '10', '11']]);
		$components = $this->createMock(ComponentMapper::class);
		// Component 11 is archived; the mapper answers in catalogue order.
		$components->expects(self::once())->method('findByIds')->with([12, 10, 11], false)->willReturn([self::entity(new Component(), 10), self::entity(new Component(), 12)]);
		$criteria = $this->createMock(CriterionMapper::class);
		$criteria->expects(self::once())->method('findAll')->with(false)->willReturn([self::entity(new Criterion(), 21), self::entity(new Criterion(), 20)]);
		$dimensions = new ConsolidationDimensions($links, $components, $criteria);
		self::assertSame([[10, 12], [21, 20]], $dimensions->of(self::scope()));
	}

	public function testAPilotWithoutComponents(): void {
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturn([]);
		$components = $this->createMock(ComponentMapper::class);
		$components->method('findByIds')->with([], false)->willReturn([]);
		$criteria = $this->createMock(CriterionMapper::class);
		$criteria->method('findAll')->willReturn([self::entity(new Criterion(), 20)]);
		self::assertSame([[], [20]], (new ConsolidationDimensions($links, $components, $criteria))->of(self::scope()));
	}

	/**
	 * @template T of Component|Criterion
	 * @param T $entity
	 * @return T
	 */
	private static function entity(Component|Criterion $entity, int $id): Component|Criterion {
		$entity->setId($id);
		return $entity;
	}

	private static function scope(): ConsolidationScope {
		return new ConsolidationScope(9, MonthRange::between('2026-01', '2026-01'), false, null, [1], [1], ScopePeriods::of(MonthRange::between('2026-01', '2026-01')));
	}
}
