<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Month\MonthDeadline;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\UserNames;
use OCP\L10N\IFactory;
use OCP\Notification\AlreadyProcessedException;
use OCP\Notification\INotification;
use OCP\Notification\INotifier;
use OCP\Notification\UnknownNotificationException;

/**
 * Shows a consolidator's reminder to a coordinator to release the organisation's feedback
 * for a period (sent by CoordinatorReminder). Subject release_reminder {actor, organisation,
 * period}; object "release" {organisation}:{period}. Checked again when shown: once the
 * organisation has released the period, or the reader no longer coordinates it, the
 * reminder is removed.
 */
class ReleaseReminderNotifier implements INotifier {
	public const SUBJECT = 'release_reminder';
	public const OBJECT_TYPE = 'release';

	public function __construct(
		private IFactory $l10nFactory,
		private ActorFactory $actors,
		private PeriodMapper $periods,
		private OrganisationMapper $organisations,
		private ReleaseMapper $releases,
		private UserNames $names,
		private AppLinks $links,
		private MonthDeadline $deadline,
	) {
	}

	public function getID(): string {
		return Application::APP_ID . '-release-reminders';
	}

	public function getName(): string {
		return $this->l10nFactory->get(Application::APP_ID)->t('Pilot Feedback release reminders');
	}

	/** The object id of the reminder about an organisation's release of a period. */
	public static function objectId(int $orgId, int $periodId): string {
		return $orgId . ':' . $periodId;
	}

	public function prepare(INotification $notification, string $languageCode): INotification {
		if ($notification->getApp() !== Application::APP_ID || $notification->getSubject() !== self::SUBJECT) {
			throw new UnknownNotificationException();
		}
		$p = $notification->getSubjectParameters();
		$orgId = is_numeric($p['organisation'] ?? null) ? (int)$p['organisation'] : 0;
		$periodId = is_numeric($p['period'] ?? null) ? (int)$p['period'] : 0;
		$reader = $this->actors->forUserId($notification->getUser());
		if ($reader === null || !$reader->coordinates($orgId) || $this->releases->find($orgId, $periodId) !== null) {
			throw new AlreadyProcessedException();
		}
		try {
			$period = $this->periods->get($periodId);
		} catch (NotFoundException) {
			throw new AlreadyProcessedException();
		}
		$organisation = $this->organisations->findByIds([$orgId])[0] ?? throw new AlreadyProcessedException();
		$l = $this->l10nFactory->get(Application::APP_ID, $languageCode);
		$subject = $l->t('{actor} asks you to release the feedback of {organisation} for %1$s.', [$period->getMonth()]);
		$parameters = [
			'actor' => $this->names->richParameter(is_string($p['actor'] ?? null) ? $p['actor'] : ''),
			'organisation' => ['type' => 'highlight', 'id' => (string)$orgId, 'name' => $organisation->getName()],
		];
		$notification->setRichSubject($subject, $parameters);
		$notification->setParsedSubject(str_replace(['{actor}', '{organisation}'], [$parameters['actor']['name'], $parameters['organisation']['name']], $subject));
		$notification->setParsedMessage($l->t('The deadline is %1$s.', [$this->deadline->deadline($period)]));
		$notification->setLink($this->links->view('coordination'));
		$notification->setIcon($this->links->icon());
		return $notification;
	}
}
