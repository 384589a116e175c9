<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Activity;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Event\ItemEvent;
use OCA\PilotFeedback\Event\ItemMerged;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Event\ItemUpdated;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCP\Activity\IManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use Psr\Log\LoggerInterface;

/**
 * Publishes activity entries: for an item, to the actor, the reporter, the supporters, the
 * organisation's coordinators and the consolidators, each only if they may see the item
 * (and the Provider checks again when the entry is shown). Entries carry ids, never titles.
 *
 * @template-implements IEventListener<Event>
 */
class ActivityListener implements IEventListener {
	public const TYPE_ITEMS = 'pilotfeedback_items';
	public const TYPE_RELEASES = 'pilotfeedback_releases';
	public const TYPE_REPORTS = 'pilotfeedback_reports';
	public const OBJECT_ITEM = 'pilotfeedback_item';
	public const OBJECT_PERIOD = 'pilotfeedback_period';
	public const OBJECT_REPORT = 'pilotfeedback_report';

	public function __construct(
		private IManager $activity,
		private SupporterMapper $supporters,
		private People $people,
		private ActorFactory $actors,
		private Policy $policy,
		private ITimeFactory $time,
		private LoggerInterface $logger,
	) {
	}

	public function handle(Event $event): void {
		try {
			if ($event instanceof ItemEvent) {
				$this->publishItem($event);
			} elseif ($event instanceof PeriodReleased) {
				$release = $event->getRelease();
				$recipients = [$release->getUserId(), ...$this->people->coordinators($release->getOrgId()), ...$this->people->consolidators()];
				$this->publish(self::TYPE_RELEASES, 'released', $release->getUserId(), self::OBJECT_PERIOD, $release->getPeriodId(), $recipients, [
					'period' => $release->getPeriodId(),
					'organisation' => $release->getOrgId(),
				]);
			} elseif ($event instanceof ReportGenerated) {
				// A report goes into its requester's Files only: the entry is theirs alone.
				$report = $event->getReport();
				$this->publish(self::TYPE_REPORTS, 'report_generated', $report->getRequestedBy(), self::OBJECT_REPORT, $report->getId(), [$report->getRequestedBy()], [
					'report' => $report->getId(),
					'fileId' => (int)$report->getFileId(),
				]);
			}
		} catch (\Throwable $e) {
			$this->logger->error('Pilot Feedback could not publish an activity: ' . $e->getMessage(), ['exception' => $e]);
		}
	}

	private function publishItem(ItemEvent $event): void {
		$subject = match (true) {
			$event instanceof ItemCreated => 'item_created',
			$event instanceof ItemUpdated => 'item_updated',
			$event instanceof ItemStatusChanged => 'item_status_changed',
			$event instanceof ItemMerged => 'item_merged',
			$event instanceof ItemCommented => 'item_commented',
			$event instanceof ItemSupported => $event->supports() ? 'item_supported' : null,
			default => null,
		};
		if ($subject === null) {
			return;
		}
		$item = $event->getItem();
		$parameters = ['item' => $item->getId(), 'status' => $item->getStatus()];
		if ($event instanceof ItemMerged) {
			$parameters['target'] = $event->getTargetId();
		}
		$recipients = [
			$event->getActorId(),
			$item->getReporterId(),
			...array_column($this->supporters->findForItem($item->getId()), 'userId'),
			...$this->people->coordinators($item->getOrgId()),
			...$this->people->consolidators(),
		];
		$facts = ItemPresenter::facts($item);
		$visibleTo = array_filter(array_unique($recipients), function (string $userId) use ($facts): bool {
			$actor = $this->actors->forUserId($userId);
			return $actor !== null && $this->policy->canSeeItem($actor, $facts);
		});
		$this->publish(self::TYPE_ITEMS, $subject, $event->getActorId(), self::OBJECT_ITEM, $item->getId(), array_values($visibleTo), $parameters);
	}

	/**
	 * @param list<string> $recipients
	 * @param array<string, scalar> $parameters
	 */
	private function publish(string $type, string $subject, string $author, string $objectType, int $objectId, array $recipients, array $parameters): void {
		foreach (array_unique($recipients) as $userId) {
			$entry = $this->activity->generateEvent();
			$entry->setApp(Application::APP_ID)
				->setType($type)
				->setAffectedUser($userId)
				->setAuthor($author)
				->setTimestamp($this->time->getTime())
				->setObject($objectType, $objectId, '#' . $objectId)
				->setSubject($subject, ['actor' => $author, ...$parameters]);
			$this->activity->publish($entry);
		}
	}
}
