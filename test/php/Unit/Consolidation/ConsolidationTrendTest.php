<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationDimensions;
use OCA\PilotFeedback\Consolidation\ConsolidationTrend;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Settings\SettingsService;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The trend of pilot 9 from 2026-01 to 2026-03: component 10, criterion 20; organisations 1
 * and 2 take part; the administrator flags months with fewer than 3 ratings.
 */
final class ConsolidationTrendTest extends TestCase {
	private ConsolidationMapper&MockObject $mapper;
	/** @var list<array{0: list<int>|null, 1: bool}> organisation ids and "overall" of each monthlyScores call */
	private array $calls = [];
	private ConsolidationTrend $trend;

	protected function setUp(): void {
		$this->mapper = $this->createMock(ConsolidationMapper::class);
		$this->mapper->method('monthlyScores')->willReturnCallback(function (ConsolidationScope $scope, ?array $organisationIds, bool $overall): array {
			$this->calls[] = [$organisationIds, $overall];
			return $overall
				? [['componentId' => 10, 'criterionId' => null, 'month' => '2026-01', 'n' => 3, 'sum' => 10], ['componentId' => 10, 'criterionId' => null, 'month' => '2026-03', 'n' => 2, 'sum' => 9]]
				: [['componentId' => 10, 'criterionId' => 20, 'month' => '2026-02', 'n' => 4, 'sum' => 13]];
		});
		$dimensions = $this->createMock(ConsolidationDimensions::class);
		$dimensions->method('of')->willReturn([[10], [20]]);
		$settings = $this->createMock(SettingsService::class);
		$settings->method('lowRatingThreshold')->willReturn(3);
		$this->trend = new ConsolidationTrend(new Policy(), $this->mapper, $dimensions, $settings);
	}

	public function testOneSeriesPerComponentOverallAndPerCriterionWithAPointEveryMonth(): void {
		$trend = $this->trend->trend(new Actor('bmi', false, true), self::scope(null));
		self::assertSame(9, $trend['pilotId']);
		self::assertSame(['from' => '2026-01', 'to' => '2026-03', 'months' => ['2026-01', '2026-02', '2026-03']], $trend['range']);
		self::assertNull($trend['organisationId']);
		self::assertSame(3, $trend['lowRatingThreshold']);
		self::assertSame([
			['componentId' => 10, 'criterionId' => null, 'points' => [
				['month' => '2026-01', 'mean' => 3.33, 'n' => 3, 'lowN' => false],
				['month' => '2026-02', 'mean' => null, 'n' => 0, 'lowN' => true],
				['month' => '2026-03', 'mean' => 4.5, 'n' => 2, 'lowN' => true],
			]],
			['componentId' => 10, 'criterionId' => 20, 'points' => [
				['month' => '2026-01', 'mean' => null, 'n' => 0, 'lowN' => true],
				['month' => '2026-02', 'mean' => 3.25, 'n' => 4, 'lowN' => false],
				['month' => '2026-03', 'mean' => null, 'n' => 0, 'lowN' => true],
			]],
		], $trend['series']);
	}

	public function testWithoutAnOrganisationTheTrendIsAcrossAllOfThemAlsoForACoordinator(): void {
		$this->trend->trend(new Actor('rki-coord', false, false, [1], [1]), self::scope(null));
		self::assertSame([[null, true], [null, false]], $this->calls);
	}

	public function testTheTrendOfOneOrganisation(): void {
		$trend = $this->trend->trend(new Actor('rki-coord', false, false, [1], [1]), self::scope(1));
		self::assertSame(1, $trend['organisationId']);
		self::assertSame([[[1], true], [[1], false]], $this->calls);
	}

	public function testACoordinatorAskingForAnotherOrganisationsTrendIsRefused(): void {
		$this->expectException(ForbiddenException::class);
		$this->trend->trend(new Actor('rki-coord', false, false, [1], [1]), self::scope(2));
	}

	public function testATesterSeesNoTrend(): void {
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('Only consolidators and the coordinators of an organisation see consolidated results.');
		$this->trend->trend(new Actor('rki-tester1', false, false, [1]), self::scope(1));
	}

	private static function scope(?int $organisationId): ConsolidationScope {
		return new ConsolidationScope(9, MonthRange::between('2026-01', '2026-03'), false, $organisationId, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between('2026-01', '2026-03')));
	}
}
