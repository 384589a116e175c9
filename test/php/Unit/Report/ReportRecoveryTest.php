<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportRecovery;
use OCA\PilotFeedback\Report\ReportStorage;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\IAppConfig;
use OCP\IUser;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * The reports whose making died with its process: a run older than the stale limit is queued
 * again (its folder cleared of the temporary files earlier versions left) up to three runs,
 * then failed; a queued report without a background job gets one; what is being made, or
 * moved on meanwhile, is left alone; a stale run of the schedule that the schedule made again
 * is deleted. Every report folder is cleared of old leftovers once.
 */
final class ReportRecoveryTest extends TestCase {
	private const NOW = 1_800_000_000;
	private const STALE_AFTER = 900;

	private ReportRecovery $recovery;
	/** @var list<Report> */
	private array $unfinished = [];
	/** @var list<array{int, string, ?int}> requeue calls: id, from, startedAt */
	private array $requeued = [];
	/** Whether a report moves on between reading and re-queueing it */
	private bool $movedOn = false;
	/** @var list<int> ids handed to the background job */
	private array $jobs = [];
	/** @var list<int> ids that already have a background job */
	private array $withJob = [];
	/** @var list<int> ids given up on */
	private array $givenUp = [];
	/** @var list<string> "user:folder" whose leftovers were removed */
	private array $cleaned = [];
	private bool $leftoversSwept = false;
	/** @var list<int> ids of scheduled reports the schedule made again */
	private array $madeAgain = [];
	/** @var list<int> ids deleted */
	private array $deleted = [];
	/** @var list<string> warnings logged */
	private array $warnings = [];
	private ReportJobRunner&MockObject $runner;

	public static function setUpBeforeClass(): void {
		// ReportStorage needs IRootFolder, which extends OC\Hooks\Emitter (not loaded by the OCP-only bootstrap).
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			$public = dirname((string)(new \ReflectionClass(IUser::class))->getFileName());
			require_once dirname($public) . '/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$mapper = $this->createMock(ReportMapper::class);
		$mapper->method('staleAfter')->willReturn(self::STALE_AFTER);
		$mapper->method('findUnfinished')->willReturnCallback(fn (): array => $this->unfinished);
		$mapper->method('requeue')->willReturnCallback(function (int $id, string $from, ?int $startedAt): bool {
			$this->requeued[] = [$id, $from, $startedAt];
			return !$this->movedOn;
		});
		$mapper->method('hasNewerCadenceReport')->willReturnCallback(fn (Report $report): bool => in_array($report->getId(), $this->madeAgain, true));
		$mapper->method('delete')->willReturnCallback(function (Report $report): Report {
			$this->deleted[] = $report->getId();
			return $report;
		});
		$mapper->method('findFolders')->willReturn([
			['user' => 'bmi', 'folder' => 'Pilot Feedback/Reports', 'period' => '2026-11'],
			['user' => 'rki-coord', 'folder' => 'Berichte', 'period' => '2026-Q4'],
		]);
		$this->runner = $this->createMock(ReportJobRunner::class);
		$this->runner->method('queue')->willReturnCallback(function (Report $report): void {
			$this->jobs[] = $report->getId();
		});
		$this->runner->method('giveUp')->willReturnCallback(function (Report $report): Report {
			$this->givenUp[] = $report->getId();
			$report->setStatus($this->movedOn ? Report::STATUS_DONE : Report::STATUS_FAILED);
			return $report;
		});
		$storage = $this->createMock(ReportStorage::class);
		$storage->method('removeLeftovers')->willReturnCallback(function (string $userId, string $folder, int $olderThan): int {
			self::assertSame(self::NOW - self::STALE_AFTER, $olderThan, 'only files older than the stale limit');
			$this->cleaned[] = $userId . ':' . $folder;
			return 1;
		});
		$jobList = $this->createMock(IJobList::class);
		$jobList->method('has')->willReturnCallback(function (string $job, mixed $argument): bool {
			self::assertSame(GenerateReportJob::class, $job);
			return is_array($argument) && in_array($argument['reportId'] ?? null, $this->withJob, true);
		});
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$config = $this->createMock(IAppConfig::class);
		$config->method('getValueBool')->willReturnCallback(fn (): bool => $this->leftoversSwept);
		$config->method('setValueBool')->willReturnCallback(function (string $app, string $key, bool $value): bool {
			$this->leftoversSwept = $value;
			return true;
		});
		$logger = $this->createMock(LoggerInterface::class);
		$logger->method('warning')->willReturnCallback(function (string|\Stringable $message): void {
			$this->warnings[] = (string)$message;
		});
		$this->recovery = new ReportRecovery($mapper, $this->runner, $storage, $jobList, $time, $config, $logger);
		$this->leftoversSwept = true; // the once-only sweep is tested on its own
	}

	private static function report(int $id, string $status, ?int $startedAt, int $attempts, int $createdAt = self::NOW - 7200, string $origin = Report::ORIGIN_REQUEST): Report {
		$report = new Report();
		$report->setOrigin($origin);
		$report->setId($id);
		$report->setStatus($status);
		$report->setStartedAt($startedAt);
		$report->setAttempts($attempts);
		$report->setCreatedAt($createdAt);
		$report->setRequestedBy('bmi');
		$report->setFolder('Pilot Feedback/Reports');
		$report->setPeriod('2026-11');
		return $report;
	}

