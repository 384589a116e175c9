<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Config\IUserConfig;

/** When a user last opened the app (for "new since your last visit"); a week ago if never. */
class LastVisit {
	private const KEY = 'last_visit';
	private const DEFAULT_AGE = 7 * 86400;

	public function __construct(
		private IUserConfig $config,
		private ITimeFactory $time,
	) {
	}

	public function get(string $userId): int {
		$value = $this->config->getValueString($userId, Application::APP_ID, self::KEY, '');
		return is_numeric($value) ? (int)$value : $this->time->getTime() - self::DEFAULT_AGE;
	}

	public function touch(string $userId): void {
		$this->config->setValueString($userId, Application::APP_ID, self::KEY, (string)$this->time->getTime());
	}
}
