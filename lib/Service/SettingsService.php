<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Service;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\IAppConfig;
use OCP\IGroupManager;

/** The app-wide settings an administrator chooses: for now, the consolidators' group. */
class SettingsService {
	private const KEY_CONSOLIDATOR_GROUP = 'consolidator_group';

	public function __construct(
		private IAppConfig $appConfig,
		private IGroupManager $groupManager,
	) {
	}

	/** The Nextcloud group whose members consolidate (BMI); empty when none is chosen. */
	public function consolidatorGroup(): string {
		return $this->appConfig->getValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, '');
	}

	/** @return array{consolidatorGroup: string} */
	public function get(): array {
		return ['consolidatorGroup' => $this->consolidatorGroup()];
	}

	/** @return array{consolidatorGroup: string} */
	public function update(mixed $consolidatorGroup): array {
		$group = Validator::optionalLine($consolidatorGroup, 'Consolidator group', 64);
		if ($group !== '' && !$this->groupManager->groupExists($group)) {
			throw new ValidationException('The group "%1$s" does not exist. Pick an existing Nextcloud group.', [$group]);
		}
		$this->appConfig->setValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, $group);
		return $this->get();
	}
}
