<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Consolidation\ProgressService;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Item\LastVisit;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Month\ConsolidatorMonth;
use OCA\PilotFeedback\Month\CoordinatorMonth;
use OCA\PilotFeedback\Month\MonthDeadline;
use OCA\PilotFeedback\Month\MonthItems;
use OCA\PilotFeedback\Month\MonthService;
use OCA\PilotFeedback\Month\ReleaseBoard;
use OCA\PilotFeedback\Month\SinceLastVisit;
use OCA\PilotFeedback\Month\TesterMonth;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Rating\RatingScope;
use OCA\PilotFeedback\Report\ReportPresenter;
use OCP\Config\IUserConfig;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;

/**
 * The start page's sections per role, built from the real services over mocked mappers:
 * a tester gets their own to-do only, a coordinator their organisation's and never another
 * one's (least of all its security findings), a consolidator the board of every organisation.
 */
final class MonthServiceTest extends MonthTestCase {
	private PeriodMapper&MockObject $periods;
	/** The newest open period */
	private Period $open;
	private RatingScope&MockObject $ratingScope;
	private ProgressService&MockObject $progress;
	private ItemMapper&MockObject $items;
	/** @var array<string, list<Item>> the items the item mapper finds, by list: followed, security:{orgId}, triage, urgent */
	private array $found = [];
	/** @var list<array{string, ItemQuery}> the lists asked for: [actor, query] */
	private array $queries = [];
	/** @var array<string, Release> releases by "org:period" */
	private array $releases = [];
	private MonthService $service;

	protected function setUp(): void {
		$this->periods = $this->createMock(PeriodMapper::class);
		$this->open = self::period(5, '2026-11');
		$this->periods->method('findNewestOpen')->willReturnCallback(fn () => $this->open);
		$this->periods->method('findAll')->willReturnCallback(fn () => [$this->open, self::period(4, '2026-10', 'closed'), self::period(3, '2026-09', 'closed')]);

		$pilotScope = $this->createMock(PilotScope::class);
		$pilotScope->method('visiblePilots')->willReturn([self::pilot(10, 'PoC 1'), self::pilot(11, 'PoC 2')]);
		$pilotScope->method('componentsOf')->willReturn([self::component(100, 'Files'), self::component(101, 'Office'), self::component(102, 'Chat')]);
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => $link === Link::PilotComponents ? [10 => [100, 101], 11 => [101, 102]] : []);

		$assessments = $this->createMock(AssessmentMapper::class);
		// rki-tester1 rated Files, saved a comment alone on Office.
		$assessments->method('findForUser')->willReturnCallback(fn (string $userId, int $periodId): array => $userId === 'rki-tester1' && $periodId === 5
			? [self::assessment(100, true), self::assessment(101, false)]
			: []);
		// BSH's testers rated in 2026-10, which BSH never released; RKI's in 2026-09, which RKI released.
		$assessments->method('ratedComponentsByUser')->willReturnCallback(static fn (int $orgId, int $periodId): array => match ("$orgId:$periodId") {
			'2:4' => ['bsh-tester1' => ['10:100']],
			'1:3' => ['rki-tester1' => ['10:100']],
			default => [],
		});
		$this->ratingScope = $this->createMock(RatingScope::class);
		$this->ratingScope->method('pilotsToRate')->willReturn([self::pilot(10, 'PoC 1'), self::pilot(11, 'PoC 2')]);

		$releases = $this->createMock(ReleaseMapper::class);
		$releases->method('find')->willReturnCallback(fn (int $orgId, int $periodId): ?Release => $this->releases["$orgId:$periodId"] ?? null);
		$this->releases['1:3'] = self::release(1, 3, 'rki-coord');

		$people = $this->createMock(People::class);
		$people->method('activeOrganisations')->willReturn([self::organisation(1, 'Robert Koch-Institut', 'RKI'), self::organisation(2, 'Bundesamt für Seeschifffahrt', 'BSH'), self::organisation(3, 'Zentrum', 'ZIT')]);
		$people->method('coordinators')->willReturnCallback(static fn (int $orgId): array => match ($orgId) {
			1 => ['rki-coord'],
			2 => ['bsh-coord'],
			default => [],
		});
		$names = $this->createMock(UserNames::class);
		$names->method('id')->willReturnArgument(0);
		$names->method('name')->willReturnCallback(static fn (string $userId): string => strtoupper($userId));

