<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Service;

use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Service\CatalogueService;
use OCA\PilotFeedback\Service\CoordinationService;
use OCA\PilotFeedback\Service\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IGroupManager;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/** Releasing an organisation's feedback for a period: coordinators only, once. */
final class CoordinationServiceTest extends TestCase {
	private ReleaseMapper&MockObject $releases;
	private CoordinationService $service;

	protected function setUp(): void {
		$this->releases = $this->createMock(ReleaseMapper::class);
		$period = new Period();
		$period->setId(5);
		$period->setMonth('2026-11');
		$period->setStatus('open');
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('get')->with(5)->willReturn($period);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_800_000_000);
		$this->service = new CoordinationService(
			new Policy(),
			$this->createMock(CatalogueService::class),
			$this->createMock(OrganisationMapper::class),
			$periods,
			$this->createMock(AssessmentMapper::class),
			$this->releases,
			$this->createMock(LinkMapper::class),
			$this->createMock(IGroupManager::class),
			$time,
			$this->createMock(IEventDispatcher::class),
		);
	}

	public function testTheCoordinatorReleasesTheOrganisationsFeedbackForThePeriod(): void {
		$this->releases->method('find')->willReturn(null);
		$this->releases->expects(self::once())->method('insert')->willReturnArgument(0);
		$release = $this->service->release(new Actor('rki-coord', false, false, [], [1]), 1, '5');
		self::assertSame(['organisationId' => 1, 'periodId' => 5, 'userId' => 'rki-coord', 'releasedAt' => 1_800_000_000], $release->jsonSerialize());
	}

	public function testATesterCannotRelease(): void {
		$this->releases->expects(self::never())->method('insert');
		$this->expectException(ForbiddenException::class);
		$this->service->release(new Actor('rki-tester1', false, false, [1]), 1, 5);
	}

	public function testTheCoordinatorOfAnotherOrganisationCannotRelease(): void {
		$this->releases->expects(self::never())->method('insert');
		$this->expectException(ForbiddenException::class);
		$this->service->release(new Actor('bsh-coord', false, false, [], [2]), 1, 5);
	}

	public function testAConsolidatorCannotReleaseForAnOrganisation(): void {
		$this->releases->expects(self::never())->method('insert');
		$this->expectException(ForbiddenException::class);
		$this->service->release(new Actor('bmi', false, true), 1, 5);
	}

	public function testAPeriodIsReleasedOnce(): void {
		$this->releases->method('find')->with(1, 5)->willReturn(new Release());
		$this->releases->expects(self::never())->method('insert');
		$this->expectException(ConflictException::class);
		$this->service->release(new Actor('rki-coord', false, false, [], [1]), 1, 5);
	}

	public function testTheReleaseNamesItsPeriod(): void {
		$this->releases->expects(self::never())->method('insert');
		$this->expectException(ValidationException::class);
		$this->service->release(new Actor('rki-coord', false, false, [], [1]), 1, null);
	}
}
