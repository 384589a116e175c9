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
use OCP\IGroupManager;

/**
 * The app-wide settings an administrator chooses: the consolidators' group, below how many
 * ratings a month's consolidated figure is flagged as resting on few ratings, and the
 * thresholds of the reports' traffic light (green from, amber from; red below amber).
 *
 * @psalm-import-type PilotFeedbackAppSettings from \OCA\PilotFeedback\ResponseDefinitions
 */
class SettingsService {
	private const KEY_CONSOLIDATOR_GROUP = 'consolidator_group';
	private const KEY_LOW_RATING_THRESHOLD = 'low_rating_threshold';
	/** A month's figure with fewer ratings than this is flagged, unless the administrator chose otherwise. */
	public const DEFAULT_LOW_RATING_THRESHOLD = 3;
	/** Highest threshold an administrator may choose. */
	public const MAX_LOW_RATING_THRESHOLD = 1000;
	private const KEY_LIGHT_GREEN = 'traffic_light_green';
	private const KEY_LIGHT_AMBER = 'traffic_light_amber';
	/** A mean from this is green, unless the administrator chose otherwise. */
	public const DEFAULT_LIGHT_GREEN = 4.0;
	/** A mean from this (and below green) is amber, unless the administrator chose otherwise; below it is red. */
	public const DEFAULT_LIGHT_AMBER = 3.0;
	/**
	 * Seconds a setting read fresh is used again. A request reads the settings once, however
	 * often it decides a role; a process that lives longer (cron, occ) reads them again after this.
	 */
	public const CONSOLIDATOR_GROUP_MAX_AGE = FreshAppConfig::MAX_AGE;

	/** Every setting is read fresh in a cluster, the consolidator group above all: it grants a role (see FreshAppConfig). */
	public function __construct(
		private FreshAppConfig $appConfig,
		private IGroupManager $groupManager,
	) {
	}

	/**
	 * The Nextcloud group whose members consolidate (BMI); empty when none is chosen.
	 *
	 * Read fresh from the database, as it grants a role, but at most once per request: every
	 * role check of a request asks, and each fresh read costs a query.
	 */
	public function consolidatorGroup(): string {
		return $this->appConfig->read()->getValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, '');
	}

	/** Months whose figure rests on fewer ratings than this are flagged in trends. */
	public function lowRatingThreshold(): int {
		return $this->appConfig->read()->getValueInt(Application::APP_ID, self::KEY_LOW_RATING_THRESHOLD, self::DEFAULT_LOW_RATING_THRESHOLD);
	}

	/**
	 * The traffic light's thresholds of a mean overall score: green from the first, amber from
	 * the second, red below it.
	 *
	 * @return array{green: float, amber: float}
	 */
	public function trafficLight(): array {
		return [
			'green' => $this->appConfig->read()->getValueFloat(Application::APP_ID, self::KEY_LIGHT_GREEN, self::DEFAULT_LIGHT_GREEN),
			'amber' => $this->appConfig->read()->getValueFloat(Application::APP_ID, self::KEY_LIGHT_AMBER, self::DEFAULT_LIGHT_AMBER),
		];
	}

	/** @return PilotFeedbackAppSettings */
	public function get(): array {
		$light = $this->trafficLight();
		return [
			'consolidatorGroup' => $this->consolidatorGroup(),
			'lowRatingThreshold' => $this->lowRatingThreshold(),
			'trafficLightGreen' => $light['green'],
			'trafficLightAmber' => $light['amber'],
		];
	}

	/**
	 * Saves the settings that were sent; a null value keeps the current one. Nothing is saved
	 * when one value is refused.
	 *
	 * @return PilotFeedbackAppSettings
	 * @throws ValidationException a value out of range, an unknown group, or green not above amber
	 */
	public function update(mixed $consolidatorGroup, mixed $lowRatingThreshold = null, mixed $trafficLightGreen = null, mixed $trafficLightAmber = null): array {
		// Compare with what the database holds, not with this server's cache: see FreshAppConfig.
		$config = $this->appConfig->write();
		$threshold = $lowRatingThreshold === null ? null : Validator::intInRange($lowRatingThreshold, 'Low rating threshold', 1, self::MAX_LOW_RATING_THRESHOLD);
		$light = $this->checkedTrafficLight($trafficLightGreen, $trafficLightAmber);
		if ($consolidatorGroup !== null) {
			$group = Validator::optionalLine($consolidatorGroup, 'Consolidator group', 64);
			if ($group !== '' && !$this->groupManager->groupExists($group)) {
				throw new ValidationException('The group "%1$s" does not exist. Pick an existing Nextcloud group.', [$group]);
			}
			$config->setValueString(Application::APP_ID, self::KEY_CONSOLIDATOR_GROUP, $group);
		}
		if ($threshold !== null) {
			$config->setValueInt(Application::APP_ID, self::KEY_LOW_RATING_THRESHOLD, $threshold);
		}
		if ($light !== null) {
			$config->setValueFloat(Application::APP_ID, self::KEY_LIGHT_GREEN, $light['green']);
			$config->setValueFloat(Application::APP_ID, self::KEY_LIGHT_AMBER, $light['amber']);
		}
		return $this->get();
	}

	/**
	 * The thresholds after the change, checked: each from 1 to 5, green above amber (a value
	 * left out keeps the saved one); null when neither was sent.
	 *
	 * @return array{green: float, amber: float}|null
	 */
	private function checkedTrafficLight(mixed $green, mixed $amber): ?array {
		if ($green === null && $amber === null) {
			return null;
		}
		$saved = $this->trafficLight();
		$light = [
			'green' => $green === null ? $saved['green'] : self::score($green, 'Green from'),
			'amber' => $amber === null ? $saved['amber'] : self::score($amber, 'Amber from'),
		];
		if ($light['green'] <= $light['amber']) {
			throw new ValidationException('The traffic light needs green above amber: green from %1$s, amber from %2$s. Raise green or lower amber.', [(string)$light['green'], (string)$light['amber']]);
		}
		return $light;
	}

	/** A mean score from 1 to 5, at most two decimals; numeric strings are accepted. */
	private static function score(mixed $value, string $field): float {
		if (is_string($value) && preg_match('/^\d(\.\d{1,2})?$/D', trim($value)) === 1) {
			$value = (float)trim($value);
		}
		if (is_int($value)) {
			$value = (float)$value;
		}
		if (!is_float($value) || !is_finite($value) || $value < 1.0 || $value > 5.0 || round($value, 2) !== $value) {
			throw ValidationException::field('%1$s must be a number from %2$s to %3$s with at most two decimals, such as 3.5.', $field, '1', '5');
		}
		return $value;
	}
}
