<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\Report\ReportCadenceRunner;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;

/** Hourly: makes the reports of the administrator's cadence that are due and not made yet. */
class ReportCadenceJob extends TimedJob {
	public function __construct(
		ITimeFactory $time,
		private ReportCadenceRunner $cadence,
	) {
		parent::__construct($time);
		$this->setInterval(3600);
		$this->setTimeSensitivity(IJob::TIME_INSENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$this->cadence->run($this->time->getTime());
	}
}
