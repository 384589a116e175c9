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
use OCA\PilotFeedback\Db\PeriodMapper;
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
use OCP\Files\FileNameTooLongException;
use OCP\Files\Folder;
use OCP\Files\IFilenameValidator;
use OCP\Files\IRootFolder;
use OCP\Files\Node;
use OCP\Files\NotPermittedException;
use OCP\IL10N;
use OCP\ITempManager;
use OCP\IUser;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use OCP\Notification\IManager as INotificationManager;
use OCP\Notification\INotification;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * A report's run: queued → running (claimed in one step, counted as an attempt) → done (file
 * saved, requester told, ReportGenerated sent) or failed (the reason recorded, logged with the
 * report's id and told, no file left in the requester's Files, nothing in their trash bin).
 * The requester's right to the data is checked again before a row is read. The runner works
 * with the real ReportMaker, DocumentMaker, ReportRequestChecker and ReportStorage; only the
 * database, the Files API, the writer and Nextcloud's services are stand-ins.
 */
final class ReportJobRunnerTest extends TestCase {
	private const NOW = 1_800_000_000;
	private const FOLDER_PATH = '/bmi/files/Pilot Feedback/Reports/2026-11';

	private ReportJobRunner $runner;
	private Report $stored;
	/** @var list<string> the status of each write (claimed as running, finished as done or failed), in order */
	private array $updates = [];
	/** Whether the report is still in the run that finishes (not deleted or restarted meanwhile) */
	private bool $stillOurs = true;
	/** Whether another process claims the report first */
	private bool $claimedElsewhere = false;
	/** @var list<object> events dispatched */
	private array $events = [];
	/** @var list<array{user: string, object: array{string, string}, subject: string, params: array<array-key, mixed>}> */
	private array $notified = [];
	/** @var list<string> messages logged as errors */
	private array $errors = [];
	/** @var list<array{string, array<array-key, mixed>}> warnings logged, with their context */
	private array $warnings = [];
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
	/** What reached the requester's Files */
	private string $upload;
	/** @var list<string> names of files created in the requester's Files */
	private array $created = [];
	/** @var list<bool> each deletion of a file in the requester's Files: whether it bypassed the trash bin */
	private array $deleted = [];
	/** What Nextcloud refuses when the file is created, if anything */
	private ?\Throwable $newFileRefused = null;
	/** The size Nextcloud reports for the created file, when it differs from what was written (a storage that cut it short) */
	private ?int $storedSize = null;
	/** Whether the requester may create files in the report folder */
	private bool $creatable = true;
	/** @var array<int, string> the organisations that exist, by id */
	private array $organisationNames = [1 => 'Robert Koch-Institut'];

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
		$logger->method('warning')->willReturnCallback(function (string|\Stringable $message, array $context = []): void {
			$this->warnings[] = [(string)$message, $context];
		});

