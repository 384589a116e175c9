<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\IAppConfig;
use Psr\Log\LoggerInterface;

/**
 * Finds the reports whose making died with its process (cron, a web worker or the schedule's
 * command killed, out of memory …) and puts them back on the way to done or failed
 * (StaleReportsJob, every few minutes):
 *
 * - running for longer than ReportMapper::staleAfter() (15 minutes unless the app setting
 *   report_stale_after says otherwise): queued again as a background job, up
 *   to MAX_ATTEMPTS runs; then failed with a reason the requester can act on, and told;
 * - queued for longer than that without a background job (the request that was to make it
 *   died before it started): handed to the background job;
 * - a stale run of the schedule whose report the schedule made again meanwhile (it counts a
 *   stale run as not made): deleted, so that the period's report exists once.
 *
 * It also removes the hidden temporary files (".pilotfeedback-….tmp") that versions before
 * 0.3.2 wrote into the report folders and left there when they were killed: in the folder of
 * each stale report, and once in every report folder the app ever saved into.
 */
class ReportRecovery {
	/** Runs of one report before it is given up on */
	public const MAX_ATTEMPTS = 3;
	private const KEY_LEFTOVERS_SWEPT = 'report_leftovers_swept';

	public function __construct(
		private ReportMapper $reports,
		private ReportJobRunner $runner,
		private ReportStorage $storage,
		private IJobList $jobList,
		private ITimeFactory $time,
		private IAppConfig $appConfig,
		private LoggerInterface $logger,
	) {
	}

	/**
	 * @return array{requeued: int, failed: int, superseded: int, leftovers: int} what was done
	 */
	public function sweep(): array {
		$staleBefore = $this->time->getTime() - $this->reports->staleAfter();
		$done = ['requeued' => 0, 'failed' => 0, 'superseded' => 0, 'leftovers' => 0];
		foreach ($this->reports->findUnfinished() as $report) {
			if ($report->getStatus() === Report::STATUS_RUNNING) {
				if (($report->getStartedAt() ?? $report->getCreatedAt()) >= $staleBefore) {
					continue; // being made
				}
				$done['leftovers'] += $this->storage->removeLeftovers($report->getRequestedBy(), $report->getFolder() . '/' . $report->getPeriod(), $staleBefore);
				$outcome = $this->recover($report);
				if ($outcome !== null) {
					$done[$outcome]++;
				}
			} elseif ($report->getCreatedAt() < $staleBefore && !$this->jobList->has(GenerateReportJob::class, ['reportId' => $report->getId()])) {
				$this->logger->warning('Pilot Feedback: report {id} was queued without a background job (the request that was to make it stopped); it is handed to one now', ['app' => Application::APP_ID, 'id' => $report->getId()]);
				$this->runner->queue($report);
				$done['requeued']++;
			}
		}
		$done['leftovers'] += $this->sweepLeftoversOnce($staleBefore);
		return $done;
	}

	/**
	 * A running report whose run died: queued again, or failed after MAX_ATTEMPTS runs, or
	 * deleted when the schedule made it again meanwhile.
	 *
	 * @return 'requeued'|'failed'|'superseded'|null null when it moved on meanwhile
	 */
	private function recover(Report $report): ?string {
		$context = ['app' => Application::APP_ID, 'id' => $report->getId(), 'attempts' => $report->getAttempts(), 'max' => self::MAX_ATTEMPTS];
		if ($report->getOrigin() === Report::ORIGIN_CADENCE && $this->reports->hasNewerCadenceReport($report)) {
			$this->reports->delete($report);
			$this->logger->warning('Pilot Feedback: the scheduled report {id} stopped before it was finished and the schedule made it again; the stopped one is deleted', $context);
			return 'superseded';
		}
		if ($report->getAttempts() >= self::MAX_ATTEMPTS) {
			$failed = $this->runner->giveUp($report);
			if ($failed->getStatus() !== Report::STATUS_FAILED) {
				return null;
			}
			$this->logger->warning('Pilot Feedback: report {id} stopped before it was finished in each of its {attempts} runs; it is marked failed', $context);
			return 'failed';
		}
		if (!$this->reports->requeue($report->getId(), Report::STATUS_RUNNING, $report->getStartedAt())) {
			return null;
		}
		$this->logger->warning('Pilot Feedback: report {id} stopped before it was finished (run {attempts} of at most {max}); it is queued again', $context);
		$this->runner->queue($report);
		return 'requeued';
	}

	/** The leftovers of earlier versions in every report folder, once per installation. */
	private function sweepLeftoversOnce(int $olderThan): int {
		if ($this->appConfig->getValueBool(Application::APP_ID, self::KEY_LEFTOVERS_SWEPT)) {
			return 0;
		}
		$removed = 0;
		foreach ($this->reports->findFolders() as $folder) {
			$removed += $this->storage->removeLeftovers($folder['user'], $folder['folder'] . '/' . $folder['period'], $olderThan);
		}
		$this->appConfig->setValueBool(Application::APP_ID, self::KEY_LEFTOVERS_SWEPT, true);
		if ($removed > 0) {
			$this->logger->info('Pilot Feedback: removed {n} temporary report file(s) that earlier versions left in users\' Files', ['app' => Application::APP_ID, 'n' => $removed]);
		}
		return $removed;
	}
}
