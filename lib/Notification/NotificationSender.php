<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Notification\IManager;

/**
 * Sends the app's notifications. Only ids go into a notification; the Notifier fills in
 * titles when it is shown, after checking again that the reader may see the item. Users who
 * may not see an item, or who switched the kind off, get nothing.
 */
class NotificationSender {
	public function __construct(
		private IManager $manager,
		private NotificationPreferences $preferences,
		private ActorFactory $actors,
		private Policy $policy,
		private ITimeFactory $time,
	) {
	}

	/**
	 * About an item, to the given users except the actor, each only if they may see it.
	 *
	 * @param list<string> $userIds
	 * @param array<string, scalar|null> $parameters
	 */
	public function aboutItem(NotificationKind $kind, Item $item, string $actorId, array $userIds, array $parameters = []): void {
		$facts = ItemPresenter::facts($item);
		foreach (array_unique($userIds) as $userId) {
			if ($userId === $actorId || !$this->preferences->wants($userId, $kind)) {
				continue;
			}
			$actor = $this->actors->forUserId($userId);
			if ($actor === null || !$this->policy->canSeeItem($actor, $facts)) {
				continue;
			}
			$this->send($kind, $userId, 'item', (string)$item->getId(), ['actor' => $actorId, 'item' => $item->getId(), ...$parameters]);
		}
	}

	/**
	 * About a period (reminders, releases), to the given users.
	 *
	 * @param list<string> $userIds
	 * @param array<string, scalar|null> $parameters
	 */
	public function aboutPeriod(NotificationKind $kind, int $periodId, array $userIds, array $parameters = []): void {
		foreach (array_unique($userIds) as $userId) {
			if ($this->preferences->wants($userId, $kind)) {
				$this->send($kind, $userId, 'period', (string)$periodId, ['period' => $periodId, ...$parameters]);
			}
		}
	}

	/** Removes the notifications about an item (it was deleted, say). */
	public function withdrawItem(int $itemId): void {
		$notification = $this->manager->createNotification();
		$notification->setApp(Application::APP_ID)->setObject('item', (string)$itemId);
		$this->manager->markProcessed($notification);
	}

	/** @param array<string, scalar|null> $parameters */
	private function send(NotificationKind $kind, string $userId, string $objectType, string $objectId, array $parameters): void {
		$notification = $this->manager->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($userId)
			->setDateTime($this->time->getDateTime())
			->setObject($objectType, $objectId)
			->setSubject($kind->value, $parameters);
		$this->manager->notify($notification);
	}
}
