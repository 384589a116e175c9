<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\BackgroundJob;

use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Report\ReportCadenceService;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportSharing;
use OCP\AppFramework\Utility\ITimeFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The background job makes one recorded report; a scheduled report it made (one whose earlier
 * run died, queued again) is shared with the consolidators like one the schedule made itself.
 */
final class GenerateReportJobTest extends TestCase {
	private ReportJobRunner&MockObject $runner;
	private ReportSharing&MockObject $sharing;
	private GenerateReportJob $job;
	/** What the runner answers: the report, and whether this run made it */
	private Report $report;
	private bool $made = true;

	protected function setUp(): void {
		$this->report = new Report();
		$this->report->setId(5);
		$this->report->setStatus(Report::STATUS_DONE);
		$this->report->setOrigin(Report::ORIGIN_CADENCE);
		$this->runner = $this->createMock(ReportJobRunner::class);
		$this->runner->method('run')->willReturnCallback(function (int $id, bool &$made = false): Report {
			if ($id !== 5) {
				throw new NotFoundException('No report with id %1$s exists.', [(string)$id]);
			}
			$made = $this->made;
			return $this->report;
		});
		$this->sharing = $this->createMock(ReportSharing::class);
		$cadence = $this->createMock(ReportCadenceService::class);
		$cadence->method('consolidators')->willReturn(['bmi', 'bmi2']);
		$this->job = new GenerateReportJob($this->createMock(ITimeFactory::class), $this->runner, $this->sharing, $cadence);
	}

	private function runJob(mixed $argument): void {
		$method = new \ReflectionMethod(GenerateReportJob::class, 'run');
		$method->invoke($this->job, $argument);
	}

	public function testAScheduledReportItMadeIsSharedWithTheConsolidators(): void {
		$this->sharing->expects(self::once())->method('shareWithConsolidators')->with($this->report, ['bmi', 'bmi2']);
		$this->runJob(['reportId' => 5]);
	}

	public function testARequestedReportOrOneMadeElsewhereOrFailedIsNotShared(): void {
		$this->sharing->expects(self::never())->method('shareWithConsolidators');
		$this->report->setOrigin(Report::ORIGIN_REQUEST);
		$this->runJob(['reportId' => 5]);
		$this->report->setOrigin(Report::ORIGIN_CADENCE);
		$this->made = false;
		$this->runJob(['reportId' => 5]);
		$this->made = true;
		$this->report->setStatus(Report::STATUS_FAILED);
		$this->runJob(['reportId' => 5]);
	}

	public function testAReportThatIsGoneOrAnArgumentThatIsNoneIsNothingToMake(): void {
		$this->sharing->expects(self::never())->method('shareWithConsolidators');
		$this->runJob(['reportId' => 99]);
		$this->runJob(null);
		$this->runJob(['reportId' => '5']);
		$this->addToAssertionCount(1);
	}
}
