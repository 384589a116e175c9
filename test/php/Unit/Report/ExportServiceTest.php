<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\ExportMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\ExportService;
use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The data export's rows: ratings and items of the pilots and organisations asked for, the
 * testers' comments (on each rating row, and one row per commented assessment in the Comments
 * sheet), testers as pseudonyms in order of first appearance, the same in every sheet (names
 * and user ids only when a consolidator asked for names), and the aggregated sheets of each
 * pilot that has a reporting period in the range. Pilots 7 and 8 exist.
 */
final class ExportServiceTest extends TestCase {
	private ExportMapper&MockObject $mapper;
	private ConsolidationService&MockObject $consolidation;
	private PilotMapper&MockObject $pilots;
	private ReportLabels&MockObject $labels;
	private IUserManager&MockObject $users;
	private IFactory&MockObject $l10nFactory;
	private ExportService $service;
	/** @var list<array{list<int>, string, string, list<int>|null}> the arguments of each ratings query: pilots, range, organisations */
	private array $ratingQueries = [];
	/** @var list<array{string, list<int>, int, int, list<int>|null}> the arguments of each items query: actor, pilots, start, end, organisations */
	private array $itemQueries = [];
	/** @var list<array<string, mixed>> */
	private array $ratings = [];
	/** @var list<array<string, mixed>> */
	private array $items = [];

