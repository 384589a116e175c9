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

/** The activity setting of the app's items entries (stream on, mail off by default). */
class SettingItems extends ActivitySettings {
	public function __construct(
		private IL10N $l10n,
	) {
	}

	public function getIdentifier(): string {
		return ActivityListener::TYPE_ITEMS;
	}

	public function getName(): string {
		return $this->l10n->t('Changes to Pilot Feedback items you filed, support, coordinate or consolidate');
	}

	public function getGroupIdentifier(): string {
		return Application::APP_ID;
	}

	public function getGroupName(): string {
		return $this->l10n->t('Pilot Feedback');
	}

	public function getPriority(): int {
		return 60;
	}

	public function isDefaultEnabledMail(): bool {
		return false;
	}
}
