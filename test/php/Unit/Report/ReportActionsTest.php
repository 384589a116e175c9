<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Report\ReportActions;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportPresenter;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\IL10N;
use OCP\IUser;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * Trying a failed report again and deleting a report: for the one who asked for it, and for
 * every consolidator when the schedule made it; nobody else. Trying again checks the
 * requester's right to the data as it is now and queues the report for the same requester;
 * deleting removes the record and the file the app saved.
 */
final class ReportActionsTest extends TestCase {
	private ReportActions $actions;
	/** @var array<int, Report> the recorded reports by id */
	private array $reports = [];
	/** @var array<string, Actor> the roles each account has now */
	private array $roles = [];
	/** @var list<int> ids queued again */
	private array $requeued = [];
	/** Whether the report moves on between reading and re-queueing it */
	private bool $movedOn = false;
	/** @var list<int> ids handed to the background job */
	private array $jobs = [];
	/** @var list<int> ids deleted */
	private array $deleted = [];
	/** @var list<array{string, int, string}> files removed: owner, file id, name */
	private array $removedFiles = [];
	private bool $fileStillThere = true;

	protected function setUp(): void {
		$this->roles = [
			'bmi' => new Actor('bmi', isConsolidator: true),
			'bmi2' => new Actor('bmi2', isConsolidator: true),
			'rki-coord' => new Actor('rki-coord', memberOrgIds: [1], coordinatorOrgIds: [1]),
			'bsh-coord' => new Actor('bsh-coord', memberOrgIds: [2], coordinatorOrgIds: [2]),
		];
		$mapper = $this->createMock(ReportMapper::class);
		$mapper->method('get')->willReturnCallback(fn (int $id): Report => $this->reports[$id] ?? throw new NotFoundException('No report with id %1$s exists.', [(string)$id]));
		$mapper->method('requeue')->willReturnCallback(function (int $id, string $from, ?int $startedAt): bool {
			self::assertSame(Report::STATUS_FAILED, $from);
			if ($this->movedOn) {
				return false;
			}
			$this->requeued[] = $id;
			$this->reports[$id]->setStatus(Report::STATUS_QUEUED);
			$this->reports[$id]->setError(null);
			return true;
		});
		$mapper->method('delete')->willReturnCallback(function (Report $report): Report {
			$this->deleted[] = $report->getId();
			return $report;
		});
		$runner = $this->createMock(ReportJobRunner::class);
		$runner->method('queue')->willReturnCallback(function (Report $report): void {
			$this->jobs[] = $report->getId();
		});
		$storage = $this->createMock(ReportStorage::class);
		$storage->method('removeReportFile')->willReturnCallback(function (string $userId, int $fileId, string $name): bool {
			$this->removedFiles[] = [$userId, $fileId, $name];
			return $this->fileStillThere;
		});
		$users = $this->createMock(IUserManager::class);
		$users->method('get')->willReturnCallback(fn (string $uid): ?IUser => isset($this->roles[$uid]) ? $this->createConfiguredMock(IUser::class, ['getUID' => $uid]) : null);
		$users->method('getDisplayName')->willReturnCallback(fn (string $uid): ?string => isset($this->roles[$uid]) ? ($uid === 'bmi2' ? 'Second consolidator' : $uid) : null);
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('forUser')->willReturnCallback(fn (IUser $user): Actor => $this->roles[$user->getUID()]);
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('get')->willReturnCallback(static function (int $id): Organisation {
			$organisation = new Organisation();
			$organisation->setName(['1' => 'RKI', '2' => 'BSH'][(string)$id]);
			return $organisation;
		});
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		$policy = new Policy();
		$checker = new ReportRequestChecker($policy, new WriterRegistry([], []), $this->createMock(PilotMapper::class), $organisations, $this->createMock(ConsolidationMapper::class), $users, $this->createMock(IFactory::class), $this->createMock(PeriodMapper::class));
		$presenter = new ReportPresenter($l, new UserNames($users, $this->createMock(Pseudonyms::class)));
		$this->actions = new ReportActions($mapper, $checker, $runner, $storage, $presenter, $policy, $actors, $users);

		$this->record(1, 'rki-coord', Report::ORIGIN_REQUEST, Report::STATUS_FAILED, 1);
		$this->record(2, 'bmi', Report::ORIGIN_REQUEST, Report::STATUS_FAILED, null);
		$this->record(3, 'bmi2', Report::ORIGIN_CADENCE, Report::STATUS_FAILED, null);
		$this->record(4, 'rki-coord', Report::ORIGIN_REQUEST, Report::STATUS_DONE, 1);
		$this->record(5, 'bmi2', Report::ORIGIN_CADENCE, Report::STATUS_DONE, null);
	}

