<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Notification\NotificationKind;
use OCA\PilotFeedback\Notification\NotificationSender;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\Settings\IntegrationSettings;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;

/**
 * Reminds the testers who have not rated every component of their organisation's active
 * pilots (a component in two pilots in each of them), once per period, when the period's month ends within the chosen number of days.
 */
class RatingReminders {
	public function __construct(
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private RatingScope $scope,
		private People $people,
		private NotificationSender $sender,
		private IntegrationSettings $settings,
		private IAppConfig $appConfig,
		private ITimeFactory $time,
	) {
	}

	/** @return int how many testers were reminded */
	public function sendDue(): int {
		$days = $this->settings->reminderDays();
		if ($days <= 0) {
			return 0;
		}
		$today = $this->time->getDateTime('today', new \DateTimeZone('UTC'));
		$sent = 0;
		foreach ($this->periods->findAll() as $period) {
			$key = 'reminded_period_' . $period->getId();
			if (!$period->isOpen() || $this->appConfig->getValueBool(Application::APP_ID, $key)) {
				continue;
			}
			$closes = \DateTimeImmutable::createFromFormat('!Y-m-d', $period->getMonth() . '-01', new \DateTimeZone('UTC'));
			if ($closes === false) {
				continue;
			}
			$closes = $closes->modify('last day of this month');
			$left = (int)$today->diff($closes)->format('%r%a');
			if ($left < 0 || $left > $days) {
				continue;
			}
			$sent += $this->remind($period, $closes->format('Y-m-d'));
			$this->appConfig->setValueBool(Application::APP_ID, $key, true);
		}
		return $sent;
	}

	private function remind(Period $period, string $closes): int {
		$users = [];
		foreach ($this->people->activeOrganisations() as $organisation) {
			$orgId = $organisation->getId();
			$toRate = array_map(static fn (array $pair): string => $pair['pilotId'] . ':' . $pair['componentId'], $this->scope->pairs($orgId));
			if ($toRate === []) {
				continue;
			}
			$rated = $this->assessments->ratedComponentsByUser($orgId, $period->getId());
			foreach ($this->people->members($orgId) as $userId) {
				if (array_diff($toRate, $rated[$userId] ?? []) !== []) {
					$users[] = $userId;
				}
			}
		}
		$users = array_values(array_unique($users));
		$this->sender->aboutPeriod(NotificationKind::RatingReminder, $period->getId(), $users, ['closes' => $closes]);
		return count($users);
	}
}