		$this->items = $this->createMock(ItemMapper::class);
		$this->items->method('findByQuery')->willReturnCallback(fn (): array => $this->found['followed'] ?? []);
		$this->items->method('findPage')->willReturnCallback(function (Actor $actor, ItemQuery $query): array {
			$this->queries[] = [$actor->userId, $query];
			return $this->found[self::listOf($query)] ?? [];
		});
		$this->items->method('count')->willReturnCallback(fn (Actor $actor, ItemQuery $query): int => count($this->found[self::listOf($query)] ?? []) + 20);
		$monthItems = new MonthItems($this->db(), $this->items, new Policy());

		$this->progress = $this->createMock(ProgressService::class);
		$this->progress->method('progress')->willReturnCallback(static fn (Actor $actor, int $orgId, mixed $periodId): array => [
			'period' => ['id' => 5, 'month' => '2026-11', 'status' => 'open'],
			'organisationId' => $orgId,
			'componentIds' => [100, 101],
			'members' => [['userId' => 'rki-tester1', 'displayName' => 'RKI Tester 1', 'ratedComponentIds' => [100]]],
			'release' => null,
			'history' => [],
		]);
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('findByIds')->willReturnCallback(static fn (array $ids): array => array_values(array_filter(
			[self::organisation(1, 'Robert Koch-Institut', 'RKI'), self::organisation(2, 'Bundesamt für Seeschifffahrt', 'BSH')],
			static fn ($o): bool => in_array($o->getId(), $ids, true),
		)));
		$components = $this->createMock(ComponentMapper::class);
		$components->method('findByIds')->willReturn([self::component(100, 'Files'), self::component(101, 'Office')]);

		$reports = $this->createMock(ReportMapper::class);
		$reports->method('findPage')->with(null, 0, 50)->willReturn([
			self::report(14, Report::STATUS_QUEUED, self::NOW - 60),
			self::report(13, Report::STATUS_DONE, self::NOW - 3600),
			self::report(12, Report::STATUS_FAILED, self::NOW - 86400),
			self::report(11, Report::STATUS_RUNNING, self::NOW - 2 * 86400),
			self::report(10, Report::STATUS_FAILED, self::NOW - 40 * 86400),
		]);
		$presenter = $this->createMock(ReportPresenter::class);
		$presenter->method('present')->willReturnCallback(static fn (Report $r): array => ['id' => $r->getId(), 'status' => $r->getStatus()]);

