<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Rating;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Rating\AssessmentPresenter;
use OCA\PilotFeedback\Rating\AssessmentStore;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCA\PilotFeedback\Rating\RatingContribution;
use OCA\PilotFeedback\Rating\RatingSaver;
use OCA\PilotFeedback\Rating\RatingScope;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * Rating rules with mocked mappers: closed periods refuse changes, and a tester rates a
 * component in a pilot only for an organisation that takes part in that active pilot, which
 * must contain it. Organisation 1 takes part in the active pilots 10 "PoC 1" (components 100
 * and 102) and 11 "PoC 3" (component 102) and in the planned pilot 12 (component 100);
 * organisation 2 in the active pilot 20 (component 200). Period 5 is open, period 6 closed.
 */
final class RatingSaverTest extends TestCase {
	private AssessmentMapper&MockObject $assessments;
	private ReleaseMapper&MockObject $releases;
	private ScoreMapper&MockObject $scores;
	private MonthlyTotals&MockObject $totals;
	private OrganisationMapper&MockObject $organisations;
	private RatingSaver $service;

	protected function setUp(): void {
		$this->assessments = $this->createMock(AssessmentMapper::class);
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('get')->willReturnCallback(static function (int $id): Period {
			$period = new Period();
			$period->setId($id);
			$period->setMonth($id === 5 ? '2026-11' : '2026-10');
			$period->setStatus($id === 5 ? 'open' : 'closed');
			return $period;
		});
		$pilots = [];
		foreach ([10 => ['PoC 1', 'active'], 11 => ['PoC 3', 'active'], 12 => ['PoC 4', 'planned'], 20 => ['PoC 2', 'active']] as $id => [$title, $status]) {
			$pilot = new Pilot();
			$pilot->setId($id);
			$pilot->setTitle($title);
			$pilot->setStatus($status);
			$pilots[$id] = $pilot;
		}
		$organisationPilots = [1 => [10, 11, 12], 2 => [20]];
		$links = $this->createMock(LinkMapper::class);
		$links->method('leftsForRights')->willReturnCallback(static fn (Link $link, array $rights): array => match ($rights) {
			[100] => [10, 12],
			[102] => [10, 11],
			[200] => [20],
			default => [],
		});
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => $link === Link::OrganisationPilots ? $organisationPilots : []);
		$pilotScope = $this->createMock(PilotScope::class);
		$pilotScope->method('visiblePilots')->willReturnCallback(static fn (Actor $actor, bool $activeOnly): array => array_values(array_filter(
			$pilots,
			static fn (Pilot $p): bool => $p->getStatus() === 'active' && array_filter($actor->organisationIds(), static fn (int $org): bool => in_array($p->getId(), $organisationPilots[$org] ?? [], true)) !== [],
		)));
		$pilotMapper = $this->createMock(PilotMapper::class);
		$pilotMapper->method('get')->willReturnCallback(static fn (int $id): Pilot => $pilots[$id] ?? throw new NotFoundException('No record with id %1$s exists.', [(string)$id]));
		$components = $this->createMock(ComponentMapper::class);
		$components->method('get')->willReturnCallback(static function (int $id): Component {
			$component = new Component();
			$component->setId($id);
			$component->setName('Component ' . $id);
			return $component;
		});
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_800_000_000);
		$this->releases = $this->createMock(ReleaseMapper::class);
		$this->scores = $this->createMock(ScoreMapper::class);
		$this->totals = $this->createMock(MonthlyTotals::class);
		$this->organisations = $this->createMock(OrganisationMapper::class);
		// an assessment is there to lock when the mapper finds it
		$this->assessments->method('lock')->willReturnCallback(fn (string $userId, int $pilotId, int $componentId, int $periodId): bool => $this->assessments->findOne($userId, $pilotId, $componentId, $periodId) !== null);

		$this->service = new RatingSaver(
			new RatingScope(new Policy(), $pilotScope, $components, $pilotMapper, $links, $this->releases),
			$periods,
			$this->createMock(CriterionMapper::class),
			new AssessmentStore(
				$this->assessments,
				$this->scores,
				$this->releases,
				$this->organisations,
				new TransactionRunner($this->createMock(IDBConnection::class), $this->createMock(LoggerInterface::class)),
				$this->createMock(IEventDispatcher::class),
				new AssessmentPresenter($this->scores),
				$this->totals,
			),
			$time,
		);
	}

	private function expectNoWrite(): void {
		$this->assessments->expects(self::never())->method('insert');
		$this->assessments->expects(self::never())->method('update');
		$this->totals->expects(self::never())->method('record');
	}

	public function testATesterRatesAComponentOfAnActivePilotOfTheirOrganisationInAnOpenPeriod(): void {
		$this->assessments->method('findOne')->willReturn(null);
		$this->assessments->expects(self::once())->method('insert')->willReturnCallback(static function (Assessment $a): Assessment {
			$a->setId(9);
			return $a;
		});
		$saved = $this->service->save(new Actor('bsh-tester1', false, false, [2, 1]), 5, 100, ['overall' => 4, 'comment' => 'Fine']);
		self::assertSame(1, $saved['organisationId'], 'rated for the organisation whose pilot contains the component');
		self::assertSame(10, $saved['pilotId'], 'in its only active pilot: the planned pilot 12 does not count');
		self::assertSame(5, $saved['periodId']);
		self::assertSame(4, $saved['overall']);
	}

	public function testAChangeToAnExistingAssessmentUpdatesIt(): void {
		$existing = new Assessment();
		$existing->setId(9);
		$existing->resetUpdatedFields();
		$this->assessments->method('findOne')->willReturn($existing);
		// The save writes first: an update that finds the row, and no insert.
		$this->assessments->expects(self::once())->method('updateContent')->willReturn(true);
		$this->assessments->expects(self::never())->method('insert');
		// The totals change from what the stored rating gave to what the new one gives.
		$before = new RatingContribution(1, true, 4, []);
		$this->assessments->expects(self::once())->method('lock')->with('rki-tester1', 10, 100, 5)->willReturn(true);
		$this->totals->method('contributionOf')->with('rki-tester1', 10, 100, 5)->willReturn($before);
		$this->totals->expects(self::once())->method('record')->with('rki-tester1', 10, 100, 5, $before, self::callback(
			static fn (RatingContribution $after): bool => $after->orgId === 1 && $after->rated && $after->overall === 2,
		));
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 2]);
	}

	public function testAClosedPeriodRefusesChanges(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('closed');
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 6, 100, ['overall' => 4]);
	}

	public function testATesterOfAnotherOrganisationCannotRateTheComponent(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->service->save(new Actor('bsh-tester1', false, false, [2]), 5, 100, ['overall' => 4]);
	}

	public function testSomeoneWithoutAnOrganisationCannotRate(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('Only testers of an organisation rate components.');
		$this->service->save(new Actor('bmi', false, true), 5, 100, ['overall' => 4]);
	}

	/** The assessment that insert() stores, with the id the database gives it. */
	private function insertSucceeds(): void {
		$this->assessments->method('insert')->willReturnCallback(static function (Assessment $a): Assessment {
			$a->setId(9);
			return $a;
		});
	}

	public function testACommentAloneIsSavedAsADraftThatIsNoRating(): void {
		$this->assessments->method('findOne')->willReturn(null);
		$stored = null;
		$this->assessments->expects(self::once())->method('insert')->willReturnCallback(static function (Assessment $a) use (&$stored): Assessment {
			$a->setId(9);
			$stored = $a;
			return $a;
		});
		$saved = $this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['comment' => 'Only a note', 'scores' => []]);
		self::assertFalse($saved['rated'], 'a comment alone is not a rating');
		self::assertSame('Only a note', $saved['comment'], 'but the comment is kept as a draft');
		self::assertSame(0, $stored?->getRated());
	}

	public function testNotAssessedEverywhereIsNoRatingEither(): void {
		$this->insertSucceeds();
		$this->assessments->method('findOne')->willReturn(null);
		$saved = $this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['scores' => []]);
		self::assertFalse($saved['rated']);
	}

	public function testAnOverallScoreAloneIsARating(): void {
		$this->insertSucceeds();
		$this->assessments->method('findOne')->willReturn(null);
		$saved = $this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 3]);
		self::assertTrue($saved['rated']);
	}

	public function testAnOutdatedVersionIsRefusedWithTheCurrentAssessment(): void {
		$current = new Assessment();
		$current->setId(9);
		$current->setOverall(5);
		$current->setComment('saved in the other tab');
		$current->setVersion(3);
		$current->setRated(1);
		$current->resetUpdatedFields();
		// The conditional update matches no row: the stored version is no longer 2.
		$this->assessments->expects(self::once())->method('updateContent')
			->with(self::isInstanceOf(Assessment::class), 2)->willReturn(false);
		$this->assessments->method('findOne')->willReturn($current);
		$this->assessments->expects(self::never())->method('insert');
		$this->scores->expects(self::never())->method('replace');
		try {
			$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 1, 'version' => 2]);
			self::fail('an outdated version must be refused');
		} catch (StaleVersionException $e) {
			self::assertSame(409, $e->getStatus());
			self::assertSame(3, $e->current()['version'] ?? null);
			self::assertSame('saved in the other tab', $e->current()['comment'] ?? null);
		}
	}

	public function testTheCurrentVersionIsSavedWithTheVersionCheckInTheUpdate(): void {
		$stored = new Assessment();
		$stored->setId(9);
		$stored->setVersion(3);
		$stored->resetUpdatedFields();
		$this->assessments->expects(self::once())->method('updateContent')
			->with(self::isInstanceOf(Assessment::class), 2)->willReturn(true);
		$this->assessments->method('findOne')->willReturn($stored);
		$saved = $this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 1, 'version' => 2]);
		self::assertSame(3, $saved['version']);
	}

	public function testASaveWithoutVersionOverwrites(): void {
		$stored = new Assessment();
		$stored->setId(9);
		$stored->resetUpdatedFields();
		$this->assessments->expects(self::once())->method('updateContent')
			->with(self::isInstanceOf(Assessment::class), null)->willReturn(true);
		$this->assessments->method('findOne')->willReturn($stored);
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 1]);
	}

	public function testANegativeVersionIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 1, 'version' => -1]);
	}

	public function testAReleasedPeriodRefusesChangesUntilReopened(): void {
		$this->insertSucceeds();
		$this->assessments->method('findOne')->willReturn(null);
		$this->releases->method('find')->willReturnCallback(static fn (int $orgId, int $periodId): ?Release => $orgId === 1 && $periodId === 5 ? new Release() : null);
		$this->scores->expects(self::never())->method('replace');
		$this->totals->expects(self::never())->method('record');
		// the release is checked with the organisation locked: a release waits for the save
		$this->organisations->expects(self::once())->method('lock')->with(1);
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('reopen the release');
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 4]);
	}

	public function testAComponentInSeveralActivePilotsNeedsThePilot(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('The component Component 102 is part of several pilots (PoC 1, PoC 3): send pilotId');
		try {
			$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 102, ['overall' => 4]);
		} catch (ValidationException $e) {
			self::assertSame(400, $e->getStatus());
			self::assertSame(['Component 102', 'PoC 1, PoC 3'], $e->getParams());
			throw $e;
		}
	}

	public function testAComponentInTwoPilotsIsRatedInTheNamedPilot(): void {
		$this->assessments->method('findOne')->willReturn(null);
		$this->assessments->expects(self::once())->method('lock')->with('rki-tester1', 11, 102, 5)->willReturn(false);
		$this->insertSucceeds();
		$saved = $this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 102, ['overall' => 4, 'pilotId' => '11']);
		self::assertSame(11, $saved['pilotId'], 'the save looks for the assessment of that pilot only');
		self::assertSame(1, $saved['organisationId']);
	}

	public function testAnUnknownPilotIsNotFound(): void {
		$this->expectNoWrite();
		$this->expectException(NotFoundException::class);
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 102, ['overall' => 4, 'pilotId' => 99]);
	}

	public function testAPilotThatDoesNotContainTheComponentIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('is not part of the pilot');
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 4, 'pilotId' => 11]);
	}

	public function testAPilotThatIsNotActiveIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('is not active');
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 100, ['overall' => 4, 'pilotId' => 12]);
	}

	public function testAPilotTheOrganisationDoesNotTakePartInIsForbidden(): void {
		$this->expectNoWrite();
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('does not take part in the pilot');
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 200, ['overall' => 4, 'pilotId' => 20]);
	}

	public function testAnInvalidPilotIdIsRefused(): void {
		$this->expectNoWrite();
		$this->expectException(ValidationException::class);
		$this->service->save(new Actor('rki-tester1', false, false, [1]), 5, 102, ['overall' => 4, 'pilotId' => 'PoC 1']);
	}
}
