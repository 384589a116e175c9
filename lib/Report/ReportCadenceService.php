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
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\IAppConfig;
use OCP\IGroupManager;
use OCP\IUserManager;
use Psr\Log\LoggerInterface;

/**
 * The reports on the agreement's cadence (§8 (1)), an administrator's opt-in: the monthly
 * status report of the previous month from the first working day of a month, and the
 * quarterly report of the previous quarter from the first working day after it ended; for
 * the chosen pilots (or one over all), saved into the chosen consolidator's Files, and every
 * consolidator is notified. A period's report is made once: the cadence looks in pf_reports
 * first (a failed attempt is tried again after a day).
 *
 * @psalm-import-type PilotFeedbackReportCadence from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportCadenceService {
	private const KEY = 'report_cadence';
	public const DOCUMENT_FORMATS = ['odt', 'docx'];

	public function __construct(
		private IAppConfig $appConfig,
		private ReportService $reports,
		private ReportMapper $mapper,
		private PilotMapper $pilots,
		private SettingsService $settings,
		private ActorFactory $actors,
		private IUserManager $userManager,
		private IGroupManager $groupManager,
		private LoggerInterface $logger,
	) {
	}

	/** @return PilotFeedbackReportCadence */
	public function get(): array {
		$stored = $this->appConfig->getValueArray(Application::APP_ID, self::KEY, []);
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
		$this->appConfig->setValueArray(Application::APP_ID, self::KEY, $settings);
		return $settings;
	}

	/**
	 * Makes the reports that are due at $now (Unix seconds) and not made yet.
	 *
	 * @return list<Report> the reports made (done or failed)
	 */
	public function run(int $now): array {
		$settings = $this->get();
		if ((!$settings['monthly'] && !$settings['quarterly']) || $settings['consolidator'] === '') {
			return [];
		}
		$user = $this->userManager->get($settings['consolidator']);
		if ($user === null || !$this->isConsolidator($user->getUID())) {
			$this->logger->warning('Pilot Feedback: the report cadence is on, but {user} is no consolidator; no report was made', ['app' => Application::APP_ID, 'user' => $settings['consolidator']]);
			return [];
		}
		if (!self::isOnOrAfterFirstWorkingDay($now)) {
			return [];
		}
		$thisMonth = gmdate('Y-m', $now);
		$due = [];
		if ($settings['monthly']) {
			$due[] = [ReportRequest::MONTHLY, ReportRequest::shift($thisMonth, -1)];
		}
		if ($settings['quarterly'] && in_array((int)substr($thisMonth, 5, 2), [1, 4, 7, 10], true)) {
			$last = ReportRequest::shift($thisMonth, -1);
			$due[] = [ReportRequest::QUARTERLY, sprintf('%s-Q%d', substr($last, 0, 4), intdiv((int)substr($last, 5, 2) - 1, 3) + 1)];
		}
		$actor = $this->actors->forUser($user);
		$made = [];
		foreach ($due as [$type, $period]) {
			foreach ($settings['pilotIds'] === [] ? [null] : $settings['pilotIds'] as $pilotId) {
				if ($this->mapper->cadenceExists($type, $pilotId, $period, $now - 86400)) {
					continue;
				}
				try {
					$request = $this->reports->check($actor, $type, $settings['format'], $pilotId, $type === ReportRequest::MONTHLY ? $period : null, $type === ReportRequest::QUARTERLY ? $period : null, $settings['language'], false, null);
				} catch (DomainError $e) {
					$this->logger->info('Pilot Feedback: the {type} report {period} of the cadence is not made: {reason}', ['app' => Application::APP_ID, 'type' => $type, 'period' => $period, 'reason' => $e->getMessage()]);
					continue;
				}
				$report = $this->reports->generate($this->reports->record($request, $user->getUID(), Report::ORIGIN_CADENCE)->getId());
				if ($report->getStatus() === Report::STATUS_DONE) {
					foreach ($this->consolidators() as $uid) {
						if ($uid !== $user->getUID()) {
							$this->reports->notifyReady($report, $uid);
						}
					}
				}
				$made[] = $report;
			}
		}
		return $made;
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

	private function isConsolidator(string $userId): bool {
		$group = $this->settings->consolidatorGroup();
		return $group !== '' && $this->groupManager->isInGroup($userId, $group);
	}

	/** @return list<string> */
	private function consolidators(): array {
		$group = $this->groupManager->get($this->settings->consolidatorGroup());
		return $group === null ? [] : array_map(static fn ($u): string => $u->getUID(), array_values($group->getUsers()));
	}
}
