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
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\EventDispatcher\IEventDispatcher;
use Psr\Log\LoggerInterface;

/**
 * A report's run through pf_reports: recorded as queued, handed to the background job
 * (GenerateReportJob) or run at once, then running, and done (file saved, requester told,
 * ReportGenerated sent) or failed (the reason recorded and told; ReportStorage leaves no
 * partial file).
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
	 * A report that is not queued (made already, or being made) is left alone.
	 */
	public function run(int $reportId): Report {
		$report = $this->reports->get($reportId);
		if ($report->getStatus() !== Report::STATUS_QUEUED) {
			return $report;
		}
		$report->setStatus(Report::STATUS_RUNNING);
		$report = $this->reports->update($report);
		try {
			$file = $this->maker->make($report);
			$report->setStatus(Report::STATUS_DONE);
			$report->setFileId($file->getId());
			$report->setFileName($file->getName());
			$report->setFinishedAt($this->time->getTime());
			$report = $this->reports->update($report);
			$this->notifications->ready($report, $report->getRequestedBy());
			$this->dispatcher->dispatchTyped(new ReportGenerated($report));
			return $report;
		} catch (DomainError|ReportFailedException $e) {
			return $this->fail($report, $e->getTemplate(), $e->getParams());
		} catch (\Throwable $e) {
			$this->logger->error('Report ' . $reportId . ' failed', ['exception' => $e, 'app' => Application::APP_ID]);
			return $this->fail($report, 'The report could not be made because of an unexpected error; the administrator finds the details in the Nextcloud log.', []);
		}
	}

	/** @param list<string> $params */
	private function fail(Report $report, string $template, array $params): Report {
		$report->setStatus(Report::STATUS_FAILED);
		$report->setError(json_encode(['template' => $template, 'params' => $params], JSON_THROW_ON_ERROR));
		$report->setFinishedAt($this->time->getTime());
		$report = $this->reports->update($report);
		$this->notifications->failed($report, $template, $params);
		return $report;
	}
}
