<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\SetupCheck;

use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\SetupCheck\ReportBackgroundJobs;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\IDateTimeFormatter;
use OCP\IL10N;
use OCP\SetupCheck\SetupResult;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/** The admin overview's check of what scheduled reports and exports need. Now is 1767225600 (2026-01-01 00:00 UTC). */
final class ReportBackgroundJobsTest extends TestCase {
	private const NOW = 1767225600;

	private ReportMapper&MockObject $reports;
	/** @var array{mode: string, lastcron: int} */
	private array $config = ['mode' => 'cron', 'lastcron' => self::NOW - 300];

	protected function setUp(): void {
		$this->reports = $this->createMock(ReportMapper::class);
	}

	public function testNameAndCategoryFollowNextcloud(): void {
		$check = $this->check();
		self::assertSame('Pilot Feedback reports', $check->getName());
		self::assertSame('system', $check->getCategory());
	}

	public function testCronRecentlyRunAndNoFailedReportIsASuccess(): void {
		$this->reports->expects(self::once())->method('countFailedSince')->with(self::NOW - 24 * 3600)->willReturn(0);
		$result = $this->check()->run();
		self::assertSame(SetupResult::SUCCESS, $result->getSeverity());
		self::assertSame('Background jobs run by cron (last run: 300 seconds before), and no report or data export failed in the last 24 hours.', $result->getDescription());
		self::assertNull($result->getLinkToDoc());
	}

	/** @return iterable<string, array{string, string}> */
	public static function notCron(): iterable {
		yield 'AJAX' => ['ajax', 'AJAX'];
		yield 'Webcron' => ['webcron', 'Webcron'];
	}

	#[DataProvider('notCron')]
	public function testBackgroundJobsNotRunByCronAreAWarning(string $mode, string $name): void {
		$this->config['mode'] = $mode;
		$this->reports->method('countFailedSince')->willReturn(0);
		$result = $this->check()->run();
		self::assertSame(SetupResult::WARNING, $result->getSeverity());
		self::assertSame('Background jobs run by ' . $name . ', not by cron. Pilot Feedback makes scheduled reports and data exports in background jobs, so without cron they come late or not at all. Choose "Cron" under Basic settings → Background jobs and let the system cron call cron.php every 5 minutes.', $result->getDescription());
		self::assertStringContainsString('background_jobs_configuration', (string)$result->getLinkToDoc());
	}

	public function testBackgroundJobsThatLastRanMoreThanAnHourAgoAreAWarning(): void {
		$this->config['lastcron'] = self::NOW - 3601;
		$this->reports->method('countFailedSince')->willReturn(0);
		$result = $this->check()->run();
		self::assertSame(SetupResult::WARNING, $result->getSeverity());
		self::assertSame('Background jobs have not run for more than an hour (last run: 3601 seconds before). Scheduled reports and data exports wait until they run again: check that the system cron calls cron.php every 5 minutes.', $result->getDescription());
		self::assertNotNull($result->getLinkToDoc());
	}

	public function testBackgroundJobsThatRanWithinTheHourAreFine(): void {
		$this->config['lastcron'] = self::NOW - 3600;
		$this->reports->method('countFailedSince')->willReturn(0);
		self::assertSame(SetupResult::SUCCESS, $this->check()->run()->getSeverity());
	}

	public function testBackgroundJobsThatNeverRanAreAWarning(): void {
		$this->config['lastcron'] = 0;
		$this->reports->method('countFailedSince')->willReturn(0);
		$result = $this->check()->run();
		self::assertSame(SetupResult::WARNING, $result->getSeverity());
		self::assertSame('Background jobs have never run. Scheduled reports and data exports wait until they do: check that the system cron calls cron.php every 5 minutes.', $result->getDescription());
	}

	public function testAReportThatFailedInTheLastDayIsAWarning(): void {
		$this->reports->expects(self::once())->method('countFailedSince')->with(self::NOW - 24 * 3600)->willReturn(1);
		$result = $this->check()->run();
		self::assertSame(SetupResult::WARNING, $result->getSeverity());
		self::assertSame('1 report or data export failed in the last 24 hours. Its requester was notified with the reason; unexpected errors are also in the Nextcloud log.', $result->getDescription());
		self::assertNull($result->getLinkToDoc());
	}

	public function testReportsThatFailedAreCounted(): void {
		$this->reports->method('countFailedSince')->willReturn(3);
		self::assertSame('3 reports or data exports failed in the last 24 hours. Their requesters were notified with the reason; unexpected errors are also in the Nextcloud log.', $this->check()->run()->getDescription());
	}

	public function testEveryProblemIsListed(): void {
		$this->config = ['mode' => 'ajax', 'lastcron' => self::NOW - 7200];
		$this->reports->method('countFailedSince')->willReturn(2);
		$result = $this->check()->run();
		self::assertSame(SetupResult::WARNING, $result->getSeverity());
		$lines = explode("\n", (string)$result->getDescription());
		self::assertCount(3, $lines);
		self::assertStringStartsWith('Background jobs run by AJAX', $lines[0]);
		self::assertStringStartsWith('Background jobs have not run for more than an hour (last run: 7200 seconds before).', $lines[1]);
		self::assertStringStartsWith('2 reports or data exports failed', $lines[2]);
	}

	private function check(): ReportBackgroundJobs {
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $parameters = []): string => vsprintf($text, $parameters));
		$l->method('n')->willReturnCallback(static fn (string $singular, string $plural, int $count): string => str_replace('%n', (string)$count, $count === 1 ? $singular : $plural));
		$appConfig = $this->createMock(IAppConfig::class);
		$appConfig->method('getValueString')->willReturnCallback(fn (string $app, string $key, string $default = ''): string => $app === 'core' && $key === 'backgroundjobs_mode' ? $this->config['mode'] : $default);
		$appConfig->method('getValueInt')->willReturnCallback(fn (string $app, string $key, int $default = 0): int => $app === 'core' && $key === 'lastcron' ? $this->config['lastcron'] : $default);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$formatter = $this->createMock(IDateTimeFormatter::class);
		$formatter->method('formatTimeSpan')->willReturnCallback(static fn (int $timestamp, int $base): string => ($base - $timestamp) . ' seconds before');
		return new ReportBackgroundJobs($l, $appConfig, $time, $formatter, $this->reports);
	}
}
