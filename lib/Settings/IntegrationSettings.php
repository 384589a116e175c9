<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Settings;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;

/**
 * The administrator's choices for the Nextcloud integrations: how many days before a period
 * closes the testers are reminded, and after how many months the reporters of closed items
 * are pseudonymised (0: never, the default).
 *
 * @psalm-import-type PilotFeedbackIntegrationSettings from \OCA\PilotFeedback\ResponseDefinitions
 */
class IntegrationSettings {
	private const KEY_REMINDER_DAYS = 'reminder_days';
	private const KEY_PSEUDONYMISE_MONTHS = 'pseudonymise_after_months';
	public const DEFAULT_REMINDER_DAYS = 3;
	public const MAX_REMINDER_DAYS = 31;
	public const MAX_PSEUDONYMISE_MONTHS = 120;

	/** Read fresh in a cluster (see FreshAppConfig). */
	public function __construct(
		private FreshAppConfig $appConfig,
	) {
	}

	/** Days before a period closes on which testers who have not rated everything are reminded; 0 switches reminders off. */
	public function reminderDays(): int {
		return $this->appConfig->read()->getValueInt(Application::APP_ID, self::KEY_REMINDER_DAYS, self::DEFAULT_REMINDER_DAYS);
	}

	/** Months after which the reporters of closed items are pseudonymised; 0 (the default) never. */
	public function pseudonymiseAfterMonths(): int {
		return $this->appConfig->read()->getValueInt(Application::APP_ID, self::KEY_PSEUDONYMISE_MONTHS, 0);
	}

	/** @return PilotFeedbackIntegrationSettings */
	public function get(): array {
		return ['reminderDays' => $this->reminderDays(), 'pseudonymiseAfterMonths' => $this->pseudonymiseAfterMonths()];
	}

	/**
	 * Saves the settings that were sent; null keeps the current value.
	 *
	 * @return PilotFeedbackIntegrationSettings
	 */
	public function update(mixed $reminderDays, mixed $pseudonymiseAfterMonths): array {
		$days = $reminderDays === null ? null : Validator::intInRange($reminderDays, 'Reminder days', 0, self::MAX_REMINDER_DAYS);
		$months = $pseudonymiseAfterMonths === null ? null : Validator::intInRange($pseudonymiseAfterMonths, 'Pseudonymise after months', 0, self::MAX_PSEUDONYMISE_MONTHS);
		$config = $this->appConfig->write();
		if ($days !== null) {
			$config->setValueInt(Application::APP_ID, self::KEY_REMINDER_DAYS, $days);
		}
		if ($months !== null) {
			$config->setValueInt(Application::APP_ID, self::KEY_PSEUDONYMISE_MONTHS, $months);
		}
		return $this->get();
	}
}