	public function testARunOlderThanTheStaleLimitIsQueuedAgainAndItsFolderCleared(): void {
		$this->unfinished = [self::report(5, Report::STATUS_RUNNING, self::NOW - self::STALE_AFTER - 1, 1)];

		self::assertSame(['requeued' => 1, 'failed' => 0, 'superseded' => 0, 'leftovers' => 1], $this->recovery->sweep());

		self::assertSame([[5, Report::STATUS_RUNNING, self::NOW - self::STALE_AFTER - 1]], $this->requeued, 'only if still in the run that was found stale');
		self::assertSame([5], $this->jobs);
		self::assertSame(['bmi:Pilot Feedback/Reports/2026-11'], $this->cleaned);
		self::assertSame([], $this->givenUp);
		self::assertCount(1, $this->warnings);
	}

	public function testARunWithinTheStaleLimitIsBeingMadeAndLeftAlone(): void {
		$this->unfinished = [self::report(5, Report::STATUS_RUNNING, self::NOW - self::STALE_AFTER, 1)];

		self::assertSame(['requeued' => 0, 'failed' => 0, 'superseded' => 0, 'leftovers' => 0], $this->recovery->sweep());

		self::assertSame([], $this->requeued);
		self::assertSame([], $this->jobs);
		self::assertSame([], $this->cleaned);
	}

	public function testARunningReportOfAnEarlierVersionWithoutStartTimeCountsFromItsRequest(): void {
		$this->unfinished = [self::report(6, Report::STATUS_RUNNING, null, 0)];

		$this->recovery->sweep();

		self::assertSame([[6, Report::STATUS_RUNNING, null]], $this->requeued);
		self::assertSame([6], $this->jobs);
	}

	public function testAfterTheLastAttemptTheReportFailsInsteadOfRunningAgain(): void {
		$this->unfinished = [self::report(7, Report::STATUS_RUNNING, self::NOW - 3600, ReportRecovery::MAX_ATTEMPTS)];

		self::assertSame(['requeued' => 0, 'failed' => 1, 'superseded' => 0, 'leftovers' => 1], $this->recovery->sweep());

		self::assertSame([7], $this->givenUp);
		self::assertSame([], $this->requeued);
		self::assertSame([], $this->jobs);
	}

	public function testAReportThatMovedOnMeanwhileIsNotQueuedAgain(): void {
		$this->movedOn = true;
		$this->unfinished = [
			self::report(5, Report::STATUS_RUNNING, self::NOW - 3600, 1),
			self::report(7, Report::STATUS_RUNNING, self::NOW - 3600, ReportRecovery::MAX_ATTEMPTS),
		];

		self::assertSame(['requeued' => 0, 'failed' => 0, 'superseded' => 0, 'leftovers' => 2], $this->recovery->sweep());

		self::assertSame([], $this->jobs, 'no second job for a report another run finished');
	}

	public function testAQueuedReportWithoutAJobGetsOneOnceItIsOlderThanTheLimit(): void {
		$this->withJob = [11];
		$this->unfinished = [
			self::report(10, Report::STATUS_QUEUED, null, 0, self::NOW - self::STALE_AFTER - 1),
			self::report(11, Report::STATUS_QUEUED, null, 0, self::NOW - 7200),
			self::report(12, Report::STATUS_QUEUED, null, 0, self::NOW - 10),
		];

		self::assertSame(['requeued' => 1, 'failed' => 0, 'superseded' => 0, 'leftovers' => 0], $this->recovery->sweep());

		self::assertSame([10], $this->jobs, 'not 11 (its job waits), not 12 (the request may still make it)');
		self::assertSame([], $this->requeued, 'its status stays queued');
	}

	public function testEveryReportFolderIsClearedOfOldLeftoversOnce(): void {
		$this->leftoversSwept = false;

		self::assertSame(2, $this->recovery->sweep()['leftovers']);
		self::assertSame(0, $this->recovery->sweep()['leftovers']);

		self::assertSame(['bmi:Pilot Feedback/Reports/2026-11', 'rki-coord:Berichte/2026-Q4'], $this->cleaned);
	}

	public function testAStaleRunOfTheScheduleThatTheScheduleMadeAgainIsDeletedNotRunTwice(): void {
		$this->madeAgain = [8];
		$this->unfinished = [
			self::report(8, Report::STATUS_RUNNING, self::NOW - 3600, 1, origin: Report::ORIGIN_CADENCE),
			self::report(9, Report::STATUS_RUNNING, self::NOW - 3600, 1, origin: Report::ORIGIN_CADENCE),
		];

		self::assertSame(['requeued' => 1, 'failed' => 0, 'superseded' => 1, 'leftovers' => 2], $this->recovery->sweep());

		self::assertSame([8], $this->deleted);
		self::assertSame([9], $this->jobs, 'a stale run the schedule did not make again is queued as any other');
	}
}
