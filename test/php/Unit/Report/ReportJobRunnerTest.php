<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\DocumentMaker;
use OCA\PilotFeedback\Report\ExportService;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\MonthlyReportBuilder;
use OCA\PilotFeedback\Report\QuarterlyReportBuilder;
use OCA\PilotFeedback\Report\ReportFolderValidator;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportMaker;
use OCA\PilotFeedback\Report\ReportNotifications;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\Config\IUserConfig;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IFilenameValidator;
use OCP\Files\IRootFolder;
use OCP\Files\NotPermittedException;
use OCP\IL10N;
use OCP\ITempManager;
use OCP\IUser;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use OCP\Notification\IManager as INotificationManager;
use OCP\Notification\INotification;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * A report's run: queued → running → done (file saved, requester told, ReportGenerated sent)
 * or failed (the reason recorded and told, no file left in the requester's Files). The
 * runner works with the real ReportMaker, DocumentMaker and ReportStorage; only the
 * database, the Files API, the writer and Nextcloud's services are stand-ins.
 */
final class ReportJobRunnerTest extends TestCase {
	private const NOW = 1_800_000_000;
	private const FOLDER_PATH = '/bmi/files/Pilot Feedback/Reports/2026-11';

	private ReportJobRunner $runner;
	private Report $stored;
	/** @var list<string> the status of each update, in order */
	private array $updates = [];
	/** @var list<object> events dispatched */
	private array $events = [];
	/** @var list<array{user: string, object: array{string, string}, subject: string, params: array<array-key, mixed>}> */
	private array $notified = [];
	/** @var list<string> messages logged as errors */
	private array $errors = [];
	/** @var list<array{string, mixed}> inserts and job additions */
	private array $jobs = [];
	/** @var \Closure(resource): void what the document writer does */
	private \Closure $writer;
	/** The roles the requester has now */
	private Actor $requester;
	/** What reading the requester's roles throws, if anything */
	private ?\Throwable $rolesUnavailable = null;
	/** The server-side temporary file ReportStorage writes first */
	private string $temporary;
	/** The file in the requester's Files the partial report is written to */
	private string $upload;
	/** @var list<string> names of files created in the requester's Files */
	private array $created = [];
	/** @var list<string> paths files were moved to */
	private array $moved = [];
	private int $deleted = 0;
	private bool $moveRefused = false;

	public static function setUpBeforeClass(): void {
		// IRootFolder extends OC\Hooks\Emitter, a server class the unit bootstrap (OCP only) does not load.
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			$public = dirname((string)(new \ReflectionClass(IUser::class))->getFileName());
			require_once dirname($public) . '/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$this->requester = new Actor('bmi', isConsolidator: true);
		$this->writer = static function ($stream): void {
			fwrite($stream, 'the monthly report');
		};
		$this->temporary = (string)tempnam(sys_get_temp_dir(), 'pf-test');
		$this->upload = (string)tempnam(sys_get_temp_dir(), 'pf-test');
		$this->stored = self::queued();

		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$time->method('getDateTime')->willReturnCallback(static fn (): \DateTime => new \DateTime('@' . self::NOW));
		$logger = $this->createMock(LoggerInterface::class);
		$logger->method('error')->willReturnCallback(function (string|\Stringable $message): void {
			$this->errors[] = (string)$message;
		});

		$mapper = $this->createMock(ReportMapper::class);
		$mapper->method('get')->willReturnCallback(fn (int $id): Report => $id === $this->stored->getId() ? $this->stored : throw new NotFoundException('No report with id %1$s exists.', [(string)$id]));
		$mapper->method('update')->willReturnCallback(function (Report $report): Report {
			$this->updates[] = $report->getStatus();
			return $report;
		});
		$mapper->method('insert')->willReturnCallback(function (Report $report): Report {
			$this->jobs[] = ['insert', $report];
			$report->setId(12);
			return $report;
		});
		$dispatcher = $this->createMock(IEventDispatcher::class);
		$dispatcher->method('dispatchTyped')->willReturnCallback(function (object $event): void {
			$this->events[] = $event;
		});
		$jobList = $this->createMock(IJobList::class);
		$jobList->method('add')->willReturnCallback(function (string $job, mixed $argument = null): void {
			$this->jobs[] = [$job, $argument];
		});

		$storage = $this->storage($logger);
		$this->runner = new ReportJobRunner(
			$mapper,
			$this->maker($storage),
			$storage,
			new ReportNotifications($this->notifications(), $time),
			$jobList,
			$time,
			$logger,
			$dispatcher,
		);
	}

	protected function tearDown(): void {
		@unlink($this->temporary);
		@unlink($this->upload);
	}

	/** Bmi's monthly report of November 2026 for pilot 7, as recorded and queued. */
	private static function queued(): Report {
		$report = new Report();
		$report->setId(5);
		$report->setType(ReportRequest::MONTHLY);
		$report->setPilotId(7);
		$report->setOrgId(null);
		$report->setPeriod('2026-11');
		$report->setFormat('odt');
		$report->setLanguage('en');
		$report->setPseudonymised(true);
		$report->setOrigin(Report::ORIGIN_REQUEST);
		$report->setRequestedBy('bmi');
		$report->setFolder('Pilot Feedback/Reports');
		$report->setStatus(Report::STATUS_QUEUED);
		$report->setCreatedAt(self::NOW - 60);
		return $report;
	}

	/** The real ReportMaker: bmi exists with the roles in $this->requester; the odt writer runs $this->writer. */
	private function maker(ReportStorage $storage): ReportMaker {
		$user = $this->createMock(IUser::class);
		$user->method('getUID')->willReturn('bmi');
		$users = $this->createMock(IUserManager::class);
		$users->method('get')->willReturnCallback(static fn (string $uid): ?IUser => $uid === 'bmi' ? $user : null);
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('forUser')->willReturnCallback(fn (): Actor => $this->rolesUnavailable === null ? $this->requester : throw $this->rolesUnavailable);

		$odt = $this->createMock(DocumentWriter::class);
		$odt->method('format')->willReturn('odt');
		$odt->method('write')->willReturnCallback(function (Document $document, $stream): void {
			($this->writer)($stream);
		});
		$writers = new WriterRegistry([$odt]);
		$monthly = $this->createMock(MonthlyReportBuilder::class);
		$monthly->method('build')->willReturn(Samples::document('en'));
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('pilot')->willReturnCallback(static fn (int $id): string => $id === 7 ? 'PoC 1' : '#' . $id);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		$l10nFactory = $this->createMock(IFactory::class);
		$l10nFactory->method('get')->willReturn($l);

		$policy = new Policy();
		$checker = new ReportRequestChecker($policy, $writers, $this->createMock(PilotMapper::class), $this->createMock(OrganisationMapper::class), $this->createMock(ConsolidationMapper::class), $users, $l10nFactory);
		$documents = new DocumentMaker($writers, $monthly, $this->createMock(QuarterlyReportBuilder::class), $this->createMock(ExportService::class), $labels, $l10nFactory);
		return new ReportMaker($users, $actors, $policy, $checker, $documents, $storage);
	}

	/**
	 * The real ReportStorage over a stand-in of bmi's Files: every folder exists, there is room,
	 * and the partial file is written to $this->upload.
	 */
	private function storage(LoggerInterface $logger): ReportStorage {
		$final = $this->createMock(File::class);
		$final->method('getId')->willReturn(412);
		$final->method('getName')->willReturn('Monthly status report - 2026-11 - PoC 1.odt');
		$partial = $this->createMock(File::class);
		$partial->method('fopen')->willReturnCallback(fn (string $mode) => fopen($this->upload, $mode));
		$partial->method('getPath')->willReturn(self::FOLDER_PATH . '/.pilotfeedback-partial.tmp');
		$partial->method('move')->willReturnCallback(function (string $path) use ($final): File {
			if ($this->moveRefused) {
				throw new NotPermittedException('read-only share');
			}
			$this->moved[] = $path;
			return $final;
		});
		$partial->method('delete')->willReturnCallback(function (): void {
			$this->deleted++;
		});
		$folder = $this->createMock(Folder::class);
		$folder->method('getFreeSpace')->willReturn(1_000_000_000);
		$folder->method('nodeExists')->willReturn(true);
		$folder->method('get')->willReturn($folder);
		$folder->method('getPath')->willReturn(self::FOLDER_PATH);
		$folder->method('getNonExistingName')->willReturnArgument(0);
		$folder->method('newFile')->willReturnCallback(function (string $name) use ($partial): File {
			$this->created[] = $name;
			return $partial;
		});
		$root = $this->createMock(IRootFolder::class);
		$root->method('getUserFolder')->willReturn($folder);
		$temp = $this->createMock(ITempManager::class);
		$temp->method('getTemporaryFile')->willReturn($this->temporary);
		$config = $this->createMock(IUserConfig::class);
		$config->method('getValueString')->willReturnCallback(static fn (string $userId, string $app, string $key, string $default = ''): string => $default);
		$names = $this->createMock(IFilenameValidator::class);
		$names->method('sanitizeFilename')->willReturnArgument(0);
		return new ReportStorage($root, $config, $temp, $names, new ReportFolderValidator($names), $logger);
	}

	/** A notification manager that records what is sent. */
	private function notifications(): INotificationManager {
		/** @var \SplObjectStorage<INotification, \ArrayObject<string, mixed>> $created */
		$created = new \SplObjectStorage();
		$manager = $this->createMock(INotificationManager::class);
		$manager->method('createNotification')->willReturnCallback(function () use ($created): INotification {
			$values = new \ArrayObject();
			$notification = $this->createMock(INotification::class);
			$notification->method('setApp')->willReturnSelf();
			$notification->method('setDateTime')->willReturnSelf();
			$notification->method('setUser')->willReturnCallback(static function (string $user) use ($notification, $values): INotification {
				$values['user'] = $user;
				return $notification;
			});
			$notification->method('setObject')->willReturnCallback(static function (string $type, string $id) use ($notification, $values): INotification {
				$values['object'] = [$type, $id];
				return $notification;
			});
			$notification->method('setSubject')->willReturnCallback(static function (string $subject, array $params = []) use ($notification, $values): INotification {
				$values['subject'] = $subject;
				$values['params'] = $params;
				return $notification;
			});
			$created[$notification] = $values;
			return $notification;
		});
		$manager->method('notify')->willReturnCallback(function (INotification $notification) use ($created): void {
			$this->notified[] = $created[$notification]->getArrayCopy();
		});
		return $manager;
	}

	/** @return array{template: string, params: list<string>} */
	private function recordedError(Report $report): array {
		$error = $report->getError();
		self::assertNotNull($error, 'a failed report records why');
		return json_decode($error, true, flags: JSON_THROW_ON_ERROR);
	}

	public function testARunThatSucceedsMarksTheReportDoneAndSendsReportGenerated(): void {
		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_DONE, $report->getStatus());
		self::assertSame([Report::STATUS_RUNNING, Report::STATUS_DONE], $this->updates, 'running first, then done');
		self::assertSame(412, $report->getFileId());
		self::assertSame('Monthly status report - 2026-11 - PoC 1.odt', $report->getFileName());
		self::assertSame(self::NOW, $report->getFinishedAt());
		self::assertNull($report->getError());
		// saved under the title in the report folder's period folder, with what the writer wrote
		self::assertSame([self::FOLDER_PATH . '/Monthly status report - 2026-11 - PoC 1.odt'], $this->moved);
		self::assertSame('the monthly report', file_get_contents($this->upload));
		self::assertSame(0, $this->deleted);

		self::assertCount(1, $this->events);
		self::assertInstanceOf(ReportGenerated::class, $this->events[0]);
		self::assertSame($report, $this->events[0]->getReport());
		self::assertSame([[
			'user' => 'bmi',
			'object' => [ReportNotifier::OBJECT_TYPE, '5'],
			'subject' => ReportNotifier::SUBJECT_READY,
			'params' => ['reportId' => 5, 'fileId' => 412, 'fileName' => 'Monthly status report - 2026-11 - PoC 1.odt', 'path' => 'Pilot Feedback/Reports/2026-11/Monthly status report - 2026-11 - PoC 1.odt'],
		]], $this->notified);
		self::assertSame([], $this->errors);
		self::assertFileDoesNotExist($this->temporary, 'the server-side temporary file is removed');
	}

	public function testAFailingWriterMarksTheReportFailedWithAReasonAndLeavesNoFile(): void {
		$this->writer = static function ($stream): void {
			fwrite($stream, 'half a report');
			throw new \RuntimeException('zip: out of memory');
		};

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame([Report::STATUS_RUNNING, Report::STATUS_FAILED], $this->updates);
		self::assertSame(['template' => 'The report could not be saved because of an unexpected error; the administrator finds the details in the Nextcloud log.', 'params' => []], $this->recordedError($report));
		self::assertSame(self::NOW, $report->getFinishedAt());
		self::assertNull($report->getFileId());
		self::assertNull($report->getFileName());
		// nothing was created in the requester's Files, and the server-side copy is gone
		self::assertSame([], $this->created);
		self::assertSame([], $this->moved);
		self::assertFileDoesNotExist($this->temporary);
		self::assertSame(['A report could not be saved'], $this->errors, 'the cause is logged for the administrator');

		self::assertSame([], $this->events, 'no ReportGenerated for a failed report');
		self::assertSame([[
			'user' => 'bmi',
			'object' => [ReportNotifier::OBJECT_TYPE, '5'],
			'subject' => ReportNotifier::SUBJECT_FAILED,
			'params' => ['reportId' => 5, 'template' => 'The report could not be saved because of an unexpected error; the administrator finds the details in the Nextcloud log.', 'params' => []],
		]], $this->notified);
	}

	public function testAWriterThatGivesAReasonHasItRecorded(): void {
		$this->writer = static function (): void {
			throw new ReportFailedException('The chart font %1$s is missing.', ['DejaVuSans']);
		};

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The chart font %1$s is missing.', 'params' => ['DejaVuSans']], $this->recordedError($report));
		self::assertSame([], $this->created);
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
		self::assertSame([], $this->errors, 'a reason the requester can act on is not an error for the log');
	}

	public function testAFileThatCannotBeMovedIntoPlaceIsRemoved(): void {
		$this->moveRefused = true;

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The report could not be saved in "%1$s": writing there is not allowed. Choose another report folder.', 'params' => ['Pilot Feedback/Reports/2026-11']], $this->recordedError($report));
		self::assertCount(1, $this->created, 'the partial file was written');
		self::assertSame(1, $this->deleted, 'and removed again');
		self::assertSame([], $this->events);
	}

	public function testARequesterWhoseAccountIsGoneGetsNoReport(): void {
		$this->stored->setRequestedBy('gone');

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The account %1$s that asked for the report no longer exists.', 'params' => ['gone']], $this->recordedError($report));
		self::assertSame('gone', $this->notified[0]['user']);
		self::assertSame([], $this->created);
	}

	public function testARequesterWhoLostTheirRoleGetsNoReport(): void {
		$this->requester = new Actor('bmi', memberOrgIds: [1]);

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'Only consolidators and the coordinators of an organisation make reports.', 'params' => []], $this->recordedError($report));
		self::assertSame([], $this->created);
	}

	public function testNamesAreMadeForConsolidatorsOnly(): void {
		$this->stored->setPseudonymised(false);
		$this->requester = new Actor('bmi', coordinatorOrgIds: [1]);

		$report = $this->runner->run(5);

		self::assertSame(['template' => 'Only consolidators may ask for tester names.', 'params' => []], $this->recordedError($report));
	}

	public function testAnUnexpectedErrorIsLoggedAndToldInGeneralTerms(): void {
		$this->rolesUnavailable = new \RuntimeException('LDAP server unreachable');

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame([Report::STATUS_RUNNING, Report::STATUS_FAILED], $this->updates);
		self::assertSame(['template' => 'The report could not be made because of an unexpected error; the administrator finds the details in the Nextcloud log.', 'params' => []], $this->recordedError($report));
		self::assertSame(['Report 5 failed'], $this->errors);
		self::assertStringNotContainsString('LDAP', (string)$report->getError(), 'the details stay in the log');
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
		self::assertSame([], $this->created);
	}

	public function testAReportThatIsNotQueuedIsLeftAlone(): void {
		foreach ([Report::STATUS_RUNNING, Report::STATUS_DONE, Report::STATUS_FAILED] as $status) {
			$this->stored->setStatus($status);
			self::assertSame($status, $this->runner->run(5)->getStatus());
		}
		self::assertSame([], $this->updates);
		self::assertSame([], $this->created);
		self::assertSame([], $this->notified);
		self::assertSame([], $this->events);
	}

	public function testAReportThatIsGoneIsNotFound(): void {
		$this->expectException(NotFoundException::class);
		$this->runner->run(99);
	}

	public function testRecordingStoresAQueuedRowInTheRequestersReportFolder(): void {
		$request = new ReportRequest(ReportRequest::EXPORT, null, '2026-Q4', 'xlsx', 'de', true, 3);

		$report = $this->runner->record($request, 'bmi', Report::ORIGIN_CADENCE);

		self::assertSame('insert', $this->jobs[0][0]);
		self::assertSame(12, $report->getId());
		self::assertSame([
			'export', null, 3, '2026-Q4', 'xlsx', 'de', false, 'cadence', 'bmi', 'Pilot Feedback/Reports', 'queued', self::NOW, null, null, null,
		], [
			$report->getType(), $report->getPilotId(), $report->getOrgId(), $report->getPeriod(), $report->getFormat(), $report->getLanguage(),
			$report->getPseudonymised(), $report->getOrigin(), $report->getRequestedBy(), $report->getFolder(), $report->getStatus(),
			$report->getCreatedAt(), $report->getFileId(), $report->getError(), $report->getFinishedAt(),
		]);
	}

	public function testQueueingHandsTheReportToTheBackgroundJob(): void {
		$this->runner->queue(self::queued());
		self::assertSame([[GenerateReportJob::class, ['reportId' => 5]]], $this->jobs);
		self::assertSame([], $this->updates, 'queueing changes no status');
	}
}
