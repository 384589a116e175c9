<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Item\LastVisit;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Config\IUserConfig;

/**
 * Since when something counts as "changed since your last visit". LastVisit records every
 * opening of the app's page, so while a user is in the app it says "just now"; the start page
 * and the dashboard widgets mean the visit before the current one. Openings less than
 * SESSION seconds apart belong to one visit: when a new visit starts, the end of the one
 * before is kept (PreviousVisitListener calls startVisit() before LastVisit moves on).
 */
class SinceLastVisit {
	/** Openings of the app closer together than this belong to one visit. */
	public const SESSION = 1800;
	private const KEY = 'previous_visit';
	/** What counts as the previous visit when none was recorded: a week before the current one (as LastVisit). */
	private const DEFAULT_AGE = 7 * 86400;

	public function __construct(
		private LastVisit $lastVisit,
		private IUserConfig $config,
		private ITimeFactory $time,
	) {
	}

	/** Unix time of the user's last visit before the current one (or of the last one, when they are not in the app now). */
	public function since(string $userId): int {
		$last = $this->lastVisit->get($userId);
		if ($this->time->getTime() - $last >= self::SESSION) {
			return $last;
		}
		$previous = $this->config->getValueString($userId, Application::APP_ID, self::KEY, '');
		return is_numeric($previous) ? (int)$previous : $last - self::DEFAULT_AGE;
	}

	/** Called as the app's page opens, before LastVisit records it: keeps the end of the visit before when a new visit starts. */
	public function startVisit(string $userId): void {
		$last = $this->lastVisit->get($userId);
		if ($this->time->getTime() - $last >= self::SESSION) {
			$this->config->setValueString($userId, Application::APP_ID, self::KEY, (string)$last);
		}
	}
}
