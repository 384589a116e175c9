<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\IGroupManager;

/**
 * The reports on the agreement's cadence (§8 (1)), an administrator's opt-in: the monthly
 * status report of the previous month from the first working day of a month, and the
 * quarterly report of the previous quarter from the first working day after it ended; for
 * the chosen pilots (or one over all), saved into the chosen consolidator's Files, and every
 * consolidator is notified. A period's report is made once: the cadence looks in pf_reports
 * first (a failed attempt is tried again after a day).
 *
 * This class keeps the administrator's settings and says when a report is due;
 * ReportCadenceRunner makes the reports.
 *
 * @psalm-import-type PilotFeedbackReportCadence from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportCadenceService {
	private const KEY = 'report_cadence';
	public const DOCUMENT_FORMATS = ['odt', 'docx'];

	public function __construct(
		private FreshAppConfig $appConfig,
		private PilotMapper $pilots,
		private SettingsService $settings,
		private IGroupManager $groupManager,
	) {
	}

	/** @return PilotFeedbackReportCadence */
	public function get(): array {
		$stored = $this->appConfig->read()->getValueArray(Application::APP_ID, self::KEY, []);
		$pilotIds = isset($stored['pilotIds']) && is_array($stored['pilotIds']) ? array_values(array_filter($stored['pilotIds'], 'is_int')) : [];
		return [
			'monthly' => isset($stored['monthly']) && $stored['monthly'] === true,
			'quarterly' => isset($stored['quarterly']) && $stored['quarterly'] === true,
			'pilotIds' => $pilotIds,
			'consolidator' => isset($stored['consolidator']) && is_string($stored['consolidator']) ? $stored['consolidator'] : '',
			'format' => isset($stored['format']) && $stored['format'] === 'docx' ? 'docx' : 'odt',
			'language' => isset($stored['language']) && $stored['language'] === 'en' ? 'en' : 'de',
		];
	}

	/**
	 * Saves the settings that were sent; a value left out (null) keeps the current one.
	 *
	 * @return PilotFeedbackReportCadence
	 */
	public function update(mixed $monthly, mixed $quarterly, mixed $pilotIds, mixed $consolidator, mixed $format, mixed $language): array {
		$settings = $this->get();
		if ($monthly !== null) {
			$settings['monthly'] = Validator::flag($monthly, 'Monthly');
		}
		if ($quarterly !== null) {
			$settings['quarterly'] = Validator::flag($quarterly, 'Quarterly');
		}
		if ($pilotIds !== null) {
			$ids = Validator::ids($pilotIds, 'Pilots', 100);
			foreach ($ids as $id) {
				try {
					$this->pilots->get($id);
				} catch (NotFoundException) {
					throw new NotFoundException('No pilot with id %1$s exists.', [(string)$id]);
				}
			}
			$settings['pilotIds'] = $ids;
		}
		if ($consolidator !== null) {
			$user = Validator::optionalLine($consolidator, 'Consolidator', 64);
			if ($user !== '' && !$this->isConsolidator($user)) {
				throw new ValidationException('"%1$s" is not a consolidator. Choose a member of the consolidators\' group.', [$user]);
			}
			$settings['consolidator'] = $user;
		}
		if ($format !== null) {
			$settings['format'] = Validator::oneOf($format, 'Format', self::DOCUMENT_FORMATS);
		}
		if ($language !== null) {
			$settings['language'] = Validator::oneOf($language, 'Language', ReportRequest::LANGUAGES);
		}
		if (($settings['monthly'] || $settings['quarterly']) && $settings['consolidator'] === '') {
			throw new ValidationException('Choose the consolidator whose Files receive the reports before you switch the cadence on.');
		}
		$this->appConfig->write()->setValueArray(Application::APP_ID, self::KEY, $settings);
		return $settings;
	}

	/** Whether $now is on or after the first Monday-to-Friday day of its month. */
	public static function isOnOrAfterFirstWorkingDay(int $now): bool {
		$day = (int)gmdate('j', $now);
		$first = 1;
		$start = (int)gmmktime(0, 0, 0, (int)gmdate('n', $now), 1, (int)gmdate('Y', $now));
		while ((int)gmdate('N', $start + ($first - 1) * 86400) > 5) {
			$first++;
		}
		return $day >= $first;
	}

	/** Whether the user is in the consolidators' group. */
	public function isConsolidator(string $userId): bool {
		$group = $this->settings->consolidatorGroup();
		return $group !== '' && $this->groupManager->isInGroup($userId, $group);
	}

	/**
	 * The user ids of the consolidators' group.
	 *
	 * @return list<string>
	 */
	public function consolidators(): array {
		$group = $this->groupManager->get($this->settings->consolidatorGroup());
		return $group === null ? [] : array_map(static fn ($u): string => $u->getUID(), array_values($group->getUsers()));
	}
}