	protected function setUp(): void {
		$this->mapper = $this->createMock(ExportMapper::class);
		$this->mapper->method('ratings')->willReturnCallback(function (array $pilotIds, MonthRange $range, ?array $organisationIds): \Generator {
			$this->ratingQueries[] = [$pilotIds, $range->from, $range->to, $organisationIds];
			yield from $this->ratings;
		});
		$this->mapper->method('items')->willReturnCallback(function (Actor $actor, array $pilotIds, int $start, int $end, ?array $organisationIds): \Generator {
			$this->itemQueries[] = [$actor->userId, $pilotIds, $start, $end, $organisationIds];
			yield from $this->items;
		});
		$this->consolidation = $this->createMock(ConsolidationService::class);
		$this->consolidation->method('scope')->willThrowException(new NotFoundException('There is no reporting period from %1$s to %2$s.', ['2026-11', '2026-11']));
		$this->pilots = $this->createMock(PilotMapper::class);
		$this->pilots->method('get')->willReturnCallback(static fn (int $id): Pilot => self::pilot($id));
		$this->pilots->method('findAll')->willReturn([self::pilot(7), self::pilot(8)]);

		$this->labels = $labels = $this->createMock(ReportLabels::class);
		$labels->method('pilot')->willReturnCallback(static fn (int $id): string => 'Pilot ' . $id);
		$labels->method('organisation')->willReturnCallback(static fn (int $id): string => 'Org ' . $id);
		$labels->method('component')->willReturnCallback(static fn (int $id): string => 'Component ' . $id);
		$labels->method('criterion')->willReturnCallback(static fn (int $id): string => 'Criterion ' . $id);
		$labels->method('type')->willReturnCallback(static fn (IL10N $l, string $type): string => 'type:' . $type);
		$labels->method('priority')->willReturnCallback(static fn (IL10N $l, string $priority): string => 'priority:' . $priority);
		$labels->method('status')->willReturnCallback(static fn (IL10N $l, string $status): string => 'status:' . $status);
		$this->users = $users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => $uid === 'alice' ? 'Alice Example' : null);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		$this->l10nFactory = $this->createMock(IFactory::class);
		$this->l10nFactory->method('get')->willReturn($l);
		$this->service = $this->service();
	}

	/** The service over the current stand-ins. */
	private function service(): ExportService {
		return new ExportService($this->mapper, $this->consolidation, $this->createMock(ItemsOverviewService::class), $this->pilots, $this->labels, $this->users, $this->l10nFactory, new Policy());
	}

	private static function pilot(int $id): Pilot {
		$pilot = new Pilot();
		$pilot->setId($id);
		return $pilot;
	}

	private static function request(bool $withNames = false, ?int $pilotId = 7, ?int $organisationId = null, string $period = '2026-11'): ReportRequest {
		return new ReportRequest(ReportRequest::EXPORT, $pilotId, $period, 'csv', 'en', $withNames, $organisationId);
	}

	/** @return array<string, mixed> a rating row as ExportMapper yields it */
	private static function rating(string $userId, int $assessment, int $criterion, ?int $score, ?string $comment = null): array {
		return ['pilot_id' => 7, 'assessment_id' => $assessment, 'user_id' => $userId, 'org_id' => 1, 'component_id' => 100, 'month' => '2026-11', 'criterion_id' => $criterion, 'score' => $score, 'overall' => 4, 'comment' => $comment];
	}

	/** @return list<list<string|int|float|null>> */
	private static function rows(Sheet $sheet): array {
		$rows = [];
		foreach ($sheet->rows as $row) {
			$rows[] = $row;
		}
		return $rows;
	}

	private function ratingsOf(Workbook $workbook): Sheet {
		self::assertSame(['Ratings', 'Comments', 'Items', 'Results', 'Participation', 'Item counts', 'About this export'], array_map(static fn (Sheet $s): string => $s->name, $workbook->sheets));
		return $workbook->sheets[0];
	}

	private function commentsOf(Workbook $workbook): Sheet {
		self::assertSame('Comments', $workbook->sheets[1]->name);
		return $workbook->sheets[1];
	}

	public function testARangeOfMonthsIsReadWithOneQueryPerSheetOverTheWholeRange(): void {
		$this->ratings = [self::rating('alice', 1, 10, 4), self::rating('bob', 2, 10, 3)];
		$workbook = $this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(period: '2025-12--2026-11'), null, 'Data export - 2025-12 to 2026-11 - Pilot 7');

		self::assertCount(2, self::rows($this->ratingsOf($workbook)));
		self::rows($workbook->sheets[2]);
		self::assertSame([[[7], '2025-12', '2026-11', null]], $this->ratingQueries, 'one cursor over all twelve months, not one per month');
		self::assertSame([['bmi', [7], (int)gmmktime(0, 0, 0, 12, 1, 2025), (int)gmmktime(0, 0, 0, 12, 1, 2026), null]], $this->itemQueries, 'items filed from 1 December 2025 up to, not including, 1 December 2026');
	}

	public function testTheLastSheetAndTheFilesMetadataSayWhatTheExportCoversInItsLanguage(): void {
		$workbook = $this->service->workbook(new Actor('rki-coord', coordinatorOrgIds: [1]), self::request(organisationId: 1, period: '2025-12--2026-11'), [1], 'Data export - 2025-12 to 2026-11 - Pilot 7 - Org 1');

		self::assertSame('Data export - 2025-12 to 2026-11 - Pilot 7 - Org 1', $workbook->title);
		self::assertSame('en', $workbook->language);
		$about = $workbook->sheets[6];
		self::assertSame(['Field', 'Value'], $about->header);
		self::assertSame([
			['Title', 'Data export - 2025-12 to 2026-11 - Pilot 7 - Org 1'],
			['Period', '2025-12 to 2026-11'],
			['First month', '2025-12'],
			['Last month', '2026-11'],
			['Months', 12],
			['Pilot', 'Pilot 7'],
			['Organisation', 'Org 1'],
			['Testers', 'pseudonymised'],
		], self::rows($about));
		self::assertSame(['Period', '2026-Q4'], self::rows($this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(pilotId: null, period: '2026-Q4', withNames: true), null)->sheets[6])[0], 'without a title the sheet starts with the period');
	}

	public function testACoordinatorAskingForNamesIsRefusedBeforeAnyDataIsRead(): void {
		$this->pilots->expects(self::never())->method('get');
		$this->consolidation->expects(self::never())->method('scope');
		try {
			$this->service->workbook(new Actor('rki-coord', coordinatorOrgIds: [1]), self::request(withNames: true), [1]);
			self::fail('a coordinator exported names');
		} catch (ForbiddenException $e) {
			self::assertSame('Only consolidators may export tester names.', $e->getTemplate());
			self::assertSame(403, $e->getStatus());
		}
		self::assertSame([], $this->ratingQueries);
		self::assertSame([], $this->itemQueries);
	}

	public function testTestersArePseudonymsInOrderOfFirstAppearanceWithTheirCommentsButNoIds(): void {
		$this->ratings = [
			self::rating('bob', 11, 1, 3, 'slow search'),
			self::rating('alice', 12, 1, null),
			self::rating('bob', 11, 2, 5, 'slow search'),
		];

		$sheet = $this->ratingsOf($this->service->workbook(new Actor('rki-coord', coordinatorOrgIds: [1]), self::request(), [1]));

		self::assertSame(['Pilot', 'Month', 'Organisation', 'Tester', 'Assessment', 'Component', 'Criterion', 'Score', 'Overall score', 'Comment'], $sheet->header);
		self::assertSame([
			['Pilot 7', '2026-11', 'Org 1', 'T1', 11, 'Component 100', 'Criterion 1', 3, 4, 'slow search'],
			['Pilot 7', '2026-11', 'Org 1', 'T2', 12, 'Component 100', 'Criterion 1', null, 4, null],
			['Pilot 7', '2026-11', 'Org 1', 'T1', 11, 'Component 100', 'Criterion 2', 5, 4, 'slow search'],
		], self::rows($sheet), 'the comment on every row of its assessment, like the overall score');
		self::assertSame([[[7], '2026-11', '2026-11', [1]]], $this->ratingQueries, 'the pilot, month and organisations asked for');
	}

	public function testAConsolidatorAskingForNamesGetsIdsDisplayNamesAndComments(): void {
		$this->ratings = [self::rating('alice', 12, 1, 2, 'login hangs'), self::rating('bob', 13, 1, 4)];

		$sheet = $this->ratingsOf($this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(withNames: true), null));

		self::assertSame(['Comment', 'User ID', 'Display name'], array_slice($sheet->header, 9));
		self::assertSame([
			['Pilot 7', '2026-11', 'Org 1', 'T1', 12, 'Component 100', 'Criterion 1', 2, 4, 'login hangs', 'alice', 'Alice Example'],
			['Pilot 7', '2026-11', 'Org 1', 'T2', 13, 'Component 100', 'Criterion 1', 4, 4, null, 'bob', 'bob'],
		], self::rows($sheet));
		self::assertNull($this->ratingQueries[0][3], 'every organisation');
	}

	public function testItemsCarryEveryFieldAndTheReporterOnlyWithNames(): void {
		$this->items = [[
			'id' => 31, 'type' => 'defect', 'title' => 'Export fails', 'body' => null, 'pilot_id' => 7, 'component_id' => 100, 'org_id' => 2,
			'priority' => 3, 'cons_priority' => null, 'status' => 'in_progress', 'confidential' => 1, 'duplicate_of' => null, 'vendor_ref' => 'VND-9',
			'support_count' => 2, 'created_at' => 1_793_600_000, 'updated_at' => 1_793_700_000, 'reporter_id' => 'alice',
		]];
		$consolidator = new Actor('bmi', isConsolidator: true);

		$pseudonymised = $this->service->workbook($consolidator, self::request(), null)->sheets[2];
		$named = $this->service->workbook($consolidator, self::request(withNames: true), null)->sheets[2];

		$row = [31, 'type:defect', 'Export fails', '', 'Pilot 7', 'Component 100', 'Org 2', 'priority:high', '', 'status:in_progress', 'yes', null, 'VND-9', 2, '2026-11-02 06:13:20', '2026-11-03 10:00:00'];
		self::assertSame([$row], self::rows($pseudonymised));
		self::assertCount(16, $pseudonymised->header);
		self::assertSame([[...$row, 'alice', 'Alice Example']], self::rows($named));
		self::assertSame(['Reporter ID', 'Reporter'], array_slice($named->header, 16));
		// November 2026, as the items filed from its first second to the first second of December
		self::assertSame(['bmi', [7], 1_793_491_200, 1_796_083_200, null], $this->itemQueries[0]);
	}

	public function testEveryPilotThatIsNotArchivedWhenNoneIsChosen(): void {
		$this->pilots->expects(self::never())->method('get');
		$this->pilots->expects(self::once())->method('findAll')->with(false);

		$workbook = $this->service->workbook(new Actor('rki-coord', coordinatorOrgIds: [1, 2]), self::request(pilotId: null, period: '2026-Q4'), [1, 2]);
		self::rows($workbook->sheets[0]);
		self::rows($workbook->sheets[2]);

		self::assertSame([[[7, 8], '2026-10', '2026-12', [1, 2]]], $this->ratingQueries);
		self::assertSame([7, 8], $this->itemQueries[0][1]);
		self::assertSame([1, 2], $this->itemQueries[0][4]);
	}

	public function testAggregatedSheetsHoldThePilotsWithAReportingPeriod(): void {
		$scopes = [];
		$this->consolidation = $this->createMock(ConsolidationService::class);
		$this->consolidation->method('scope')->willReturnCallback(static function (Actor $actor, int $pilotId, mixed $month, mixed $quarter, string $from, string $to, bool $releasedOnly, ?int $organisationId) use (&$scopes): ConsolidationScope {
			$scopes[] = [$pilotId, $month, $quarter, $from, $to, $releasedOnly, $organisationId];
			if ($pilotId === 7) {
				throw new NotFoundException('There is no reporting period from %1$s to %2$s.', [$from, $to]);
			}
			return new ConsolidationScope($pilotId, MonthRange::between($from, $to), false, $organisationId, [1], [1], ScopePeriods::of(MonthRange::between($from, $to)));
		});
		$this->consolidation->method('participation')->willReturn([
			'pilotId' => 8, 'range' => ['from' => '2026-10', 'to' => '2026-12', 'months' => ['2026-10', '2026-11', '2026-12']], 'releasedOnly' => false, 'componentsInPilot' => 3,
			'rows' => [
				['organisationId' => 1, 'month' => '2026-10', 'periodId' => 3, 'testers' => 4, 'testersWithAssessment' => 2, 'componentsRated' => 1, 'assessments' => 5, 'release' => ['userId' => 'rki-coord', 'releasedAt' => 1_793_577_600]],
				['organisationId' => 1, 'month' => '2026-11', 'periodId' => 4, 'testers' => 4, 'testersWithAssessment' => 0, 'componentsRated' => 0, 'assessments' => 0, 'release' => null],
			],
		]);
		$workbook = $this->service()->workbook(new Actor('bmi', isConsolidator: true), self::request(pilotId: null, organisationId: 1, period: '2026-Q4'), [1]);

		self::assertSame([[7, null, null, '2026-10', '2026-12', false, 1], [8, null, null, '2026-10', '2026-12', false, 1]], $scopes);
		$participation = self::rows($workbook->sheets[4]);
		self::assertCount(2, $participation, 'pilot 8 only: pilot 7 has no reporting period');
		self::assertSame(['Pilot 8', 'Org 1', '2026-10', 4, 2, 1, 3, 5, '2026-11-02'], $participation[0]);
		self::assertSame(['Pilot 8', 'Org 1', '2026-11', 4, 0, 0, 3, 0, 'no'], $participation[1], 'a month not released says so');
	}

	public function testTheCsvWriterReceivesTheRatingsSheetWithTheCommentOnEveryRowNeutralisingFormulas(): void {
		$this->ratings = [
			self::rating('mallory', 20, 1, 1, '=HYPERLINK("x")'),
			self::rating('mallory', 20, 2, 2, '=HYPERLINK("x")'),
			self::rating('trent', 21, 1, 5, "fine, mostly\nsecond line"),
			self::rating('victor', 22, 1, 3),
		];
		$stream = fopen('php://memory', 'w+b');
		self::assertNotFalse($stream);

		(new CsvWriter())->write($this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(), null), $stream);

		rewind($stream);
		self::assertSame(
			"\u{FEFF}Pilot,Month,Organisation,Tester,Assessment,Component,Criterion,Score,Overall score,Comment\r\n"
			. "Pilot 7,2026-11,Org 1,T1,20,Component 100,Criterion 1,1,4,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
			. "Pilot 7,2026-11,Org 1,T1,20,Component 100,Criterion 2,2,4,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
			. "Pilot 7,2026-11,Org 1,T2,21,Component 100,Criterion 1,5,4,\"fine, mostly\nsecond line\"\r\n"
			. "Pilot 7,2026-11,Org 1,T3,22,Component 100,Criterion 1,3,4,\r\n",
			stream_get_contents($stream),
			'pseudonymised: no user id; the comment as written, a formula neutralised, quoted where it must be',
		);
		fclose($stream);
	}

	public function testRatingsBeyondASpreadsheetsSheetGoOnInNamedPartsWithTheDescriptionStillLast(): void {
		$this->ratings = array_map(static fn (int $i): array => self::rating('tester' . $i, 40 + $i, 1, $i % 5 + 1), range(1, 12));
		$workbook = $this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(), null, 'Data export');
		self::assertSame(['Ratings (2)', 'Comments (3)', 'Items (4)'], [$workbook->sheets[0]->partName(2), $workbook->sheets[1]->partName(3), $workbook->sheets[2]->partName(4)]);

		// 12 ratings at 10 rows a sheet (header included): 9 + 3; the description (7 rows) fits
		$parts = Samples::unzip(Samples::write(new XlsxWriter(10), $workbook));

		$names = Samples::xpath($parts['xl/workbook.xml'], ['s' => 'http://schemas.openxmlformats.org/spreadsheetml/2006/main']);
		self::assertSame(
			['Ratings', 'Ratings (2)', 'Comments', 'Items', 'Results', 'Participation', 'Item counts', 'About this export'],
			array_map(static fn (\DOMElement $e): string => $e->getAttribute('name'), iterator_to_array($names->query('//s:sheet'))),
		);
		self::assertSame(10, substr_count($parts['xl/worksheets/sheet1.xml'], '<row '));
		self::assertSame(4, substr_count($parts['xl/worksheets/sheet2.xml'], '<row '));
		self::assertStringContainsString('>Overall score<', $parts['xl/worksheets/sheet2.xml'], 'the second part has the header');
		self::assertStringContainsString('>T12<', $parts['xl/worksheets/sheet2.xml'], 'the last rating is in it');
	}

	public function testTheCommentsSheetHasOneRowPerCommentedAssessmentWithThePseudonymsOfTheRatings(): void {
		$this->ratings = [
			self::rating('carol', 30, 1, 2),
			self::rating('bob', 31, 1, 3, 'search is slow'),
			self::rating('bob', 31, 2, 4, 'search is slow'),
			self::rating('alice', 32, 1, 5, '   '),
			self::rating('carol', 33, 1, 1, 'crashes on save'),
		];
		$workbook = $this->service->workbook(new Actor('rki-coord', coordinatorOrgIds: [1]), self::request(), [1]);

		$comments = $this->commentsOf($workbook);
		self::assertSame(['Pilot', 'Month', 'Organisation', 'Tester', 'Assessment', 'Component', 'Overall score', 'Comment'], $comments->header);
		// read before the ratings: the pseudonyms are still those of the ratings sheet (carol T1, bob T2)
		self::assertSame([
			['Pilot 7', '2026-11', 'Org 1', 'T2', 31, 'Component 100', 4, 'search is slow'],
			['Pilot 7', '2026-11', 'Org 1', 'T1', 33, 'Component 100', 4, 'crashes on save'],
		], self::rows($comments), 'neither the assessment without a comment nor the blank one');
		self::assertSame(['T1', 'T2', 'T2', 'T3', 'T1'], array_map(static fn (array $row): mixed => $row[3], self::rows($workbook->sheets[0])));
		self::assertSame([[[7], '2026-11', '2026-11', [1]], [[7], '2026-11', '2026-11', [1]]], $this->ratingQueries, 'the same rows as the ratings: organisations asked for');
	}

	public function testTheCommentsSheetNamesTheTesterOnlyForAConsolidatorWhoAskedForNames(): void {
		$this->ratings = [self::rating('alice', 40, 1, 2, 'login hangs')];

		$named = $this->commentsOf($this->service->workbook(new Actor('bmi', isConsolidator: true), self::request(withNames: true), null));

		self::assertSame(['Comment', 'User ID', 'Display name'], array_slice($named->header, 7));
		self::assertSame([['Pilot 7', '2026-11', 'Org 1', 'T1', 40, 'Component 100', 4, 'login hangs', 'alice', 'Alice Example']], self::rows($named));
	}
}
