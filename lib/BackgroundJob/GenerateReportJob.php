<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Report\ReportCadenceService;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCA\PilotFeedback\Report\ReportSharing;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\QueuedJob;

/**
 * Makes one recorded report in the background: a data export, a large document, a report
 * tried again, or one whose earlier run died (ReportRecovery). A scheduled report made here
 * is shared with the consolidators like one the schedule made itself (ReportSharing).
 */
class GenerateReportJob extends QueuedJob {
	public function __construct(
		ITimeFactory $time,
		private ReportJobRunner $runner,
		private ReportSharing $sharing,
		private ReportCadenceService $cadence,
	) {
		parent::__construct($time);
	}

	/** @param mixed $argument {reportId: int} */
	protected function run($argument): void {
		if (!is_array($argument) || !isset($argument['reportId']) || !is_int($argument['reportId'])) {
			return;
		}
		$made = false;
		try {
			$report = $this->runner->run($argument['reportId'], $made);
		} catch (NotFoundException) {
			return; // the record is gone: nothing to make
		}
		if ($made && $report->getStatus() === Report::STATUS_DONE && $report->getOrigin() === Report::ORIGIN_CADENCE) {
			$this->sharing->shareWithConsolidators($report, $this->cadence->consolidators());
		}
	}
}
