<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Consolidation\OrganisationMembers;
use OCA\PilotFeedback\Consolidation\ProgressService;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Rating\RatingScope;
use OCP\IGroupManager;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * An organisation's progress in a period: who of its testers rated what, and its release with
 * the release log. Organisation 1 has the group "rki" (rki-coord, rki-tester1, rki-tester2);
 * rki-coord coordinates it; its active pilots hold components 100 and 101.
 */
final class ProgressServiceTest extends TestCase {
	private ReleaseMapper&MockObject $releases;
	private ReleaseLogMapper&MockObject $releaseLog;
	private AssessmentMapper&MockObject $assessments;
	private ProgressService $service;

	protected function setUp(): void {
		$this->releases = $this->createMock(ReleaseMapper::class);
		$period = new Period();
		$period->setId(5);
		$period->setMonth('2026-11');
		$period->setStatus('open');
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('get')->with(5)->willReturn($period);
		$this->releaseLog = $this->createMock(ReleaseLogMapper::class);
		$this->assessments = $this->createMock(AssessmentMapper::class);
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => match ($link) {
			Link::OrganisationGroups => [1 => ['rki']],
			Link::OrganisationCoordinators => [1 => ['rki-coord']],
			// component 101 is in both active pilots of the organisation
			Link::PilotComponents => [10 => [100, 101], 11 => [101]],
			default => [],
		});
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('displayNamesInGroup')->willReturn(['rki-tester2' => 'RKI Tester 2', 'rki-coord' => 'RKI Coordinator', 'rki-tester1' => 'RKI Tester 1']);
		$names = $this->createMock(UserNames::class);
		$names->method('name')->willReturnCallback(static fn (string $uid): string => $uid === 'gone' ? 'deleted user #7' : strtoupper($uid));
		$pilotScope = $this->createMock(PilotScope::class);
		$pilotScope->method('visiblePilots')->willReturn(array_map(static function (int $id): Pilot {
			$pilot = new Pilot();
			$pilot->setId($id);
			return $pilot;
		}, [10, 11]));
		$pilotScope->method('componentsOf')->willReturn(array_map(static function (int $id): Component {
			$component = new Component();
			$component->setId($id);
			return $component;
		}, [100, 101]));
		$this->service = new ProgressService(
			new Policy(),
			$this->createMock(OrganisationMapper::class),
			$periods,
			$this->assessments,
			$this->releases,
			$this->releaseLog,
			new OrganisationMembers($links, $groups, $names),
			new RatingScope(new Policy(), $pilotScope, $this->createMock(ComponentMapper::class), $this->createMock(PilotMapper::class), $links, $this->releases),
		);
	}

	public function testTheCoordinatorIsNoTesterUnlessTheyRated(): void {
		$this->assessments->method('ratedComponentsByUser')->willReturn(['rki-tester1' => ['10:100']]);
		$progress = $this->service->progress(new Actor('rki-coord', false, false, [], [1]), 1, 5);
		self::assertSame(['rki-tester1', 'rki-tester2'], array_column($progress['members'], 'userId'));
	}

	public function testACoordinatorWhoRatedIsListed(): void {
		$this->assessments->method('ratedComponentsByUser')->willReturn(['rki-coord' => ['10:100']]);
		$progress = $this->service->progress(new Actor('rki-coord', false, false, [], [1]), 1, 5);
		self::assertSame(['rki-coord', 'rki-tester1', 'rki-tester2'], array_column($progress['members'], 'userId'));
	}

	public function testTheProgressCarriesTheReleaseHistoryWithDisplayNames(): void {
		$this->releaseLog->method('find')->willReturn([
			['action' => 'released', 'userId' => 'rki-coord', 'at' => 10],
			['action' => 'reopened', 'userId' => 'rki-coord', 'at' => 20],
		]);
		$progress = $this->service->progress(new Actor('bmi', false, true), 1, 5);
		self::assertSame([
			['action' => 'released', 'userId' => 'rki-coord', 'displayName' => 'RKI-COORD', 'at' => 10],
			['action' => 'reopened', 'userId' => 'rki-coord', 'displayName' => 'RKI-COORD', 'at' => 20],
		], $progress['history']);
	}

	public function testTheProgressListsTheMembersByUserIdWithWhatTheyRatedAndTheComponentsToRate(): void {
		// rki-tester1 rated 101 in one of its two pilots only; rki-tester2 in both
		$this->assessments->method('ratedComponentsByUser')->with(1, 5)->willReturn(['rki-tester1' => ['10:101'], 'rki-tester2' => ['10:101', '11:101']]);
		$progress = $this->service->progress(new Actor('bmi', false, true), 1, 5);
		self::assertSame([100, 101], $progress['componentIds']);
		self::assertSame([
			['userId' => 'rki-tester1', 'displayName' => 'RKI Tester 1', 'ratedComponentIds' => []],
			['userId' => 'rki-tester2', 'displayName' => 'RKI Tester 2', 'ratedComponentIds' => [101]],
		], $progress['members']);
		self::assertNull($progress['release']);
	}

	public function testTheReleaseLogNamesAGoneAccountByItsPseudonymNeverByItsUserId(): void {
		$this->releases->method('find')->willReturn(new Release());
		$this->releaseLog->method('find')->willReturn([['action' => 'released', 'userId' => 'gone', 'at' => 10]]);
		$progress = $this->service->progress(new Actor('rki-coord', false, false, [], [1]), 1, 5);
		self::assertSame([['action' => 'released', 'userId' => 'gone', 'displayName' => 'deleted user #7', 'at' => 10]], $progress['history']);
		self::assertNotNull($progress['release']);
	}

	public function testATesterDoesNotSeeTheProgress(): void {
		$this->expectException(ForbiddenException::class);
		$this->service->progress(new Actor('rki-tester1', false, false, [1]), 1, 5);
	}
}
