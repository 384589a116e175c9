<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Notification\ReleaseReminderNotifier;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Notification\IManager;

/**
 * A consolidator reminds an organisation's coordinators to release its feedback for a period
 * (by default the open one): a Nextcloud notification to each of them, shown by
 * ReleaseReminderNotifier. A new reminder replaces the previous one about the same release.
 *
 * @psalm-import-type PilotFeedbackReleaseReminder from \OCA\PilotFeedback\ResponseDefinitions
 */
class CoordinatorReminder {
	public function __construct(
		private Policy $policy,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private ReleaseMapper $releases,
		private People $people,
		private IManager $notifications,
		private ITimeFactory $time,
	) {
	}

	/** @return PilotFeedbackReleaseReminder */
	public function remind(Actor $actor, int $orgId, mixed $periodId): array {
		$this->policy->require($this->policy->canRemindCoordinators($actor), 'Only consolidators remind coordinators to release their feedback.');
		$organisation = $this->organisations->get($orgId);
		if ($organisation->getArchived() === true) {
			throw new ConflictException('%1$s is archived; there is nothing to release.', [$organisation->getName()]);
		}
		$period = $this->period($periodId);
		if ($this->releases->find($orgId, $period->getId()) !== null) {
			throw new ConflictException('%1$s has already released its feedback for %2$s.', [$organisation->getName(), $period->getMonth()]);
		}
		$coordinators = $this->people->coordinators($orgId);
		if ($coordinators === []) {
			throw new ConflictException('%1$s has no coordinator to remind. Ask your administrator to name one.', [$organisation->getName()]);
		}
		$objectId = ReleaseReminderNotifier::objectId($orgId, $period->getId());
		foreach ($coordinators as $userId) {
			$previous = $this->notifications->createNotification();
			$previous->setApp(Application::APP_ID)->setUser($userId)->setObject(ReleaseReminderNotifier::OBJECT_TYPE, $objectId);
			$this->notifications->markProcessed($previous);
			$notification = $this->notifications->createNotification();
			$notification->setApp(Application::APP_ID)
				->setUser($userId)
				->setDateTime($this->time->getDateTime())
				->setObject(ReleaseReminderNotifier::OBJECT_TYPE, $objectId)
				->setSubject(ReleaseReminderNotifier::SUBJECT, ['actor' => $actor->userId, 'organisation' => $orgId, 'period' => $period->getId()]);
			$this->notifications->notify($notification);
		}
		return ['organisationId' => $orgId, 'periodId' => $period->getId(), 'reminded' => count($coordinators)];
	}

	private function period(mixed $periodId): Period {
		if ($periodId !== null && $periodId !== '') {
			return $this->periods->get(Validator::id($periodId, 'Period'));
		}
		return $this->periods->findNewestOpen() ?? throw new ValidationException('There is no open reporting period. Ask your administrator to open one.');
	}
}
