<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ReleaseService;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * Releasing an organisation's feedback for a period: coordinators only, once; reopening it:
 * its coordinators only, recorded in the release log. Both lock the organisation first and
 * then recompute its released quarter totals, in the same transaction. rki-coord coordinates
 * organisation 1.
 */
final class ReleaseServiceTest extends TestCase {
	private ReleaseMapper&MockObject $releases;
	private ReleaseLogMapper&MockObject $releaseLog;
	private OrganisationMapper&MockObject $organisations;
	private MonthlyTotals&MockObject $totals;
	/** @var list<string> the writes in the order they ran */
	private array $steps = [];
	private ReleaseService $service;

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
		$this->releaseLog = $this->createMock(ReleaseLogMapper::class);
		$this->organisations = $this->createMock(OrganisationMapper::class);
		$this->organisations->method('lock')->willReturnCallback(function (int $orgId): void {
			$this->steps[] = 'lock ' . $orgId;
		});
		$this->totals = $this->createMock(MonthlyTotals::class);
		$this->totals->method('releaseChanged')->willReturnCallback(function (int $orgId, int $periodId): void {
			$this->steps[] = 'released quarter ' . $orgId . '/' . $periodId;
		});
		$this->service = new ReleaseService(
			new Policy(),
			$this->organisations,
			$periods,
			$this->releases,
			$this->releaseLog,
			new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class)),
			$this->totals,
			$time,
			$this->createMock(IEventDispatcher::class),
		);
	}

	public function testTheCoordinatorReleasesTheOrganisationsFeedbackForThePeriod(): void {
		$this->releases->method('find')->willReturn(null);
		$this->releases->expects(self::once())->method('insert')->willReturnCallback(function (Release $release): Release {
			$this->steps[] = 'insert';
			return $release;
		});
		$this->releaseLog->expects(self::once())->method('add')->with(1, 5, ReleaseLogMapper::RELEASED, 'rki-coord', 1_800_000_000);
		$release = $this->service->release(new Actor('rki-coord', false, false, [], [1]), 1, '5');
		self::assertSame(['organisationId' => 1, 'periodId' => 5, 'userId' => 'rki-coord', 'releasedAt' => 1_800_000_000], $release->jsonSerialize());
		self::assertSame(['lock 1', 'insert', 'released quarter 1/5'], $this->steps);
	}

	public function testATesterCannotRelease(): void {
		$this->releases->expects(self::never())->method('insert');
		$this->totals->expects(self::never())->method('releaseChanged');
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

	public function testTheCoordinatorReopensAReleaseAndTheLogKeepsWhoAndWhen(): void {
		$release = new Release();
		$this->releases->method('find')->with(1, 5)->willReturn($release);
		$this->releases->expects(self::once())->method('delete')->with($release)->willReturnCallback(function (Release $release): Release {
			$this->steps[] = 'delete';
			return $release;
		});
		$this->releaseLog->expects(self::once())->method('add')->with(1, 5, ReleaseLogMapper::REOPENED, 'rki-coord', 1_800_000_000);
		$this->service->reopen(new Actor('rki-coord', false, false, [], [1]), 1, 5);
		self::assertSame(['lock 1', 'delete', 'released quarter 1/5'], $this->steps);
	}

	public function testATesterCannotReopen(): void {
		$this->releases->expects(self::never())->method('delete');
		$this->totals->expects(self::never())->method('releaseChanged');
		$this->releaseLog->expects(self::never())->method('add');
		$this->expectException(ForbiddenException::class);
		$this->service->reopen(new Actor('rki-tester1', false, false, [1]), 1, 5);
	}

	public function testTheCoordinatorOfAnotherOrganisationCannotReopen(): void {
		$this->releases->expects(self::never())->method('delete');
		$this->expectException(ForbiddenException::class);
		$this->service->reopen(new Actor('bsh-coord', false, false, [], [2]), 1, 5);
	}

	public function testAConsolidatorCannotReopen(): void {
		$this->releases->expects(self::never())->method('delete');
		$this->expectException(ForbiddenException::class);
		$this->service->reopen(new Actor('bmi', false, true), 1, 5);
	}

	public function testOnlyAReleasedPeriodCanBeReopened(): void {
		$this->releases->method('find')->willReturn(null);
		$this->releases->expects(self::never())->method('delete');
		$this->releaseLog->expects(self::never())->method('add');
		$this->totals->expects(self::never())->method('releaseChanged');
		$this->expectException(ConflictException::class);
		$this->service->reopen(new Actor('rki-coord', false, false, [], [1]), 1, 5);
	}
}
