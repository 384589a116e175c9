<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;
use OCP\L10N\IFactory;
use OCP\Notification\AlreadyProcessedException;
use OCP\Notification\INotification;
use OCP\Notification\INotifier;
use OCP\Notification\UnknownNotificationException;

/**
 * Shows the app's notifications. Each is checked again when shown: a notification about an
 * item the reader may no longer see (or that is gone) is removed, never shown. A person whose
 * account was deleted is shown by their pseudonym (UserNames).
 */
class Notifier implements INotifier {
	public function __construct(
		private IFactory $l10nFactory,
		private ItemMapper $items,
		private PeriodMapper $periods,
		private OrganisationMapper $organisations,
		private ActorFactory $actors,
		private Policy $policy,
		private AppLinks $links,
		private UserNames $names,
	) {
	}

	public function getID(): string {
		return Application::APP_ID;
	}

	public function getName(): string {
		return $this->l10nFactory->get(Application::APP_ID)->t('Pilot Feedback');
	}

	public function prepare(INotification $notification, string $languageCode): INotification {
		if ($notification->getApp() !== Application::APP_ID) {
			throw new UnknownNotificationException();
		}
		$kind = NotificationKind::tryFrom($notification->getSubject()) ?? throw new UnknownNotificationException();
		$l = $this->l10nFactory->get(Application::APP_ID, $languageCode);
		$reader = $this->actors->forUserId($notification->getUser()) ?? throw new AlreadyProcessedException();
		/** @var array<string, mixed> $p */
		$p = $notification->getSubjectParameters();
		$notification->setIcon($this->links->icon());

		switch ($kind) {
			case NotificationKind::StatusChanged:
				$item = $this->visibleItem($reader, $p['item'] ?? null);
				$this->rich($notification, $l->t('{actor} changed the status of {item} to "%1$s".', [Labels::status($l, $item->getStatus())]), [
					'actor' => $this->user($p['actor'] ?? ''),
					'item' => $this->item($item),
				]);
				$notification->setLink($this->links->item($item->getId()));
				break;
			case NotificationKind::Merged:
				$item = $this->visibleItem($reader, $p['item'] ?? null);
				$target = $this->visibleItemOrNull($reader, $p['target'] ?? $item->getDuplicateOf());
				if ($target === null) {
					$this->rich($notification, $l->t('{actor} marked {item} as a duplicate of another item.'), [
						'actor' => $this->user($p['actor'] ?? ''),
						'item' => $this->item($item),
					]);
				} else {
					$this->rich($notification, $l->t('{actor} merged {item} into {target}.'), [
						'actor' => $this->user($p['actor'] ?? ''),
						'item' => $this->item($item),
						'target' => $this->item($target),
					]);
				}
				$notification->setLink($this->links->item($target?->getId() ?? $item->getId()));
				break;
			case NotificationKind::Commented:
				$item = $this->visibleItem($reader, $p['item'] ?? null);
				$this->rich($notification, $l->t('{actor} commented on {item}.'), [
					'actor' => $this->user($p['actor'] ?? ''),
					'item' => $this->item($item),
				]);
				$notification->setLink($this->links->item($item->getId()));
				break;
			case NotificationKind::RatingReminder:
				$month = $this->month($p['period'] ?? null, true);
				$notification->setParsedSubject($l->t('Please rate the components for %1$s: the period closes on %2$s.', [$month, (string)($p['closes'] ?? '')]));
				$notification->setLink($this->links->view('rate'));
				break;
			case NotificationKind::ReleaseMissing:
				$month = $this->month($p['period'] ?? null, false);
				$orgId = (int)($p['organisation'] ?? 0);
				if (!$reader->coordinates($orgId)) {
					throw new AlreadyProcessedException();
				}
				$notification->setParsedSubject($l->t('The period %1$s was closed without a release of %2$s.', [$month, $this->organisationName($orgId)]));
				$notification->setLink($this->links->view('coordination'));
				break;
			case NotificationKind::Released:
				$month = $this->month($p['period'] ?? null, false);
				if (!$reader->isConsolidator) {
					throw new AlreadyProcessedException();
				}
				$notification->setParsedSubject($l->t('%1$s released its feedback for %2$s.', [$this->organisationName((int)($p['organisation'] ?? 0)), $month]));
				$notification->setLink($this->links->view('consolidation'));
				break;
		}
		return $notification;
	}

	/**
	 * @param array<string, array<string, string>> $parameters
	 */
	private function rich(INotification $notification, string $subject, array $parameters): void {
		$placeholders = array_map(static fn (string $key): string => '{' . $key . '}', array_keys($parameters));
		$names = array_map(static fn (array $p): string => $p['name'], array_values($parameters));
		$notification->setRichSubject($subject, $parameters);
		$notification->setParsedSubject(str_replace($placeholders, $names, $subject));
	}

	/** @throws AlreadyProcessedException when the item is gone or the reader may not see it (any longer) */
	private function visibleItem(Actor $reader, mixed $id): Item {
		return $this->visibleItemOrNull($reader, $id) ?? throw new AlreadyProcessedException();
	}

	private function visibleItemOrNull(Actor $reader, mixed $id): ?Item {
		if (!is_numeric($id)) {
			return null;
		}
		$item = $this->items->findByIds([(int)$id])[0] ?? null;
		if ($item === null || !$this->policy->canSeeItem($reader, ItemPresenter::facts($item))) {
			return null;
		}
		return $item;
	}

	/** @throws AlreadyProcessedException when the period is gone (or, for reminders, no longer open) */
	private function month(mixed $periodId, bool $openOnly): string {
		try {
			$period = $this->periods->get(is_numeric($periodId) ? (int)$periodId : 0);
		} catch (NotFoundException) {
			throw new AlreadyProcessedException();
		}
		if ($openOnly && !$period->isOpen()) {
			throw new AlreadyProcessedException();
		}
		return $period->getMonth();
	}

	private function organisationName(int $orgId): string {
		$organisation = $this->organisations->findByIds([$orgId])[0] ?? throw new AlreadyProcessedException();
		return $organisation->getName();
	}

	/** @return array{type: string, id: string, name: string} */
	private function user(mixed $userId): array {
		return $this->names->richParameter($userId);
	}

	/** @return array{type: string, id: string, name: string, link: string} */
	private function item(Item $item): array {
		return ['type' => 'highlight', 'id' => (string)$item->getId(), 'name' => $item->getTitle(), 'link' => $this->links->item($item->getId())];
	}
}
