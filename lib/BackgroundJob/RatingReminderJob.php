<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\Rating\RatingReminders;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;

/** Twice a day: reminds the testers who have not rated everything, a few days before a period closes. */
class RatingReminderJob extends TimedJob {
	public function __construct(
		ITimeFactory $time,
		private RatingReminders $reminders,
	) {
		parent::__construct($time);
		$this->setInterval(12 * 3600);
		$this->setTimeSensitivity(IJob::TIME_INSENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$this->reminders->sendDue();
	}
}