		$mapper = $this->createMock(ReportMapper::class);
		$mapper->method('get')->willReturnCallback(fn (int $id): Report => $id === $this->stored->getId() ? $this->stored : throw new NotFoundException('No report with id %1$s exists.', [(string)$id]));
		$mapper->method('claim')->willReturnCallback(function (int $id, int $now): bool {
			if ($this->claimedElsewhere || $this->stored->getStatus() !== Report::STATUS_QUEUED) {
				return false;
			}
			$this->stored->setStatus(Report::STATUS_RUNNING);
			$this->stored->setStartedAt($now);
			$this->stored->setAttempts($this->stored->getAttempts() + 1);
			$this->updates[] = Report::STATUS_RUNNING;
			return true;
		});
		$mapper->method('finish')->willReturnCallback(function (Report $report, int $attempt): bool {
			self::assertSame($this->stored->getAttempts(), $attempt, 'the run finishes the attempt it started');
			if (!$this->stillOurs) {
				return false;
			}
			$this->updates[] = $report->getStatus();
			return true;
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

		$labels->method('organisation')->willReturnCallback(fn (int $id): string => $this->organisationNames[$id] ?? '#' . $id);
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('get')->willReturnCallback(function (int $id): Organisation {
			if (!isset($this->organisationNames[$id])) {
				throw new NotFoundException('No organisation with id %1$s exists.', [(string)$id]);
			}
			$organisation = new Organisation();
			$organisation->setName($this->organisationNames[$id]);
			return $organisation;
		});

		$policy = new Policy();
		$checker = new ReportRequestChecker($policy, $writers, $this->createMock(PilotMapper::class), $organisations, $this->createMock(ConsolidationMapper::class), $users, $l10nFactory, $this->createMock(PeriodMapper::class));
		$documents = new DocumentMaker($writers, $monthly, $this->createMock(QuarterlyReportBuilder::class), $this->createMock(ExportService::class), $labels, $l10nFactory);
		return new ReportMaker($users, $actors, $checker, $documents, $storage);
	}

	/**
	 * The real ReportStorage over a stand-in of bmi's Files: every folder exists, there is room,
	 * and the file Nextcloud creates is written to $this->upload.
	 */
	private function storage(LoggerInterface $logger): ReportStorage {
		$final = $this->createMock(File::class);
		$final->method('getId')->willReturn(412);
		$final->method('getName')->willReturnCallback(fn (): string => $this->created[0] ?? '');
		$final->method('getPath')->willReturnCallback(fn (): string => self::FOLDER_PATH . '/' . ($this->created[0] ?? ''));
		$final->method('getSize')->willReturnCallback(fn (): int => $this->storedSize ?? (int)filesize($this->upload));
		$final->method('delete')->willReturnCallback(function (): void {
			$this->deleted[] = ReportStorage::deletesDirectly(412);
			$this->created = [];
		});
		$folder = $this->createMock(Folder::class);
		$folder->method('getFreeSpace')->willReturn(1_000_000_000);
		$folder->method('isCreatable')->willReturnCallback(fn (): bool => $this->creatable);
		// the report folder's parts exist; of the files, those created
		$folder->method('nodeExists')->willReturnCallback(fn (string $name): bool => !str_contains($name, '.') || in_array($name, $this->created, true));
		$folder->method('get')->willReturnCallback(fn (string $name): Node => in_array($name, $this->created, true) ? $final : $folder);
		$folder->method('getPath')->willReturn(self::FOLDER_PATH);
		$folder->method('getNonExistingName')->willReturnArgument(0);
		$folder->method('newFile')->willReturnCallback(function (string $name, $content = null) use ($final): File {
			self::assertIsResource($content, 'the file is put into Files in one step, with its content');
			if ($this->newFileRefused !== null) {
				throw $this->newFileRefused;
			}
			$this->created[] = $name;
			$out = fopen($this->upload, 'wb');
			stream_copy_to_stream($content, $out);
			fclose($out);
			fclose($content); // as Nextcloud's View::file_put_contents does
			return $final;
		});
		$root = $this->createMock(IRootFolder::class);
		$root->method('getUserFolder')->willReturn($folder);
		$temp = $this->createMock(ITempManager::class);
		$temp->method('getTemporaryFile')->willReturn($this->temporary);
		$config = $this->createMock(IUserConfig::class);
		$config->method('getValueString')->willReturnCallback(static fn (string $userId, string $app, string $key, string $default = ''): string => $default);
		$names = $this->createMock(IFilenameValidator::class);
		$names->method('sanitizeFilename')->willReturnArgument(0);
		$names->method('validateFilename')->willReturnCallback(static function (string $name): void {
			if (strlen($name) > 250) {
				throw new FileNameTooLongException();
			}
		});
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
		$made = false;
		$report = $this->runner->run(5, $made);

		self::assertTrue($made);
		self::assertSame(Report::STATUS_DONE, $report->getStatus());
		self::assertSame([Report::STATUS_RUNNING, Report::STATUS_DONE], $this->updates, 'running first, then done');
		self::assertSame(self::NOW, $report->getStartedAt(), 'the run records when it started');
		self::assertSame(1, $report->getAttempts(), 'and counts the attempt');
		self::assertSame(412, $report->getFileId());
		self::assertSame('Monthly status report - 2026-11 - PoC 1.odt', $report->getFileName());
		self::assertSame(self::NOW, $report->getFinishedAt());
		self::assertNull($report->getError());
		// saved under the title in the report folder's period folder, in one step, with what the writer wrote
		self::assertSame(['Monthly status report - 2026-11 - PoC 1.odt'], $this->created);
		self::assertSame('the monthly report', file_get_contents($this->upload));
		self::assertSame([], $this->deleted);

		self::assertCount(1, $this->events);
		self::assertInstanceOf(ReportGenerated::class, $this->events[0]);
		self::assertSame($report, $this->events[0]->getReport());
		self::assertSame(ReportNotifier::SUBJECT_READY, $this->notified[0]['subject']);
		self::assertSame('bmi', $this->notified[0]['user']);
		self::assertSame(['reportId' => 5, 'fileId' => 412, 'fileName' => 'Monthly status report - 2026-11 - PoC 1.odt', 'path' => 'Pilot Feedback/Reports/2026-11/Monthly status report - 2026-11 - PoC 1.odt'], $this->notified[0]['params']);
		self::assertSame([], $this->errors);
		self::assertSame([], $this->warnings);
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
		// nothing was created in the requester's Files while the report was made, and the server-side copy is gone
		self::assertSame([], $this->created);
		self::assertSame([], $this->deleted);
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

	public function testNothingReachesTheRequestersFilesBeforeTheWholeReportIsWritten(): void {
		$this->writer = function ($stream): void {
			fwrite($stream, 'the first half');
			self::assertSame([], $this->created, 'nothing in Files while the report is made');
			fwrite($stream, ' and the second');
		};

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_DONE, $report->getStatus());
		self::assertSame('the first half and the second', file_get_contents($this->upload));
	}

	public function testAWriterThatGivesAReasonHasItRecordedAndLoggedAsAWarningWithTheReportsId(): void {
		$this->writer = static function (): void {
			throw new ReportFailedException('The chart font %1$s is missing.', ['DejaVuSans']);
		};

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The chart font %1$s is missing.', 'params' => ['DejaVuSans']], $this->recordedError($report));
		self::assertSame([], $this->created);
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
		self::assertSame([], $this->errors, 'a reason the requester can act on is not an error for the log');
		self::assertCount(1, $this->warnings);
		self::assertSame('Pilot Feedback: report {id} failed: {reason}', $this->warnings[0][0]);
		self::assertSame(5, $this->warnings[0][1]['id']);
		self::assertSame('The chart font DejaVuSans is missing.', $this->warnings[0][1]['reason']);
	}

	public function testAFileNextcloudRefusesToCreateIsToldWithTheRealCauseAndLeavesNothing(): void {
		$this->newFileRefused = new NotPermittedException('Could not create path "/bmi/files/Pilot Feedback/Reports/2026-11/x.odt"');

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		$error = $this->recordedError($report);
		self::assertSame('Nextcloud refused to create the file "%1$s" in "%2$s" (%3$s). Ask for the report again; if it fails again, choose another report folder or ask the administrator, who finds the details in the Nextcloud log.', $error['template']);
		self::assertSame(['Monthly status report - 2026-11 - PoC 1.odt', 'Pilot Feedback/Reports/2026-11'], array_slice($error['params'], 0, 2));
		self::assertSame([], $this->created);
		self::assertSame(5, $this->warnings[0][1]['id']);
		self::assertInstanceOf(NotPermittedException::class, $this->warnings[0][1]['exception'], 'the cause is in the log');
	}

	public function testAFolderWithoutTheRightToCreateFilesIsNamedAsTheCause(): void {
		$this->creatable = false;

		$report = $this->runner->run(5);

		self::assertSame(['template' => 'The report could not be saved in "%1$s": you may not create files in that folder (it is shared with you read-only, for example). Choose another report folder.', 'params' => ['Pilot Feedback/Reports/2026-11']], $this->recordedError($report));
		self::assertSame([], $this->created);
	}

	public function testAFileThatReachedFilesIncompleteIsDeletedAtOnceNotMovedToTheTrashBin(): void {
		$this->storedSize = 7;

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'There is not enough space in your Files for the report (your quota is used up or the disk is full). Free some space and ask for the report again.', 'params' => []], $this->recordedError($report));
		self::assertSame([true], $this->deleted, 'deleted once, bypassing the trash bin');
		self::assertSame([], $this->created, 'nothing is left in Files');
		self::assertFalse(ReportStorage::deletesDirectly(412), 'only that deletion bypassed the trash bin');
	}

	public function testAReportDeletedOrRestartedWhileItsFileWasSavedHasTheFileRemovedAgain(): void {
		$this->stillOurs = false;
		$this->stored->setStatus(Report::STATUS_QUEUED);

		$made = true;
		$this->runner->run(5, $made);

		self::assertFalse($made, 'this run did not make the report');
		self::assertSame([Report::STATUS_RUNNING], $this->updates, 'no outcome recorded over the newer state');
		self::assertSame([true], $this->deleted, 'the file is removed, bypassing the trash bin');
		self::assertSame([], $this->notified, 'nobody is told about a file that is gone');
		self::assertSame([], $this->events);
		self::assertSame('Pilot Feedback: report {id} was deleted or restarted while attempt {attempt} was made; its file is removed again', $this->warnings[0][0]);
	}

	public function testARequesterWhoseAccountIsGoneGetsNoReport(): void {
		$this->stored->setRequestedBy('gone');

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The account %1$s that asked for the report no longer exists.', 'params' => ['gone']], $this->recordedError($report));
		self::assertSame('gone', $this->notified[0]['user']);
		self::assertSame([], $this->created);
	}

	/** @return iterable<string, array{Actor, ?int, bool, string, list<string>}> */
	public static function lostRights(): iterable {
		yield 'a consolidator who is no longer one' => [new Actor('bmi', memberOrgIds: [1]), null, false, 'You no longer have access to the figures of all organisations: you are no longer a consolidator. The report was not made.', []];
		yield 'a coordinator who no longer coordinates the organisation' => [new Actor('bmi', memberOrgIds: [1], coordinatorOrgIds: [2]), 1, false, 'You no longer have access to the data of %1$s: you are no longer its coordinator. The report was not made.', ['Robert Koch-Institut']];
		yield 'a coordinator without any role now' => [new Actor('bmi'), 1, false, 'You no longer have access to the data of %1$s: you are no longer its coordinator. The report was not made.', ['Robert Koch-Institut']];
		yield 'the organisation deleted' => [new Actor('bmi', coordinatorOrgIds: [2]), 3, false, 'You no longer have access to the data of the organisation with id %1$s: it was deleted. The report was not made.', ['3']];
		yield 'names, by one who is no longer a consolidator' => [new Actor('bmi', coordinatorOrgIds: [1]), 1, true, 'You no longer have access to tester names: only consolidators export them, and you are no longer one. The export was not made.', []];
	}

	/** @param list<string> $params */
	#[DataProvider('lostRights')]
	public function testTheRequestersRightIsCheckedAgainWhenTheReportIsMadeAndNoRowIsWritten(Actor $now, ?int $organisationId, bool $withNames, string $template, array $params): void {
		$this->stored->setType(ReportRequest::EXPORT);
		$this->stored->setFormat('odt');
		$this->stored->setOrgId($organisationId);
		$this->stored->setPseudonymised(!$withNames);
		$this->requester = $now;
		$this->writer = static function (): void {
			self::fail('no row may be read or written');
		};

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => $template, 'params' => $params], $this->recordedError($report));
		self::assertSame([], $this->created, 'no file');
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
		self::assertSame([], $this->errors, 'the requester is told why; no "unexpected error"');
	}

	public function testACoordinatorWhoStillCoordinatesTheOrganisationGetsTheReport(): void {
		$this->stored->setOrgId(1);
		$this->requester = new Actor('bmi', memberOrgIds: [1], coordinatorOrgIds: [1]);

		self::assertSame(Report::STATUS_DONE, $this->runner->run(5)->getStatus());
	}

	public function testAnUnexpectedErrorIsLoggedAndToldInGeneralTerms(): void {
		$this->rolesUnavailable = new \RuntimeException('LDAP server unreachable');

		$report = $this->runner->run(5);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame([Report::STATUS_RUNNING, Report::STATUS_FAILED], $this->updates);
		self::assertSame(['template' => 'The report could not be made because of an unexpected error; the administrator finds the details in the Nextcloud log.', 'params' => []], $this->recordedError($report));
		self::assertSame(['Pilot Feedback: report {id} failed'], $this->errors);
		self::assertStringNotContainsString('LDAP', (string)$report->getError(), 'the details stay in the log');
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
		self::assertSame([], $this->created);
	}

	public function testAReportThatIsNotQueuedIsLeftAlone(): void {
		foreach ([Report::STATUS_RUNNING, Report::STATUS_DONE, Report::STATUS_FAILED] as $status) {
			$this->stored->setStatus($status);
			$made = true;
			self::assertSame($status, $this->runner->run(5, $made)->getStatus());
			self::assertFalse($made);
		}
		self::assertSame([], $this->updates);
		self::assertSame([], $this->created);
		self::assertSame([], $this->notified);
		self::assertSame([], $this->events);
	}

	public function testAReportAnotherProcessClaimedFirstIsLeftToIt(): void {
		$this->claimedElsewhere = true;

		$made = true;
		$report = $this->runner->run(5, $made);

		self::assertFalse($made);
		self::assertSame(Report::STATUS_QUEUED, $report->getStatus());
		self::assertSame([], $this->created);
		self::assertSame([], $this->updates);
	}

	public function testGivingUpOnAReportWhoseRunsKeptDyingFailsItWithAReasonAndTellsTheRequester(): void {
		$this->stored->setStatus(Report::STATUS_RUNNING);
		$this->stored->setAttempts(3);

		$report = $this->runner->giveUp($this->stored);

		self::assertSame(Report::STATUS_FAILED, $report->getStatus());
		self::assertSame(['template' => 'The report was started %1$s times and each time the server stopped before it was finished (for example for lack of memory or time). Ask for a smaller report (one pilot, or one month), or ask the administrator to look into the Nextcloud log.', 'params' => ['3']], $this->recordedError($report));
		self::assertSame([Report::STATUS_FAILED], $this->updates);
		self::assertSame(ReportNotifier::SUBJECT_FAILED, $this->notified[0]['subject']);
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
			'export', null, 3, '2026-Q4', 'xlsx', 'de', false, 'cadence', 'bmi', 'Pilot Feedback/Reports', 'queued', self::NOW, null, null, null, null, 0,
		], [
			$report->getType(), $report->getPilotId(), $report->getOrgId(), $report->getPeriod(), $report->getFormat(), $report->getLanguage(),
			$report->getPseudonymised(), $report->getOrigin(), $report->getRequestedBy(), $report->getFolder(), $report->getStatus(),
			$report->getCreatedAt(), $report->getFileId(), $report->getError(), $report->getFinishedAt(), $report->getStartedAt(), $report->getAttempts(),
		]);
	}

	public function testQueueingHandsTheReportToTheBackgroundJob(): void {
		$this->runner->queue(self::queued());
		self::assertSame([[GenerateReportJob::class, ['reportId' => 5]]], $this->jobs);
		self::assertSame([], $this->updates, 'queueing changes no status');
	}
}
