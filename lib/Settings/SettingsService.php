<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Settings;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\IAppConfig;
use OCP\IGroupManager;

/**
 * The app-wide settings an administrator chooses: the consolidators' group, and below how
 * many ratings a month's consolidated figure is flagged as resting on few ratings.
 */
class SettingsService {
	private const KEY_CONSOLIDATOR_GROUP = 'consolidator_group';
	private const KEY_LOW_RATING_THRESHOLD = 'low_rating_threshold';
	/** A month's figure with fewer ratings than this is flagged, unless the administrator chose otherwise. */
	public const DEFAULT_LOW_RATING_THRESHOLD = 3;
	/** Highest threshold an administrator may choose. */
	public const MAX_LOW_RATING_THRESHOLD = 1000;

	public function __construct(
		private IAppConfig $appConfig,
		private IGroupManager $groupManager,
	) {
	}

	/** The Nextcloud group whose members consolidate (BMI); empty when none is chosen. */
	public function consolidatorGroup(): string {
		return $this->appConfig->getValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, '');
	}

	/** Months whose figure rests on fewer ratings than this are flagged in trends. */
	public function lowRatingThreshold(): int {
		return $this->appConfig->getValueInt(Application::APP_ID, self::KEY_LOW_RATING_THRESHOLD, self::DEFAULT_LOW_RATING_THRESHOLD);
	}

	/** @return array{consolidatorGroup: string, lowRatingThreshold: int} */
	public function get(): array {
		return ['consolidatorGroup' => $this->consolidatorGroup(), 'lowRatingThreshold' => $this->lowRatingThreshold()];
	}

	/**
	 * Saves the settings that were sent; a null value keeps the current one.
	 *
	 * @return array{consolidatorGroup: string, lowRatingThreshold: int}
	 */
	public function update(mixed $consolidatorGroup, mixed $lowRatingThreshold = null): array {
		$threshold = $lowRatingThreshold === null ? null : Validator::intInRange($lowRatingThreshold, 'Low rating threshold', 1, self::MAX_LOW_RATING_THRESHOLD);
		if ($consolidatorGroup !== null) {
			$group = Validator::optionalLine($consolidatorGroup, 'Consolidator group', 64);
			if ($group !== '' && !$this->groupManager->groupExists($group)) {
				throw new ValidationException('The group "%1$s" does not exist. Pick an existing Nextcloud group.', [$group]);
			}
			$this->appConfig->setValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, $group);
		}
		if ($threshold !== null) {
			$this->appConfig->setValueInt(Application::APP_ID, self::KEY_LOW_RATING_THRESHOLD, $threshold);
		}
		return $this->get();
	}
}
