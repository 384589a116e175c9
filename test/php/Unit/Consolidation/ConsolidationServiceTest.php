<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationParticipation;
use OCA\PilotFeedback\Consolidation\ConsolidationResults;
use OCA\PilotFeedback\Consolidation\ConsolidationScopeResolver;
use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ConsolidationTrend;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\TestCase;

/** The one door to the consolidated figures hands each question to the part that answers it. */
final class ConsolidationServiceTest extends TestCase {
	public function testEachFigureComesFromItsPart(): void {
		$actor = new Actor('bmi', false, true);
		$scope = new ConsolidationScope(9, MonthRange::between('2026-01', '2026-01'), true, 2, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between('2026-01', '2026-01')));
		$range = ['from' => '2026-01', 'to' => '2026-01', 'months' => ['2026-01']];
		$scopes = $this->createMock(ConsolidationScopeResolver::class);
		$scopes->expects(self::once())->method('resolve')->with($actor, '9', '2026-01', null, null, null, 'true', '2')->willReturn($scope);
		$results = $this->createMock(ConsolidationResults::class);
		$resultsAnswer = ['pilotId' => 9, 'range' => $range, 'releasedOnly' => true, 'components' => [], 'organisations' => []];
		$results->expects(self::once())->method('results')->with($actor, $scope)->willReturn($resultsAnswer);
		$trend = $this->createMock(ConsolidationTrend::class);
		$trendAnswer = ['pilotId' => 9, 'range' => $range, 'releasedOnly' => true, 'organisationId' => 2, 'lowRatingThreshold' => 3, 'series' => []];
		$trend->expects(self::once())->method('trend')->with($actor, $scope)->willReturn($trendAnswer);
		$participation = $this->createMock(ConsolidationParticipation::class);
		$participationAnswer = ['pilotId' => 9, 'range' => $range, 'releasedOnly' => true, 'componentsInPilot' => 0, 'rows' => []];
		$participation->expects(self::once())->method('participation')->with($actor, $scope)->willReturn($participationAnswer);

		$service = new ConsolidationService($scopes, $results, $trend, $participation);
		self::assertSame($scope, $service->scope($actor, '9', '2026-01', null, null, null, 'true', '2'));
		self::assertSame($resultsAnswer, $service->results($actor, $scope));
		self::assertSame($trendAnswer, $service->trend($actor, $scope));
		self::assertSame($participationAnswer, $service->participation($actor, $scope));
	}
}
