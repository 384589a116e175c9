<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportMaker;
use OCA\PilotFeedback\Report\ReportNotifications;
use OCA\PilotFeedback\Report\ReportPresenter;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportService;
use OCA\PilotFeedback\Report\ReportSize;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\Files\File;
use OCP\IL10N;
use OCP\IUser;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * Asking for a report through the API: the request is checked (ReportRequestChecker), recorded
 * as a queued row, and an export or a large document is left to the background job while a
 * small document is made at once (ReportSize, ReportJobRunner); a refused request records
 * nothing. Listing and reading show each
 * person the reports they may see. Pilot 7 and organisations 1 and 2 exist; every month has a
 * reporting period except those of 2030.
 */
final class ReportServiceTest extends TestCase {
	private const NOW = 1_800_000_000;

	private ReportService $service;
	private ReportMapper&MockObject $mapper;
	private ReportMaker&MockObject $maker;
	/** @var list<Report> rows inserted */
	private array $inserted = [];
	/** @var list<array{string, mixed}> background jobs added */
	private array $queued = [];
	/** @var list<array{string, array<array-key, mixed>}> info lines logged */
	private array $logged = [];
	/** How many rows a document would read */
	private int $documentRows = 120;

	protected function setUp(): void {
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$logger = $this->createMock(LoggerInterface::class);
		$logger->method('info')->willReturnCallback(function (string|\Stringable $message, array $context = []): void {
			$this->logged[] = [(string)$message, $context];
		});

		$this->mapper = $this->createMock(ReportMapper::class);
		$this->mapper->method('insert')->willReturnCallback(function (Report $report): Report {
			$this->inserted[] = $report;
			$report->setId(40 + count($this->inserted));
			return $report;
		});
		$this->mapper->method('get')->willReturnCallback(fn (int $id): Report => $this->inserted[$id - 41] ?? throw new NotFoundException('No report with id %1$s exists.', [(string)$id]));
		$this->mapper->method('update')->willReturnArgument(0);
		$this->mapper->method('claim')->willReturnCallback(function (int $id, int $now): bool {
			$report = $this->inserted[$id - 41];
			$report->setStatus(Report::STATUS_RUNNING);
			$report->setStartedAt($now);
			$report->setAttempts($report->getAttempts() + 1);
			return true;
		});
		$this->mapper->method('finish')->willReturn(true);
		$this->mapper->method('documentRows')->willReturnCallback(fn (): int => $this->documentRows);
		$jobs = $this->createMock(IJobList::class);
		$jobs->method('add')->willReturnCallback(function (string $job, mixed $argument = null): void {
			$this->queued[] = [$job, $argument];
		});
		$storage = $this->createMock(ReportStorage::class);
		$storage->method('folder')->willReturnCallback(static fn (string $userId): string => $userId . '/Reports');
		$this->maker = $this->createMock(ReportMaker::class);

		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		$users = $this->createMock(IUserManager::class);
		$users->method('get')->willReturnCallback(fn (string $uid): IUser => $this->createConfiguredMock(IUser::class, ['getUID' => $uid]));
		// Nextcloud answers the id for an account without a display name, null for none.
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => ['bmi' => 'Bundesministerium', 'rki-coord' => 'rki-coord'][$uid] ?? null);
		$l10nFactory = $this->createMock(IFactory::class);
		$l10nFactory->method('getUserLanguage')->willReturnCallback(static fn (?IUser $user = null): string => $user?->getUID() === 'bmi' ? 'de_DE' : 'fr');

