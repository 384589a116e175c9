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
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\EventDispatcher\IEventDispatcher;
use Psr\Log\LoggerInterface;

/**
 * A report's run through pf_reports: recorded as queued, handed to the background job
 * (GenerateReportJob) or run at once, then running (claimed in one step, with the time it
 * started and the attempt), and done (file saved, requester told, ReportGenerated sent) or
 * failed (the reason recorded, logged with the report's id and told; ReportStorage leaves no
 * file in the requester's Files). A run whose process died stays running until
 * ReportRecovery queues it again or gives up.
 */
class ReportJobRunner {
	public function __construct(
		private ReportMapper $reports,
		private ReportMaker $maker,
		private ReportStorage $storage,
		private ReportNotifications $notifications,
		private IJobList $jobList,
		private ITimeFactory $time,
		private LoggerInterface $logger,
		private IEventDispatcher $dispatcher,
	) {
	}

	/**
	 * Records a checked request as a queued report, to be saved into the user's report folder.
	 */
	public function record(ReportRequest $request, string $userId, string $origin): Report {
		$report = new Report();
		$report->setType($request->type);
		$report->setPilotId($request->pilotId);
		$report->setOrgId($request->organisationId);
		$report->setPeriod($request->period);
		$report->setFormat($request->format);
		$report->setLanguage($request->language);
		$report->setPseudonymised(!$request->withNames);
		$report->setReleasedOnly($request->releasedOnly);
		$report->setOrigin($origin);
		$report->setRequestedBy($userId);
		$report->setFolder($this->storage->folder($userId));
		$report->setStatus(Report::STATUS_QUEUED);
		$report->setCreatedAt($this->time->getTime());
		return $this->reports->insert($report);
	}

	/** Leaves a recorded report to the background job. */
	public function queue(Report $report): void {
		$this->jobList->add(GenerateReportJob::class, ['reportId' => $report->getId()]);
	}

	/**
	 * Makes a recorded report and saves it; records and tells the requester the outcome.
	 * A report that is not queued (made already, or being made) is left alone; of two
	 * processes that want to make the same report exactly one does (ReportMapper::claim).
	 * The run records when it started and counts the attempt, so that a run whose process
	 * dies is found (ReportRecovery) and queued again.
	 *
	 * @param bool $made set to whether this call made it (done or failed), not another one
	 */
	public function run(int $reportId, bool &$made = false): Report {
		$made = false;
		$report = $this->reports->get($reportId);
		if ($report->getStatus() !== Report::STATUS_QUEUED || !$this->reports->claim($reportId, $this->time->getTime())) {
			return $report;
		}
		$made = true;
		$report = $this->reports->get($reportId);
		$attempt = $report->getAttempts();
		try {
			$file = $this->maker->make($report);
		} catch (DomainError|ReportFailedException $e) {
			$this->logger->warning('Pilot Feedback: report {id} failed: {reason}', [
				'app' => Application::APP_ID,
				'id' => $reportId,
				'reason' => $e->getMessage(),
				'exception' => $e->getPrevious() ?? $e,
			]);
			return $this->fail($report, $attempt, $e->getTemplate(), $e->getParams());
		} catch (\Throwable $e) {
			$this->logger->error('Pilot Feedback: report {id} failed', ['exception' => $e, 'app' => Application::APP_ID, 'id' => $reportId]);
			return $this->fail($report, $attempt, 'The report could not be made because of an unexpected error; the administrator finds the details in the Nextcloud log.', []);
		}
		$report->setStatus(Report::STATUS_DONE);
		$report->setFileId($file->getId());
		$report->setFileName($file->getName());
		$report->setFinishedAt($this->time->getTime());
		if (!$this->reports->finish($report, $attempt)) {
			// Deleted meanwhile, or given up on as stale and queued again: this file is nobody's.
			$this->logger->warning('Pilot Feedback: report {id} was deleted or restarted while attempt {attempt} was made; its file is removed again', ['app' => Application::APP_ID, 'id' => $reportId, 'attempt' => $attempt]);
			$this->storage->discard($file);
			$made = false;
			return $this->current($report);
		}
		$this->notifications->ready($report, $report->getRequestedBy());
		$this->dispatcher->dispatchTyped(new ReportGenerated($report));
		return $report;
	}

	/**
	 * Gives up on a report whose runs kept dying: failed, with a reason the requester can act
	 * on, and told. Nothing changes when the report moved on meanwhile.
	 */
	public function giveUp(Report $report): Report {
		return $this->fail($report, $report->getAttempts(), 'The report was started %1$s times and each time the server stopped before it was finished (for example for lack of memory or time). Ask for a smaller report (one pilot, or one month), or ask the administrator to look into the Nextcloud log.', [(string)$report->getAttempts()]);
	}

	/** @param list<string> $params */
	private function fail(Report $report, int $attempt, string $template, array $params): Report {
		$report->setStatus(Report::STATUS_FAILED);
		$report->setError(json_encode(['template' => $template, 'params' => $params], JSON_THROW_ON_ERROR));
		$report->setFileId(null);
		$report->setFileName(null);
		$report->setFinishedAt($this->time->getTime());
		if (!$this->reports->finish($report, $attempt)) {
			return $this->current($report);
		}
		$this->notifications->failed($report, $template, $params);
		return $report;
	}

	/** The report as it is recorded now, or as it was when it is gone. */
	private function current(Report $report): Report {
		try {
			return $this->reports->get($report->getId());
		} catch (NotFoundException) {
			return $report;
		}
	}
}
