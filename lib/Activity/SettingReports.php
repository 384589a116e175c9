<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Activity;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\Activity\ActivitySettings;
use OCP\IL10N;

/** The activity setting of the app's report entries (stream on, mail off by default). */
class SettingReports extends ActivitySettings {
	public function __construct(
		private IL10N $l10n,
	) {
	}

	public function getIdentifier(): string {
		return ActivityListener::TYPE_REPORTS;
	}

	public function getName(): string {
		return $this->l10n->t('Reports and exports you made in Pilot Feedback');
	}

	public function getGroupIdentifier(): string {
		return Application::APP_ID;
	}

	public function getGroupName(): string {
		return $this->l10n->t('Pilot Feedback');
	}

	public function getPriority(): int {
		return 62;
	}

	public function isDefaultEnabledMail(): bool {
		return false;
	}
}
