<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\BackgroundJob;

use OCA\PilotFeedback\People\Pseudonyms;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;

/** Daily: pseudonymises the reporters of items closed longer ago than the administrator chose (off by default). */
class PseudonymiseReportersJob extends TimedJob {
	public function __construct(
		ITimeFactory $time,
		private Pseudonyms $pseudonyms,
	) {
		parent::__construct($time);
		$this->setInterval(24 * 3600);
		$this->setTimeSensitivity(IJob::TIME_INSENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$this->pseudonyms->pseudonymiseExpiredReporters();
	}
}
