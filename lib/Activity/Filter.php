<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Activity;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\Activity\IFilter;
use OCP\IL10N;
use OCP\IURLGenerator;

/** "Pilot Feedback" in the Activity app's sidebar: only the app's entries. */
class Filter implements IFilter {
	public function __construct(
		private IL10N $l10n,
		private IURLGenerator $urls,
	) {
	}

	public function getIdentifier(): string {
		return Application::APP_ID;
	}

	public function getName(): string {
		return $this->l10n->t('Pilot Feedback');
	}

	public function getPriority(): int {
		return 40;
	}

	public function getIcon(): string {
		return $this->urls->getAbsoluteURL($this->urls->imagePath(Application::APP_ID, 'app-dark.svg'));
	}

	/**
	 * @param array<array-key, string> $types
	 * @return array<array-key, string>
	 */
	public function filterTypes(array $types): array {
		return array_values(array_intersect($types, [ActivityListener::TYPE_ITEMS, ActivityListener::TYPE_RELEASES, ActivityListener::TYPE_REPORTS]));
	}

	public function allowedApps(): array {
		return [Application::APP_ID];
	}
}