	private function record(int $id, string $requester, string $origin, string $status, ?int $organisationId): void {
		$report = new Report();
		$report->setId($id);
		$report->setType(ReportRequest::MONTHLY);
		$report->setPeriod('2026-11');
		$report->setFormat('odt');
		$report->setLanguage('en');
		$report->setOrgId($organisationId);
		$report->setRequestedBy($requester);
		$report->setOrigin($origin);
		$report->setFolder('Pilot Feedback/Reports');
		$report->setStatus($status);
		if ($status === Report::STATUS_FAILED) {
			$report->setError('{"template":"The report could not be made.","params":[]}');
		} else {
			$report->setFileId(400 + $id);
			$report->setFileName('Report ' . $id . '.odt');
		}
		$this->reports[$id] = $report;
	}

	public function testTheRequesterTriesTheirFailedReportAgainAndItIsQueuedForThem(): void {
		$answer = $this->actions->retry($this->roles['rki-coord'], '1');

		self::assertSame([1], $this->requeued);
		self::assertSame([1], $this->jobs);
		self::assertSame('queued', $answer['status']);
		self::assertSame('rki-coord', $answer['requestedBy'], 'the same requester');
		self::assertNull($answer['error']);
	}

	public function testAnyConsolidatorTriesAScheduledReportAgainForItsOwner(): void {
		$answer = $this->actions->retry($this->roles['bmi'], 3);

		self::assertSame([3], $this->jobs);
		self::assertSame('bmi2', $answer['requestedBy'], 'still saved into the Files of the schedule\'s consolidator');
	}

	/** @return iterable<string, array{string, int, string}> */
	public static function notTheirs(): iterable {
		yield 'a consolidator, another one\'s requested report' => ['bmi2', 2, 'You may try again only the reports you asked for (consolidators: also the scheduled reports).'];
		yield 'a consolidator, a coordinator\'s report' => ['bmi', 1, 'You may try again only the reports you asked for (consolidators: also the scheduled reports).'];
		yield 'a coordinator, another coordinator\'s report' => ['bsh-coord', 1, 'You may try again only the reports you asked for (consolidators: also the scheduled reports).'];
		yield 'a coordinator, a scheduled report' => ['rki-coord', 3, 'You may try again only the reports you asked for (consolidators: also the scheduled reports).'];
	}

	#[DataProvider('notTheirs')]
	public function testNobodyElseTriesAReportAgain(string $caller, int $id, string $template): void {
		$this->expectRefusal(ForbiddenException::class, $template, [], fn () => $this->actions->retry($this->roles[$caller], $id));
	}

	public function testTestersTryNothingAgain(): void {
		$this->expectRefusal(ForbiddenException::class, 'Only consolidators and the coordinators of an organisation make reports.', [], fn () => $this->actions->retry(new Actor('rki-tester1', memberOrgIds: [1]), 1));
	}

	public function testARequesterWhoLostTheRightToTheDataCannotTryAgain(): void {
		// rki-coord now coordinates BSH only: the report of RKI is no longer theirs to make
		$now = new Actor('rki-coord', memberOrgIds: [1], coordinatorOrgIds: [2]);
		$this->roles['rki-coord'] = $now;

		$this->expectRefusal(ForbiddenException::class, 'You no longer have access to the data of %1$s: you are no longer its coordinator. The report was not made.', ['RKI'], fn () => $this->actions->retry($now, 1));
	}

