<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Rating;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Rating\AssessmentPresenter;
use OCA\PilotFeedback\Rating\RatingScope;
use OCA\PilotFeedback\Rating\RatingSheet;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The rating sheet with mocked mappers: the pilots with their components, the tester's own
 * assessments, last period's scores and the pilots their organisation has released.
 * Organisation 1 takes part in the active pilots 10 (components 100, 101) and 11 (component
 * 100 again), organisation 2 in pilot 20 (component 200); period 5 (2026-11) is open, period 4
 * (2026-10) the one before.
 */
final class RatingSheetTest extends TestCase {
	private AssessmentMapper&MockObject $assessments;
	private ReleaseMapper&MockObject $releases;
	private RatingSheet $sheet;

	protected function setUp(): void {
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('findNewestOpen')->willReturn(self::period(5, '2026-11', 'open'));
		$periods->method('findBefore')->with('2026-11')->willReturn(self::period(4, '2026-10', 'closed'));
		$pilots = [];
		foreach ([10, 11, 20] as $id) {
			$pilots[$id] = new Pilot();
			$pilots[$id]->setId($id);
			$pilots[$id]->setTitle('PoC ' . $id);
		}
		$organisationPilots = [1 => [10, 11], 2 => [20]];
		$componentsOfPilot = [10 => [101, 100], 11 => [100], 20 => [200]];
		$pilotScope = $this->createMock(PilotScope::class);
		$pilotScope->method('visiblePilots')->willReturnCallback(static fn (Actor $actor): array => array_values(array_filter(
			$pilots,
			static fn (Pilot $p): bool => array_filter($actor->organisationIds(), static fn (int $org): bool => in_array($p->getId(), $organisationPilots[$org], true)) !== [],
		)));
		$pilotScope->method('componentsOf')->willReturnCallback(static function (array $of) use ($componentsOfPilot): array {
			$ids = array_unique(array_merge([], ...array_map(static fn (Pilot $p): array => $componentsOfPilot[$p->getId()], $of)));
			sort($ids);
			return array_map(static function (int $id): Component {
				$component = new Component();
				$component->setId($id);
				return $component;
			}, $ids);
		});
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => match ($link) {
			Link::OrganisationPilots => $organisationPilots,
			Link::PilotComponents => $componentsOfPilot,
			default => [],
		});
		$this->assessments = $this->createMock(AssessmentMapper::class);
		$this->releases = $this->createMock(ReleaseMapper::class);
		$this->sheet = new RatingSheet(
			new RatingScope(new Policy(), $pilotScope, $this->createMock(ComponentMapper::class), $this->createMock(PilotMapper::class), $links, $this->releases),
			$pilotScope,
			$links,
			$this->createMock(ComponentService::class),
			$this->createMock(CriterionService::class),
			$periods,
			$this->assessments,
			new AssessmentPresenter($this->createMock(ScoreMapper::class)),
			new CatalogueNames($this->createMock(IFactory::class)),
		);
	}

	private static function period(int $id, string $month, string $status): Period {
		$period = new Period();
		$period->setId($id);
		$period->setMonth($month);
		$period->setStatus($status);
		return $period;
	}

	public function testOnlyTestersHaveARatingSheet(): void {
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('Only testers of an organisation rate components.');
		$this->sheet->sheet(new Actor('bmi', false, true), null);
	}

	public function testTheSheetHoldsTheTestersAssessmentsAndLastPeriodsScores(): void {
		$own = new Assessment();
		$own->setId(9);
		$own->setPilotId(11);
		$own->setComponentId(100);
		$own->setPeriodId(5);
		$own->setUserId('rki-tester1');
		$own->setOrgId(1);
		$own->setOverall(4);
		$own->setRated(1);
		$this->assessments->method('findForUser')->with('rki-tester1', 5)->willReturn([$own]);
		$this->assessments->method('scoresOfUser')->with('rki-tester1', 4)->willReturn([['pilotId' => 10, 'componentId' => 100, 'overall' => 3, 'scores' => [7 => 2]]]);

		$sheet = $this->sheet->sheet(new Actor('rki-tester1', false, false, [1]), null);

		self::assertSame(['id' => 5, 'month' => '2026-11', 'status' => 'open'], $sheet['period']);
		self::assertSame([9], array_column($sheet['assessments'], 'id'));
		self::assertSame(4, $sheet['assessments'][0]['overall']);
		self::assertSame(11, $sheet['assessments'][0]['pilotId'], 'the assessment names its pilot');
		self::assertSame(4, $sheet['previousPeriod']['id'] ?? null);
		self::assertSame([['pilotId' => 10, 'componentId' => 100, 'overall' => 3, 'scores' => [['criterionId' => 7, 'score' => 2]]]], $sheet['previous']);
		self::assertSame([
			['id' => 10, 'title' => 'PoC 10', 'organisationId' => 1, 'componentIds' => [100, 101], 'locked' => false],
			['id' => 11, 'title' => 'PoC 11', 'organisationId' => 1, 'componentIds' => [100], 'locked' => false],
		], $sheet['pilots'], 'each active pilot with its components: component 100 in both');
	}

	public function testTheComponentsOfAReleasedOrganisationAreLocked(): void {
		$this->assessments->method('findForUser')->willReturn([]);
		$this->assessments->method('scoresOfUser')->willReturn([]);
		$this->releases->method('find')->willReturnCallback(static fn (int $orgId, int $periodId): ?Release => $orgId === 1 && $periodId === 5 ? new Release() : null);

		$sheet = $this->sheet->sheet(new Actor('rki-tester1', false, false, [1, 2]), null);

		self::assertSame([10 => true, 11 => true, 20 => false], array_column($sheet['pilots'], 'locked', 'id'), 'the pilots of organisation 1, not the one of organisation 2');
		self::assertSame([10 => 1, 11 => 1, 20 => 2], array_column($sheet['pilots'], 'organisationId', 'id'));
	}
}
