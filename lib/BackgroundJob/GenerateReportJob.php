<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Report\ReportJobRunner;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\QueuedJob;

/** Makes one recorded report (a data export, or any report the cadence asked for) in the background. */
class GenerateReportJob extends QueuedJob {
	public function __construct(
		ITimeFactory $time,
		private ReportJobRunner $runner,
	) {
		parent::__construct($time);
	}

	/** @param mixed $argument {reportId: int} */
	protected function run($argument): void {
		if (!is_array($argument) || !isset($argument['reportId']) || !is_int($argument['reportId'])) {
			return;
		}
		try {
			$this->runner->run($argument['reportId']);
		} catch (NotFoundException) {
			// the record is gone: nothing to make
		}
	}
}
