<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

namespace OCA\PilotFeedback\Settings;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\AppFramework\Http\TemplateResponse;
use OCP\IL10N;
use OCP\Settings\IDelegatedSettings;
use OCP\Util;

/** The admin settings page; delegable so that an administrator can hand the catalogue to a group. */
class AdminSettings implements IDelegatedSettings {
	public function __construct(
		private IL10N $l10n,
	) {
	}

	public function getForm(): TemplateResponse {
		Util::addScript(Application::APP_ID, Application::APP_ID . '-admin');
		Util::addStyle(Application::APP_ID, Application::APP_ID . '-admin');
		return new TemplateResponse(Application::APP_ID, 'admin');
	}

	public function getSection(): string {
		return Application::APP_ID;
	}

	public function getPriority(): int {
		return 10;
	}

	public function getName(): ?string {
		return $this->l10n->t('Pilot Feedback catalogue');
	}

	public function getAuthorizedAppConfig(): array {
		return [];
	}
}
