<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\Report\ReportCadenceRunner;
use OCA\PilotFeedback\Report\ReportCadenceService;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportSharing;
use OCP\IUser;
use OCP\IUserManager;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * The cadence makes the reports that are due, once per period, as the chosen consolidator,
 * and shares each one that is ready with the consolidators (ReportSharing, which tells them).
 * Consolidators: bmi (chosen), bmi2 and bmi3.
 */
final class ReportCadenceRunnerTest extends TestCase {
	/** Tuesday, 1 December 2026, noon UTC: the first working day of the month */
	private const DECEMBER_1 = 1_796_126_400;

	/** @var array{monthly: bool, quarterly: bool, pilotIds: list<int>, consolidator: string, format: 'odt'|'docx', language: 'de'|'en'} */
	private array $settings = ['monthly' => true, 'quarterly' => true, 'pilotIds' => [7, 8], 'consolidator' => 'bmi', 'format' => 'docx', 'language' => 'en'];
	/** @var list<string> "type period pilot" of the reports that exist already */
	private array $existing = [];
	/** @var list<string> "type period pilot" of the reports the checker refuses */
	private array $refused = [];
	/** The status the runner gives the reports it makes */
	private string $outcome = Report::STATUS_DONE;
	/** @var list<array{string, string, array<array-key, mixed>}> */
	private array $logged = [];
	/** @var list<string> "userId: origin type period pilot format language names" for each report recorded */
	private array $recorded = [];
	/** @var list<string> "reportId → consolidators" for each report shared with the consolidators */
	private array $shared = [];
	private ReportCadenceRunner $runner;
	/** The time the cadence runs at */
	private int $now = self::DECEMBER_1;
	private ReportRequestChecker&MockObject $checker;

	protected function setUp(): void {
		$cadence = $this->createMock(ReportCadenceService::class);
		$cadence->method('get')->willReturnCallback(fn (): array => $this->settings);
		$cadence->method('isConsolidator')->willReturnCallback(static fn (string $uid): bool => in_array($uid, ['bmi', 'bmi2', 'bmi3'], true));
		$cadence->method('consolidators')->willReturn(['bmi', 'bmi2', 'bmi3']);

		$this->checker = $this->createMock(ReportRequestChecker::class);
		$this->checker->method('check')->willReturnCallback(function (Actor $actor, string $type, string $format, ?int $pilotId, ?string $month, ?string $quarter, string $language, bool $withNames, ?int $organisationId): ReportRequest {
			$period = $month ?? (string)$quarter;
			if (in_array("$type $period $pilotId", $this->refused, true)) {
				throw new NotFoundException('There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', [$period, $period]);
			}
			self::assertSame('bmi', $actor->userId, 'checked as the chosen consolidator');
			return new ReportRequest($type, $pilotId, $period, $format, $language, $withNames, $organisationId);
		});
		$jobs = $this->createMock(ReportJobRunner::class);
		$jobs->method('record')->willReturnCallback(function (ReportRequest $request, string $userId, string $origin): Report {
			$this->recorded[] = sprintf('%s: %s %s %s %s %s %s %s', $userId, $origin, $request->type, $request->period, $request->pilotId ?? 'all', $request->format, $request->language, $request->withNames ? 'names' : 'pseudonymised');
			$report = new Report();
			$report->setId(count($this->recorded));
			$report->setType($request->type);
			$report->setPeriod($request->period);
			return $report;
		});
		$jobs->method('run')->willReturnCallback(function (int $id): Report {
			$report = new Report();
			$report->setId($id);
			$report->setStatus($this->outcome);
			return $report;
		});
		$sharing = $this->createMock(ReportSharing::class);
		$sharing->method('shareWithConsolidators')->willReturnCallback(function (Report $report, array $consolidators): void {
			$this->shared[] = $report->getId() . ' → ' . implode(', ', $consolidators);
		});
		$mapper = $this->createMock(ReportMapper::class);
		$mapper->method('cadenceExists')->willReturnCallback(function (string $type, ?int $pilotId, string $period, int $failedSince): bool {
			self::assertSame($this->now - 86400, $failedSince, 'a failed attempt is tried again after a day');
			return in_array("$type $period $pilotId", $this->existing, true);
		});
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('forUser')->willReturnCallback(static fn (IUser $user): Actor => new Actor($user->getUID(), isConsolidator: true));
		$users = $this->createMock(IUserManager::class);
		$users->method('get')->willReturnCallback(fn (string $uid): ?IUser => $uid === 'gone' ? null : $this->createConfiguredMock(IUser::class, ['getUID' => $uid]));
		$logger = $this->createMock(LoggerInterface::class);
		foreach (['warning', 'info'] as $level) {
			$logger->method($level)->willReturnCallback(function (string|\Stringable $message, array $context = []) use ($level): void {
				$this->logged[] = [$level, (string)$message, $context];
			});
		}
		$this->runner = new ReportCadenceRunner($cadence, $this->checker, $jobs, $sharing, $mapper, $actors, $users, $logger);
	}