	public function testAScheduledReportWhoseOwnerLostTheRoleIsNotTriedAgainForThem(): void {
		$this->roles['bmi2'] = new Actor('bmi2');

		$this->expectRefusal(ForbiddenException::class, 'The report is saved into the Files of %1$s, who no longer has access to its data. Ask for a new report instead.', ['Second consolidator'], fn () => $this->actions->retry($this->roles['bmi'], 3));
	}

	public function testAReportWhoseRequesterIsGoneIsNotTriedAgain(): void {
		unset($this->roles['bmi2']);

		$this->expectRefusal(ForbiddenException::class, 'The account that asked for the report no longer exists. Ask for a new report instead.', [], fn () => $this->actions->retry($this->roles['bmi'], 3));
	}

	public function testOnlyAFailedReportIsTriedAgain(): void {
		$this->expectRefusal(ConflictException::class, 'Only a report that failed can be tried again; this one is being made or is ready. Reload the list.', [], fn () => $this->actions->retry($this->roles['rki-coord'], 4));
	}

	public function testAReportTriedAgainByTwoAtOnceIsQueuedOnce(): void {
		$this->movedOn = true;

		$this->expectRefusal(ConflictException::class, 'Only a report that failed can be tried again; this one is being made or is ready. Reload the list.', [], fn () => $this->actions->retry($this->roles['bmi'], 2));
	}

	public function testTheRequesterDeletesTheReportAndItsFile(): void {
		self::assertSame(['id' => 4, 'fileRemoved' => true], $this->actions->delete($this->roles['rki-coord'], '4'));

		self::assertSame([4], $this->deleted);
		self::assertSame([['rki-coord', 404, 'Report 4.odt']], $this->removedFiles);
	}

	public function testAFileThatIsGoneOrRenamedStaysAndTheRecordGoes(): void {
		$this->fileStillThere = false;

		self::assertSame(['id' => 4, 'fileRemoved' => false], $this->actions->delete($this->roles['rki-coord'], 4));
		self::assertSame([4], $this->deleted);
	}

	public function testAFailedReportHasNoFileToDelete(): void {
		self::assertSame(['id' => 1, 'fileRemoved' => false], $this->actions->delete($this->roles['rki-coord'], 1));
		self::assertSame([], $this->removedFiles);
		self::assertSame([1], $this->deleted);
	}

	public function testAnyConsolidatorDeletesAScheduledReportFromItsOwnersFiles(): void {
		self::assertSame(['id' => 5, 'fileRemoved' => true], $this->actions->delete($this->roles['bmi'], 5));
		self::assertSame([['bmi2', 405, 'Report 5.odt']], $this->removedFiles);
	}

	public function testNobodyElseDeletesAReport(): void {
		foreach ([['bmi', 4], ['bsh-coord', 4], ['rki-coord', 5], ['bmi2', 2]] as [$caller, $id]) {
			$this->expectRefusal(ForbiddenException::class, 'You may delete only the reports you asked for (consolidators: also the scheduled reports).', [], fn () => $this->actions->delete($this->roles[$caller], $id));
		}
		self::assertSame([], $this->deleted);
		self::assertSame([], $this->removedFiles);
	}

	public function testAnUnknownReportIsNotFound(): void {
		$this->expectRefusal(NotFoundException::class, 'No report with id %1$s exists.', ['99'], fn () => $this->actions->delete($this->roles['bmi'], 99));
	}

	/**
	 * @param class-string<DomainError> $class
	 * @param list<string> $params
	 */
	private function expectRefusal(string $class, string $template, array $params, \Closure $call): void {
		try {
			$call();
			self::fail('not refused');
		} catch (DomainError $e) {
			self::assertInstanceOf($class, $e);
			self::assertSame($template, $e->getTemplate());
			self::assertSame($params, $e->getParams());
		}
		self::assertSame([], $this->jobs, 'nothing queued');
		self::assertSame([], $this->requeued);
	}
}
