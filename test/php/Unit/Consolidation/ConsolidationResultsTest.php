<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationDimensions;
use OCA\PilotFeedback\Consolidation\ConsolidationResults;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * Rating results of pilot 9 in 2026-02: components 10 and 11, criteria 20 and 21; the
 * organisations 1 and 2 take part. Component 10 is rated by both organisations, 11 by nobody;
 * criterion 22 was rated and is archived since.
 */
final class ConsolidationResultsTest extends TestCase {
	private ConsolidationMapper&MockObject $mapper;
	private ConsolidationResults $results;

	protected function setUp(): void {
		$this->mapper = $this->createMock(ConsolidationMapper::class);
		$this->mapper->method('ratingStats')->willReturnCallback(static fn (ConsolidationScope $scope, ?array $organisationIds, bool $overall, bool $byOrganisation): array => $overall
			? [self::row(10, null, 1, [0, 0, 1, 1, 0], 1), self::row(10, null, 2, [0, 0, 0, 0, 1], 0)]
			: [self::row(10, 20, 1, [1, 0, 0, 1, 0], 0), self::row(10, 20, 2, [0, 1, 0, 0, 0], 1), self::row(10, 22, 2, [0, 0, 1, 0, 0], 0)]);
		$dimensions = $this->createMock(ConsolidationDimensions::class);
		$dimensions->method('of')->willReturn([[10, 11], [20, 21]]);
		$this->results = new ConsolidationResults(new Policy(), $this->mapper, $dimensions);
	}

	public function testTheFigureAcrossAllOrganisationsIsTheSumOfTheirGroups(): void {
		$results = $this->results->results(new Actor('bmi', false, true), self::scope(null));
		self::assertSame(9, $results['pilotId']);
		self::assertSame(['from' => '2026-02', 'to' => '2026-02', 'months' => ['2026-02']], $results['range']);
		self::assertFalse($results['releasedOnly']);
		$component = $results['components'][0];
		self::assertSame(10, $component['componentId']);
		// Scores 3, 4 (organisation 1) and 5 (organisation 2), one "not assessed".
		self::assertSame(4, $component['assessments']);
		self::assertSame(['mean' => 4.0, 'n' => 3, 'sum' => 12, 'distribution' => [0, 0, 1, 1, 1], 'notAssessed' => 1], $component['overall']);
		// Criterion 20: scores 1, 4 and 2.
		self::assertSame(['criterionId' => 20, 'mean' => 2.33, 'n' => 3, 'sum' => 7, 'distribution' => [1, 1, 0, 1, 0], 'notAssessed' => 1], $component['criteria'][0]);
	}

	public function testEveryComponentAndCriterionHasAFigureAndAnArchivedRatedCriterionComesLast(): void {
		$results = $this->results->results(new Actor('bmi', false, true), self::scope(null));
		self::assertSame([20, 21, 22], array_column($results['components'][0]['criteria'], 'criterionId'));
		self::assertSame(['criterionId' => 21, 'mean' => null, 'n' => 0, 'sum' => 0, 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 0], $results['components'][0]['criteria'][1]);
		$unrated = $results['components'][1];
		self::assertSame(11, $unrated['componentId']);
		self::assertSame(0, $unrated['assessments']);
		self::assertNull($unrated['overall']['mean']);
		self::assertSame([20, 21], array_column($unrated['criteria'], 'criterionId'));
	}

	public function testAConsolidatorSeesEveryOrganisationsBreakdown(): void {
		$results = $this->results->results(new Actor('bmi', false, true), self::scope(null));
		self::assertSame([1, 2], array_column($results['organisations'], 'organisationId'));
		$first = $results['organisations'][0]['components'][0];
		self::assertSame(['mean' => 3.5, 'n' => 2, 'sum' => 7, 'distribution' => [0, 0, 1, 1, 0], 'notAssessed' => 1], $first['overall']);
		self::assertSame([20, 21], array_column($first['criteria'], 'criterionId'));
	}

	public function testACoordinatorSeesTheFigureAcrossAllAndOnlyTheirOwnBreakdown(): void {
		$results = $this->results->results(new Actor('rki-coord', false, false, [1], [1]), self::scope(null));
		self::assertSame(3, $results['components'][0]['overall']['n']);
		self::assertSame([1], array_column($results['organisations'], 'organisationId'));
	}

	public function testACoordinatorAskingForAnotherOrganisationIsRefused(): void {
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('You may see the breakdown of the organisations you coordinate only, beside the figure across all organisations.');
		$this->results->results(new Actor('rki-coord', false, false, [1], [1]), self::scope(2));
	}

	public function testTheRatingsAreReadOnceGroupedByOrganisation(): void {
		$calls = [];
		$this->mapper = $this->createMock(ConsolidationMapper::class);
		$this->mapper->method('ratingStats')->willReturnCallback(static function (ConsolidationScope $scope, ?array $organisationIds, bool $overall, bool $byOrganisation) use (&$calls): array {
			$calls[] = [$scope, $organisationIds, $overall, $byOrganisation];
			return [];
		});
		$dimensions = $this->createMock(ConsolidationDimensions::class);
		$dimensions->method('of')->willReturn([[10], [20]]);
		$scope = self::scope(1, true);
		$results = (new ConsolidationResults(new Policy(), $this->mapper, $dimensions))->results(new Actor('bmi', false, true), $scope);
		// the scope itself: the mapper counts the organisations taking part that it lists
		self::assertSame([[$scope, null, true, true], [$scope, null, false, true]], $calls);
		self::assertTrue($results['releasedOnly']);
		self::assertSame([1], array_column($results['organisations'], 'organisationId'));
	}

	private static function scope(?int $organisationId, bool $releasedOnly = false): ConsolidationScope {
		return new ConsolidationScope(9, MonthRange::between('2026-02', '2026-02'), $releasedOnly, $organisationId, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between('2026-02', '2026-02')));
	}

	/**
	 * @param list<int> $distribution
	 * @return array{componentId: int, criterionId: ?int, organisationId: ?int, total: int, n: int, sum: int, distribution: list<int>, notAssessed: int}
	 */
	private static function row(int $componentId, ?int $criterionId, int $organisationId, array $distribution, int $notAssessed): array {
		$n = array_sum($distribution);
		$sum = 0;
		foreach ($distribution as $index => $count) {
			$sum += ($index + 1) * $count;
		}
		return ['componentId' => $componentId, 'criterionId' => $criterionId, 'organisationId' => $organisationId, 'total' => $n + $notAssessed, 'n' => $n, 'sum' => $sum, 'distribution' => $distribution, 'notAssessed' => $notAssessed];
	}
}