	public function testTheMonthlyReportOfThePreviousMonthIsMadeForEachPilotAndSharedWithTheConsolidators(): void {
		$made = $this->runner->run(self::DECEMBER_1);

		self::assertSame([
			'bmi: cadence monthly 2026-11 7 docx en pseudonymised',
			'bmi: cadence monthly 2026-11 8 docx en pseudonymised',
		], $this->recorded, 'December is no quarter\'s first month: no quarterly report');
		self::assertSame([1, 2], array_map(static fn (Report $r): int => $r->getId(), $made));
		self::assertSame(['1 → bmi, bmi2, bmi3', '2 → bmi, bmi2, bmi3'], $this->shared);
	}

	public function testAfterAQuarterTheQuarterlyReportIsMadeTooOverAllPilotsWhenNoneIsChosen(): void {
		$this->settings['pilotIds'] = [];
		$january4 = self::DECEMBER_1 + 34 * 86400; // Monday, 4 January 2027

		$this->now = $january4;
		$made = $this->runner->run($january4);

		self::assertCount(2, $made);
		self::assertSame(['bmi: cadence monthly 2026-12 all docx en pseudonymised', 'bmi: cadence quarterly 2026-Q4 all docx en pseudonymised'], $this->recorded);
	}

	public function testAReportIsMadeOnceAndAFailedOneIsNeitherSharedNorToldToTheOtherConsolidators(): void {
		$this->existing = ['monthly 2026-11 7'];
		$this->outcome = Report::STATUS_FAILED;

		$made = $this->runner->run(self::DECEMBER_1);

		self::assertSame(['bmi: cadence monthly 2026-11 8 docx en pseudonymised'], $this->recorded);
		self::assertSame(Report::STATUS_FAILED, $made[0]->getStatus());
		self::assertSame([], $this->shared);
	}

	public function testARefusedReportIsLoggedAndTheOthersAreStillMade(): void {
		$this->refused = ['monthly 2026-11 7'];

		$this->runner->run(self::DECEMBER_1);

		self::assertSame(['bmi: cadence monthly 2026-11 8 docx en pseudonymised'], $this->recorded);
		self::assertSame([['info', 'Pilot Feedback: the {type} report {period} of the cadence is not made: {reason}', [
			'app' => 'pilotfeedback', 'type' => 'monthly', 'period' => '2026-11',
			'reason' => 'There is no reporting period from 2026-11 to 2026-11. Choose months that have a reporting period.',
		]]], $this->logged);
	}

	public function testNothingIsMadeBeforeTheFirstWorkingDay(): void {
		$saturday = (int)gmmktime(12, 0, 0, 8, 1, 2026);
		$this->checker->expects(self::never())->method('check');
		self::assertSame([], $this->runner->run($saturday));
		self::assertSame([], $this->runner->run($saturday + 86400), 'nor on the Sunday after');
		self::assertSame([], $this->recorded);
	}

	public function testNothingIsMadeWhenTheCadenceIsOffOrItsConsolidatorIsNoLongerOne(): void {
		$this->checker->expects(self::never())->method('check');
		$this->settings['monthly'] = $this->settings['quarterly'] = false;
		self::assertSame([], $this->runner->run(self::DECEMBER_1));
		self::assertSame([], $this->logged);

		$this->settings['monthly'] = true;
		foreach (['former-bmi', 'gone'] as $consolidator) {
			$this->settings['consolidator'] = $consolidator;
			self::assertSame([], $this->runner->run(self::DECEMBER_1));
		}
		self::assertSame([
			['warning', 'Pilot Feedback: the report cadence is on, but {user} is no consolidator; no report was made', ['app' => 'pilotfeedback', 'user' => 'former-bmi']],
			['warning', 'Pilot Feedback: the report cadence is on, but {user} is no consolidator; no report was made', ['app' => 'pilotfeedback', 'user' => 'gone']],
		], $this->logged);
		self::assertSame([], $this->recorded);
	}
}
