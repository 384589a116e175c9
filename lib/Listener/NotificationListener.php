<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Event\ItemMerged;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Event\PeriodClosed;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Notification\NotificationKind;
use OCA\PilotFeedback\Notification\NotificationSender;
use OCA\PilotFeedback\People\People;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use Psr\Log\LoggerInterface;

/**
 * Who is notified of what (issue 9): reporter and supporters of status changes and merges,
 * the reporter of comments, coordinators of a period closed without their release, and the
 * consolidators of a release. A failing notification never fails the action itself.
 *
 * @template-implements IEventListener<Event>
 */
class NotificationListener implements IEventListener {
	public function __construct(
		private NotificationSender $sender,
		private SupporterMapper $supporters,
		private ReleaseMapper $releases,
		private People $people,
		private LoggerInterface $logger,
	) {
	}

	public function handle(Event $event): void {
		try {
			$this->notify($event);
		} catch (\Throwable $e) {
			$this->logger->error('Pilot Feedback could not send a notification: ' . $e->getMessage(), ['exception' => $e]);
		}
	}

	private function notify(Event $event): void {
		if ($event instanceof ItemStatusChanged || $event instanceof ItemMerged) {
			$item = $event->getItem();
			$recipients = [$item->getReporterId(), ...array_column($this->supporters->findForItem($item->getId()), 'userId')];
			if ($event instanceof ItemMerged) {
				$this->sender->aboutItem(NotificationKind::Merged, $item, $event->getActorId(), $recipients, ['target' => $event->getTargetId()]);
			} else {
				$this->sender->aboutItem(NotificationKind::StatusChanged, $item, $event->getActorId(), $recipients, ['status' => $item->getStatus()]);
			}
		} elseif ($event instanceof ItemCommented) {
			$item = $event->getItem();
			$this->sender->aboutItem(NotificationKind::Commented, $item, $event->getActorId(), [$item->getReporterId()], ['comment' => $event->getCommentId()]);
		} elseif ($event instanceof PeriodReleased) {
			$release = $event->getRelease();
			$this->sender->aboutPeriod(NotificationKind::Released, $release->getPeriodId(), $this->people->consolidators(), ['organisation' => $release->getOrgId()]);
		} elseif ($event instanceof PeriodClosed) {
			$periodId = $event->getPeriod()->getId();
			foreach ($this->people->activeOrganisations() as $organisation) {
				if ($this->releases->find($organisation->getId(), $periodId) === null) {
					$this->sender->aboutPeriod(NotificationKind::ReleaseMissing, $periodId, $this->people->coordinators($organisation->getId()), ['organisation' => $organisation->getId()]);
				}
			}
		}
	}
}