		$policy = new Policy();
		$checker = new ReportRequestChecker($policy, $this->writers(), $this->pilots(), $this->organisations(), $this->periods(), $users, $l10nFactory, $this->periodStates());
		$runner = new ReportJobRunner($this->mapper, $this->maker, $storage, $this->createMock(ReportNotifications::class), $jobs, $time, $logger, $this->createMock(IEventDispatcher::class));
		$this->service = new ReportService($checker, $runner, $this->mapper, new ReportPresenter($l, new UserNames($users, $this->createMock(Pseudonyms::class))), $policy, new ReportSize($this->mapper), $logger);
	}

	private function writers(): WriterRegistry {
		$documents = array_map(fn (string $format): DocumentWriter => $this->createConfiguredMock(DocumentWriter::class, ['format' => $format]), ['odt', 'docx']);
		$workbooks = array_map(fn (string $format): WorkbookWriter => $this->createConfiguredMock(WorkbookWriter::class, ['format' => $format]), ['ods', 'xlsx', 'csv']);
		return new WriterRegistry($documents, $workbooks);
	}

	private function pilots(): PilotMapper {
		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('get')->willReturnCallback(static fn (int $id): Pilot => $id === 7 ? new Pilot() : throw new NotFoundException('Pilot not found'));
		return $pilots;
	}

	private function organisations(): OrganisationMapper {
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('get')->willReturnCallback(static fn (int $id): Organisation => in_array($id, [1, 2], true) ? new Organisation() : throw new NotFoundException('Organisation not found'));
		return $organisations;
	}

	private function periods(): ConsolidationMapper {
		$periods = $this->createMock(ConsolidationMapper::class);
		$periods->method('periodsIn')->willReturnCallback(static fn (MonthRange $range): array => str_starts_with($range->from, '2030') ? [] : [['id' => 3, 'month' => $range->from]]);
		return $periods;
	}

	/** Months up to 2026-10 are closed, later ones open; 2026-08 has no period. */
	private function periodStates(): PeriodMapper {
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('findByMonth')->willReturnCallback(static function (string $month): ?Period {
			if ($month === '2026-08') {
				return null;
			}
			$period = new Period();
			$period->setMonth($month);
			$period->setStatus($month <= '2026-10' ? 'closed' : 'open');
			return $period;
		});
		return $periods;
	}

	private static function consolidator(): Actor {
		return new Actor('bmi', isConsolidator: true);
	}

	private static function coordinator(): Actor {
		return new Actor('rki-coord', memberOrgIds: [1], coordinatorOrgIds: [1]);
	}

	private static function tester(): Actor {
		return new Actor('rki-tester1', memberOrgIds: [1]);
	}

	/** The file ReportMaker saved. */
	private function savedFile(): File {
		return $this->createConfiguredMock(File::class, ['getId' => 412, 'getName' => 'Monthly status report - 2026-11 - PoC 1.odt']);
	}

	public function testAnExportRequestIsRecordedQueuedAndLeftToTheBackgroundJob(): void {
		$this->maker->expects(self::never())->method('make');

		$answer = $this->service->request(self::coordinator(), 'export', 'csv', 7, null, '2026-Q4', null, null, null);

		self::assertCount(1, $this->inserted);
		$row = $this->inserted[0];
		self::assertSame(
			['export', 7, 1, '2026-Q4', 'csv', 'en', true, 'request', 'rki-coord', 'rki-coord/Reports', 'queued', self::NOW],
			[$row->getType(), $row->getPilotId(), $row->getOrgId(), $row->getPeriod(), $row->getFormat(), $row->getLanguage(), $row->getPseudonymised(),
				$row->getOrigin(), $row->getRequestedBy(), $row->getFolder(), $row->getStatus(), $row->getCreatedAt()],
			'a coordinator\'s export covers their organisation, in their language (French falls back to English), pseudonymised',
		);
		self::assertSame([[GenerateReportJob::class, ['reportId' => 41]]], $this->queued);
		self::assertSame(41, $answer['id']);
		self::assertSame('queued', $answer['status']);
		self::assertSame('export', $answer['type']);
		self::assertSame('rki-coord', $answer['requestedByName'], 'a user without display name is shown by id');
		self::assertNull($answer['path']);
		self::assertNull($answer['error']);
		self::assertSame([], $this->logged, 'a pseudonymised export is not logged');
	}

	public function testADocumentIsMadeDuringTheRequest(): void {
		$this->maker->expects(self::once())->method('make')->willReturnCallback(function (Report $report): File {
			self::assertSame(Report::STATUS_RUNNING, $report->getStatus());
			return $this->savedFile();
		});

		$answer = $this->service->request(self::consolidator(), 'monthly', 'odt', 7, '2026-11', null, null, null, null);

		self::assertSame([], $this->queued, 'no background job for a document');
		self::assertSame('done', $answer['status']);
		self::assertSame('monthly', $answer['type']);
		self::assertSame('de', $answer['language'], 'a German user gets a German document');
		self::assertNull($answer['organisationId'], 'a consolidator\'s report covers every organisation');
		self::assertSame(412, $answer['fileId']);
		self::assertSame('bmi/Reports/2026-11/Monthly status report - 2026-11 - PoC 1.odt', $answer['path']);
		self::assertSame('Bundesministerium', $answer['requestedByName']);
	}

	/** @return iterable<string, array{string, ?string, ?string, mixed, bool}> */
	public static function releasedOnlyRequests(): iterable {
		yield 'left out, a closed month' => ['monthly', '2026-10', null, null, true];
		yield 'left out, an open month' => ['monthly', '2026-11', null, null, false];
		yield 'left out, a closed quarter with a month without period' => ['quarterly', null, '2026-Q3', null, true];
		yield 'left out, a quarter with an open month' => ['quarterly', null, '2026-Q4', null, false];
		yield 'asked for, an open month' => ['monthly', '2026-11', null, true, true];
		yield 'declined, a closed month' => ['monthly', '2026-10', null, 'false', false];
	}

	#[DataProvider('releasedOnlyRequests')]
	public function testReleasedOnlyDefaultsToWhetherEveryPeriodIsClosedAndIsRecorded(string $type, ?string $month, ?string $quarter, mixed $releasedOnly, bool $expected): void {
		$this->maker->method('make')->willReturn($this->savedFile());

		$answer = $this->service->request(self::consolidator(), $type, 'odt', 7, $month, $quarter, 'en', null, null, $releasedOnly);

		self::assertSame($expected, $this->inserted[0]->getReleasedOnly());
		self::assertSame($expected, $answer['releasedOnly']);
	}

	public function testReleasedOnlyMustBeAFlag(): void {
		$this->expectException(ValidationException::class);
		$this->service->request(self::consolidator(), 'monthly', 'odt', 7, '2026-11', null, 'en', null, null, 'sometimes');
	}

	public function testALargeDocumentIsLeftToTheBackgroundJob(): void {
		$this->maker->expects(self::never())->method('make');
		$this->documentRows = ReportSize::MAX_ROWS_IN_REQUEST + 1;

		$answer = $this->service->request(self::consolidator(), 'quarterly', 'odt', null, null, '2026-Q4', null, null, null);

		self::assertSame('queued', $answer['status']);
		self::assertSame([[GenerateReportJob::class, ['reportId' => 41]]], $this->queued);
	}

	public function testADocumentOfTheLimitIsStillMadeDuringTheRequest(): void {
		$this->maker->expects(self::once())->method('make')->willReturn($this->savedFile());
		$this->documentRows = ReportSize::MAX_ROWS_IN_REQUEST;

		self::assertSame('done', $this->service->request(self::consolidator(), 'quarterly', 'odt', 7, null, '2026-Q4', null, null, null)['status']);
		self::assertSame([], $this->queued);
	}

	public function testADocumentThatFailsIsAnsweredWithTheReason(): void {
		$this->maker->method('make')->willThrowException(new NotFoundException('No reporting period for pilot %1$s.', ['PoC 1']));

		$answer = $this->service->request(self::consolidator(), 'quarterly', 'docx', null, null, '2026-Q4', 'en', null, 2);

		self::assertSame('failed', $answer['status']);
		self::assertSame('No reporting period for pilot PoC 1.', $answer['error']);
		self::assertSame(2, $answer['organisationId']);
		self::assertNull($answer['pilotId']);
	}

	public function testAnExportOfARangeIsRecordedWithItsFirstAndLastMonthAndQueued(): void {
		$this->maker->expects(self::never())->method('make');

		$year = $this->service->request(self::coordinator(), 'export', 'ods', 7, null, null, 'de', null, null, null, '2025-12', '2026-11');
		$one = $this->service->request(self::consolidator(), 'export', 'csv', 7, null, null, 'en', null, null, null, '2026-03', '2026-03');

		self::assertSame('2025-12--2026-11', $this->inserted[0]->getPeriod());
		self::assertSame('2025-12--2026-11', $year['period']);
		self::assertSame('queued', $year['status']);
		self::assertSame(1, $this->inserted[0]->getOrgId(), 'the coordinator\'s own organisation');
		self::assertSame('2026-03', $one['period'], 'a range of one month is that month');
		self::assertCount(2, $this->queued);
	}

	public function testTesterNamesAreLoggedWhenAConsolidatorAsksForThem(): void {
		$answer = $this->service->request(self::consolidator(), 'export', 'xlsx', null, '2026-11', null, 'en', true, null);

		self::assertFalse($this->inserted[0]->getPseudonymised());
		self::assertFalse($answer['pseudonymised']);
		self::assertSame([['Pilot Feedback: {user} asked for report {id} ({type}, {period}, pilot {pilot}, {format}) with tester names', [
			'app' => 'pilotfeedback', 'user' => 'bmi', 'id' => 41, 'type' => 'export', 'period' => '2026-11', 'pilot' => 'all', 'format' => 'xlsx',
		]]], $this->logged);
	}

	/** @return iterable<string, array{Actor, list<mixed>, class-string<DomainError>, string, list<string>}> */
	public static function refusedRequests(): iterable {
		$c = self::consolidator();
		$k = self::coordinator();
		yield 'a tester' => [self::tester(), ['monthly', 'odt', 7, '2026-11', null, null, null, null], ForbiddenException::class, 'Only consolidators and the coordinators of an organisation make reports.', []];
		yield 'an unknown type' => [$c, ['weekly', 'odt', 7, '2026-11', null, null, null, null], ValidationException::class, '%1$s must be one of: %2$s.', ['Type', 'monthly, quarterly, export']];
		yield 'no format' => [$c, ['monthly', '', 7, '2026-11', null, null, null, null], ValidationException::class, '%1$s is required.', ['Format']];
		yield 'a workbook format for a document' => [$c, ['monthly', 'csv', 7, '2026-11', null, null, null, null], ValidationException::class, 'Unknown document format "%1$s". Choose one of: %2$s.', ['csv', 'odt, docx']];
		yield 'a document format for an export' => [$c, ['export', 'odt', 7, '2026-11', null, null, null, null], ValidationException::class, 'Unknown export format "%1$s". Choose one of: %2$s.', ['odt', 'ods, xlsx, csv']];
		yield 'a monthly report of a quarter' => [$c, ['monthly', 'odt', 7, null, '2026-Q4', null, null, null], ValidationException::class, 'A monthly status report covers one month: send month=YYYY-MM and no quarter.', []];
		yield 'a quarterly report of a month' => [$c, ['quarterly', 'odt', 7, '2026-11', null, null, null, null], ValidationException::class, 'A quarterly report covers one quarter: send quarter=YYYY-Qn and no month.', []];
		yield 'an export of a month and a quarter' => [$c, ['export', 'csv', 7, '2026-11', '2026-Q4', null, null, null], ValidationException::class, 'An export covers a month, a quarter or a range of months: send either month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM.', []];
		yield 'an export of a month and a range' => [$c, ['export', 'csv', 7, '2026-11', null, null, null, null, null, '2026-01', '2026-03'], ValidationException::class, 'An export covers a month, a quarter or a range of months: send either month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM.', []];
		yield 'an export of nothing' => [$c, ['export', 'csv', 7, null, null, null, null, null], ValidationException::class, 'An export covers a month, a quarter or a range of months: send either month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM.', []];
		yield 'a range that ends before it starts' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2026-11', '2025-12'], ValidationException::class, 'The range starts in %1$s, after it ends in %2$s. Choose a start month on or before the end month.', ['2026-11', '2025-12']];
		yield 'a range longer than allowed' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2023-01', '2026-11'], ValidationException::class, 'The range covers %1$s months; at most %2$s months are allowed. Choose a shorter range.', ['47', '36']];
		yield 'a range without its end' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2026-01', ''], ValidationException::class, 'A range needs both from and to, each a month like 2026-01.', []];
		yield 'a malformed first month' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2026-13', '2026-12'], ValidationException::class, '%1$s must be a month like 2026-01.', ['From']];
		yield 'a malformed last month' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2026-01', 'December'], ValidationException::class, '%1$s must be a month like 2026-01.', ['To']];
		yield 'a range for a monthly report' => [$c, ['monthly', 'odt', 7, null, null, null, null, null, null, '2026-01', '2026-03'], ValidationException::class, 'A range of months (from, to) is for data exports only. Send month=YYYY-MM for a monthly status report or quarter=YYYY-Qn for a quarterly report.', []];
		yield 'a range for a quarterly report' => [$c, ['quarterly', 'odt', 7, null, '2026-Q1', null, null, null, null, '2026-01', '2026-03'], ValidationException::class, 'A range of months (from, to) is for data exports only. Send month=YYYY-MM for a monthly status report or quarter=YYYY-Qn for a quarterly report.', []];
		yield 'a range without any reporting period' => [$c, ['export', 'csv', 7, null, null, null, null, null, null, '2030-01', '2030-12'], NotFoundException::class, 'There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', ['2030-01', '2030-12']];
		yield 'a range of another organisation, by a coordinator' => [$k, ['export', 'csv', 7, null, null, null, null, 2, null, '2025-12', '2026-11'], ForbiddenException::class, 'You may make reports of the organisations you coordinate only.', []];
		yield 'names asked for by a coordinator' => [$k, ['export', 'csv', 7, '2026-11', null, null, true, null], ForbiddenException::class, 'Coordinators export their organisation\'s data pseudonymised only; tester names are for consolidators.', []];
		yield 'an unknown pilot' => [$c, ['monthly', 'odt', 99, '2026-11', null, null, null, null], NotFoundException::class, 'No pilot with id %1$s exists.', ['99']];
		yield 'an unknown organisation' => [$c, ['monthly', 'odt', 7, '2026-11', null, null, null, 9], NotFoundException::class, 'No organisation with id %1$s exists.', ['9']];
		yield 'another organisation, by a coordinator' => [$k, ['monthly', 'odt', 7, '2026-11', null, null, null, 2], ForbiddenException::class, 'You may make reports of the organisations you coordinate only.', []];
		yield 'no organisation, by a coordinator of two' => [new Actor('coord', coordinatorOrgIds: [1, 2]), ['monthly', 'odt', 7, '2026-11', null, null, null, null], ValidationException::class, 'You coordinate several organisations: choose one with organisationId.', []];
		yield 'a month without reporting period' => [$c, ['monthly', 'odt', 7, '2030-01', null, null, null, null], NotFoundException::class, 'There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', ['2030-01', '2030-01']];
		yield 'an unknown language' => [$c, ['monthly', 'odt', 7, '2026-11', null, 'fr', null, null], ValidationException::class, '%1$s must be one of: %2$s.', ['Language', 'de, en']];
	}

	/**
	 * @param list<mixed> $arguments type, format, pilot, month, quarter, language, names, organisation
	 * @param class-string<DomainError> $class
	 * @param list<string> $params
	 */
	#[DataProvider('refusedRequests')]
	public function testARefusedRequestRecordsNothing(Actor $actor, array $arguments, string $class, string $template, array $params): void {
		$this->maker->expects(self::never())->method('make');
		try {
			$this->service->request($actor, ...$arguments);
			self::fail('the request was accepted');
		} catch (DomainError $e) {
			self::assertInstanceOf($class, $e);
			self::assertSame($template, $e->getTemplate());
			self::assertSame($params, $e->getParams());
		}
		self::assertSame([], $this->inserted, 'no row');
		self::assertSame([], $this->queued, 'no job');
	}

	public function testCoordinatorsListTheirOwnReportsAndConsolidatorsEveryReport(): void {
		$owners = [];
		$this->mapper->method('findPage')->willReturnCallback(function (?string $owner, int $offset, int $limit) use (&$owners): array {
			$owners[] = [$owner, $offset, $limit];
			$report = new Report();
			$report->setId(3);
			$report->setRequestedBy('rki-coord');
			$report->setStatus(Report::STATUS_FAILED);
			$report->setError('{"template":"The folder \"%1$s\" is in use by another operation. Ask for the report again in a moment.","params":["Reports"]}');
			return [$report];
		});
		$this->mapper->method('count')->willReturn(21);

		$page = $this->service->list(self::coordinator(), 2, 10);
		$all = $this->service->list(self::consolidator(), null, '');

		self::assertSame([['rki-coord', 10, 10], [null, 0, 20]], $owners);
		self::assertSame(['total' => 21, 'page' => 2, 'limit' => 10], array_diff_key($page, ['reports' => true]));
		self::assertSame('The folder "Reports" is in use by another operation. Ask for the report again in a moment.', $page['reports'][0]['error']);
		self::assertSame('failed', $all['reports'][0]['status']);
		self::assertSame(20, $all['limit']);
	}

	public function testListingIsRefusedToTestersAndOutOfRange(): void {
		$this->mapper->expects(self::never())->method('findPage');
		foreach ([[self::tester(), 1, 20, ForbiddenException::class], [self::consolidator(), 1, 101, ValidationException::class], [self::consolidator(), 0, 20, ValidationException::class]] as [$actor, $page, $limit, $class]) {
			try {
				$this->service->list($actor, $page, $limit);
				self::fail('listed');
			} catch (DomainError $e) {
				self::assertInstanceOf($class, $e);
			}
		}
	}

	public function testACoordinatorReadsTheReportsTheyAskedForOnly(): void {
		$this->service->request(self::coordinator(), 'export', 'csv', 7, '2026-11', null, null, null, null);
		$this->service->request(self::consolidator(), 'export', 'csv', 7, '2026-11', null, null, null, null);

		self::assertSame('rki-coord', $this->service->get(self::coordinator(), 41)['requestedBy']);
		self::assertSame('bmi', $this->service->get(self::consolidator(), 42)['requestedBy']);
		self::assertSame('rki-coord', $this->service->get(self::consolidator(), '41')['requestedBy'], 'consolidators read every report');
		try {
			$this->service->get(self::coordinator(), 42);
			self::fail('a coordinator read a consolidator\'s report');
		} catch (ForbiddenException $e) {
			self::assertSame('You may see the reports you asked for only.', $e->getTemplate());
		}
		$this->expectException(NotFoundException::class);
		$this->service->get(self::consolidator(), 43);
	}
}