		$time = $this->time();
		$deadline = new MonthDeadline($time);
		$board = new ReleaseBoard($this->periods, $releases, $assessments, $deadline, $people, $names);
		$lastVisit = $this->createMock(LastVisit::class);
		$lastVisit->method('get')->willReturn(self::NOW - 3 * 86400);
		$this->service = new MonthService(
			$this->periods,
			$deadline,
			new SinceLastVisit($lastVisit, $this->createMock(IUserConfig::class), $time),
			new TesterMonth($pilotScope, $links, $assessments, $this->ratingScope, $monthItems, $this->englishNames()),
			new CoordinatorMonth($this->progress, $organisations, $components, $board, $monthItems, $this->englishNames()),
			new ConsolidatorMonth($people, $board, $monthItems, $reports, $presenter, $time),
		);
	}

	/** Catalogue names as an English-speaking reader sees them. */
	private function englishNames(): CatalogueNames {
		$l10n = $this->createMock(IFactory::class);
		$l10n->method('findLanguage')->willReturn('en');
		return new CatalogueNames($l10n);
	}

	/** Which list of the start page an item query is. */
	private static function listOf(ItemQuery $query): string {
		if ($query->types === ['security']) {
			return 'security:' . $query->organisationId;
		}
		return $query->statuses === ['new'] ? 'triage' : 'urgent';
	}

	public function testEveryoneGetsTheOpenPeriodWithItsLastDayAsDeadlineAndTheDaysLeft(): void {
		$month = $this->service->month(new Actor('rki-tester1', false, false, [1]));
		self::assertSame(['id' => 5, 'month' => '2026-11', 'status' => 'open'], $month['period']);
		self::assertSame('2026-11-30', $month['deadline']);
		self::assertSame(10, $month['daysLeft']);
		self::assertSame(self::NOW - 3 * 86400, $month['lastVisit']);
	}

	public function testAPlainTesterGetsTheirOwnSectionOnly(): void {
		$this->found['followed'] = [self::item(7, 'defect', 1, 'rki-tester1', 'in_review'), self::item(8, 'requirement', 2, 'bsh-tester1', 'accepted', 3)];
		$this->progress->expects(self::never())->method('progress');
		$month = $this->service->month(new Actor('rki-tester1', false, false, [1]));

		self::assertNull($month['coordinator']);
		self::assertNull($month['consolidator']);
		$tester = $month['tester'];
		self::assertNotNull($tester);
		// Files is rated in PoC 1; Office has a comment only in PoC 1, which is no rating, and is
		// in PoC 2 too, where it is rated separately; Chat is untouched.
		self::assertSame([
			['id' => 101, 'name' => 'Office', 'pilotId' => 10, 'pilotTitle' => 'PoC 1'],
			['id' => 101, 'name' => 'Office', 'pilotId' => 11, 'pilotTitle' => 'PoC 2'],
			['id' => 102, 'name' => 'Chat', 'pilotId' => 11, 'pilotTitle' => 'PoC 2'],
		], $tester['toRate']);
		self::assertSame(4, $tester['componentCount'], 'Office counts once per pilot');
		self::assertSame(1, $tester['ratedCount']);
		self::assertSame([7, 8], array_column($tester['changedItems'], 'id'));
		self::assertSame([true, false], array_column($tester['changedItems'], 'filedByMe'));
		self::assertSame('high', $tester['changedItems'][1]['priority']);
		// No list of anyone else's: neither progress, nor findings, nor triage.
		self::assertSame([], $this->queries);
	}

	public function testAPilotTheOrganisationReleasedIsNoLongerToRate(): void {
		$this->ratingScope->method('lockedPilotIds')->willReturn([11]);
		$tester = $this->service->month(new Actor('rki-tester1', false, false, [1]))['tester'];
		self::assertSame(['10:101'], array_map(static fn (array $c): string => $c['pilotId'] . ':' . $c['id'], $tester['toRate'] ?? []));
	}

	public function testARatingInOnePilotLeavesTheComponentToRateInTheOther(): void {
		$tester = $this->service->month(new Actor('rki-tester1', false, false, [1]))['tester'];
		self::assertNotContains('10:100', array_map(static fn (array $c): string => $c['pilotId'] . ':' . $c['id'], $tester['toRate'] ?? []));
		self::assertContains('11:101', array_map(static fn (array $c): string => $c['pilotId'] . ':' . $c['id'], $tester['toRate'] ?? []));
	}

	public function testNothingIsToRateWithoutAnOpenPeriod(): void {
		$this->periods = $this->createMock(PeriodMapper::class);
		$month = $this->serviceWithoutOpenPeriod()->month(new Actor('rki-tester1', false, false, [1]));
		self::assertNull($month['period']);
		self::assertNull($month['deadline']);
		self::assertNull($month['daysLeft']);
		self::assertSame([], $month['tester']['toRate'] ?? null);
	}

	public function testAnOrganisationChangedItemTheTesterMayNotSeeIsLeftOut(): void {
		// Should the query ever return it: another organisation's security finding stays hidden.
		$this->found['followed'] = [self::item(9, 'security', 2, 'bsh-tester1', 'in_review', 4), self::item(7, 'defect', 1, 'rki-tester1')];
		$tester = $this->service->month(new Actor('rki-tester1', false, false, [1]))['tester'];
		self::assertSame([7], array_column($tester['changedItems'] ?? [], 'id'));
	}

	public function testACoordinatorGetsTheirOrganisationOnlyWithProgressReleaseStateAndSecurityFindings(): void {
		$this->found['security:1'] = [self::item(21, 'security', 1, 'rki-tester2', 'in_review', 4)];
		$this->found['security:2'] = [self::item(22, 'security', 2, 'bsh-tester1', 'in_review', 4)];
		$this->progress->expects(self::once())->method('progress')->with(self::anything(), 1, 5);
		$month = $this->service->month(new Actor('rki-coord', false, false, [1], [1]));

		self::assertNull($month['consolidator']);
		self::assertNotNull($month['tester'], 'a coordinator may rate for the organisation too');
		$organisations = $month['coordinator']['organisations'] ?? [];
		self::assertSame([1], array_column($organisations, 'organisationId'));
		$rki = $organisations[0];
		self::assertSame('pending', $rki['state']);
		self::assertNull($rki['release']);
		self::assertSame([], $rki['unreleasedMonths'], '2026-09 was released');
		self::assertSame([['userId' => 'rki-coord', 'displayName' => 'RKI-COORD']], $rki['coordinators']);
		self::assertSame([['id' => 100, 'name' => 'Files'], ['id' => 101, 'name' => 'Office']], $rki['components']);
		self::assertSame([100], $rki['members'][0]['ratedComponentIds']);
		self::assertSame([21], array_column($rki['securityFindings']['items'], 'id'));
		// The findings were asked for RKI only, as rki-coord (so that SQL applies what they may see).
		$security = array_values(array_filter($this->queries, static fn (array $q): bool => $q[1]->types === ['security']));
		self::assertCount(1, $security);
		self::assertSame(['rki-coord', 1], [$security[0][0], $security[0][1]->organisationId]);
		self::assertSame(['new', 'in_review', 'accepted', 'forwarded', 'in_progress'], $security[0][1]->statuses);
	}

	public function testAnotherOrganisationsSecurityFindingNeverAppearsEvenIfTheQueryReturnedIt(): void {
		$this->found['security:1'] = [self::item(22, 'security', 2, 'bsh-tester1', 'in_review', 4), self::item(21, 'security', 1, 'rki-tester2', 'in_review', 4)];
		$rki = $this->service->month(new Actor('rki-coord', false, false, [1], [1]))['coordinator']['organisations'][0] ?? null;
		self::assertSame([21], array_column($rki['securityFindings']['items'] ?? [], 'id'));
	}

	public function testReleasedWhenTheOpenPeriodIsReleasedAndTheDeadlineIsThePeriodsLastDay(): void {
		$this->releases['1:5'] = self::release(1, 5, 'rki-coord');
		$rki = $this->service->month(new Actor('rki-coord', false, false, [1], [1]))['coordinator']['organisations'][0] ?? null;
		self::assertSame('released', $rki['state'] ?? null);
		self::assertSame(['organisationId' => 1, 'periodId' => 5, 'userId' => 'rki-coord', 'releasedAt' => self::NOW - 3600], $rki['release'] ?? null);

		$past = self::period(2, '2026-10');
		$deadline = new MonthDeadline($this->time());
		self::assertTrue($deadline->hasPassed($past));
		self::assertSame(-20, $deadline->daysLeft($past));
		self::assertSame('2026-10-31', $deadline->deadline($past));
	}

	public function testOverdueOnceTheOpenPeriodsLastDayHasPassedWithoutRelease(): void {
		// An open period of a month that is over (2026-10, the 31st has passed).
		$this->open = self::period(5, '2026-10');
		$month = $this->service->month(new Actor('rki-coord', false, false, [1], [1]));
		self::assertSame(-20, $month['daysLeft']);
		self::assertSame('overdue', $month['coordinator']['organisations'][0]['state'] ?? null);
	}

	public function testAConsolidatorGetsTheBoardOfEveryOrganisationTriageUrgentItemsAndUnfinishedReports(): void {
		$this->releases['1:5'] = self::release(1, 5, 'rki-coord');
		$this->found['triage'] = [self::item(31, 'defect', 2, 'bsh-tester1')];
		$this->found['urgent'] = [self::item(32, 'security', 1, 'rki-tester1', 'in_progress', 4)];
		$month = $this->service->month(new Actor('bmi', false, true));

		self::assertNull($month['tester']);
		self::assertNull($month['coordinator']);
		$consolidator = $month['consolidator'];
		self::assertNotNull($consolidator);
		$board = array_column($consolidator['board'], null, 'shortName');
		self::assertSame(['RKI', 'BSH', 'ZIT'], array_keys($board));
		self::assertSame('released', $board['RKI']['state']);
		// BSH's testers rated in 2026-10, which it never released.
		self::assertSame('overdue', $board['BSH']['state']);
		self::assertSame(['2026-10'], $board['BSH']['unreleasedMonths']);
		self::assertSame('pending', $board['ZIT']['state']);
		self::assertSame([], $board['ZIT']['coordinators']);

		self::assertSame([31], array_column($consolidator['triage']['items'], 'id'));
		self::assertSame(21, $consolidator['triage']['total']);
		self::assertSame([32], array_column($consolidator['urgent']['items'], 'id'));
		self::assertSame('critical', $consolidator['urgent']['items'][0]['priority']);
		$urgent = array_values(array_filter($this->queries, static fn (array $q): bool => $q[1]->priorities !== []));
		self::assertSame([3, 4], $urgent[0][1]->priorities);
		// Queued, running and lately failed reports; not the done one, nor the one that failed 40 days ago.
		self::assertSame([14, 12, 11], array_column($consolidator['reports'], 'id'));
	}

	public function testAnAccountWithoutRolesGetsNoSection(): void {
		$month = $this->service->month(new Actor('admin', true));
		self::assertNull($month['tester']);
		self::assertNull($month['coordinator']);
		self::assertNull($month['consolidator']);
		self::assertSame([], $this->queries);
	}

	public function testTheWidgetsAskForTheSameSections(): void {
		$this->found['triage'] = [self::item(31, 'defect', 2, 'bsh-tester1')];
		$bmi = new Actor('bmi', false, true);
		$lists = $this->service->consolidatorItems($bmi);
		self::assertSame($this->service->month($bmi)['consolidator']['triage'] ?? null, $lists['triage'] ?? null);
		self::assertNull($this->service->consolidatorItems(new Actor('rki-tester1', false, false, [1])));
		self::assertNull($this->service->testerSection(new Actor('bmi', false, true), $this->service->period()));
		self::assertNull($this->service->coordinatorSection(new Actor('rki-tester1', false, false, [1]), $this->service->period()));
	}

	private function serviceWithoutOpenPeriod(): MonthService {
		$this->periods->method('findNewestOpen')->willReturn(null);
		$this->periods->method('findAll')->willReturn([]);
		$pilotScope = $this->createMock(PilotScope::class);
		$pilotScope->method('visiblePilots')->willReturn([self::pilot(10, 'PoC 1')]);
		$pilotScope->method('componentsOf')->willReturn([self::component(100, 'Files')]);
		$time = $this->time();
		$monthItems = new MonthItems($this->db(), $this->items, new Policy());
		$board = $this->createMock(ReleaseBoard::class);
		return new MonthService(
			$this->periods,
			new MonthDeadline($time),
			new SinceLastVisit($this->createMock(LastVisit::class), $this->createMock(IUserConfig::class), $time),
			new TesterMonth($pilotScope, $this->createMock(LinkMapper::class), $this->createMock(AssessmentMapper::class), $this->ratingScope, $monthItems, $this->englishNames()),
			new CoordinatorMonth($this->progress, $this->createMock(OrganisationMapper::class), $this->createMock(ComponentMapper::class), $board, $monthItems, $this->englishNames()),
			new ConsolidatorMonth($this->createMock(People::class), $board, $monthItems, $this->createMock(ReportMapper::class), $this->createMock(ReportPresenter::class), $time),
		);
	}
}
