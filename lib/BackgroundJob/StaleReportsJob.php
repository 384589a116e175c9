<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\Report\ReportRecovery;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;

/**
 * Every 5 minutes: queues again the reports whose making died with its process (or fails them
 * after ReportRecovery::MAX_ATTEMPTS runs), hands queued reports without a job to one, and
 * removes the temporary files earlier versions left in users' Files.
 */
class StaleReportsJob extends TimedJob {
	public function __construct(
		ITimeFactory $time,
		private ReportRecovery $recovery,
	) {
		parent::__construct($time);
		$this->setInterval(300);
		$this->setTimeSensitivity(IJob::TIME_SENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$this->recovery->sweep();
	}
}
