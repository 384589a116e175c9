<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Activity;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;
use OCP\Activity\Exceptions\UnknownActivityException;
use OCP\Activity\IEvent;
use OCP\Activity\IProvider;
use OCP\IL10N;
use OCP\L10N\IFactory;

/**
 * Shows the app's activity entries, with the item's current title, and only to those who
 * may see the item now: an entry about an item the reader may not see is left out. A person
 * whose account was deleted is shown by their pseudonym (UserNames), never by the user id the
 * entry was written with.
 */
class Provider implements IProvider {
	public function __construct(
		private IFactory $l10nFactory,
		private ItemMapper $items,
		private PeriodMapper $periods,
		private OrganisationMapper $organisations,
		private ActorFactory $actors,
		private Policy $policy,
		private AppLinks $links,
		private UserNames $names,
		private ReportMapper $reports,
	) {
	}

	public function parse($language, IEvent $event, ?IEvent $previousEvent = null): IEvent {
		if ($event->getApp() !== Application::APP_ID) {
			throw new UnknownActivityException();
		}
		$l = $this->l10nFactory->get(Application::APP_ID, $language);
		$reader = $this->actors->forUserId($event->getAffectedUser()) ?? throw new UnknownActivityException();
		/** @var array<string, mixed> $p */
		$p = $event->getSubjectParameters();
		$actor = $this->user($p['actor'] ?? $event->getAuthor());
		if ($this->names->isGone($event->getAuthor())) {
			// The activity app answers with the author's id beside the text.
			$event->setAuthor('');
		}
		$event->setIcon($this->links->icon());

		if ($event->getSubject() === 'report_generated') {
			return $this->reportGenerated($l, $event, $p, $actor);
		}
		if ($event->getSubject() === 'released') {
			if (!$reader->isConsolidator && !$reader->coordinates((int)($p['organisation'] ?? 0))) {
				throw new UnknownActivityException();
			}
			try {
				$month = $this->periods->get((int)($p['period'] ?? 0))->getMonth();
			} catch (NotFoundException) {
				throw new UnknownActivityException();
			}
			$organisation = $this->organisations->findByIds([(int)($p['organisation'] ?? 0)])[0] ?? throw new UnknownActivityException();
			$this->rich($event, $l->t('{actor} released the feedback of %1$s for %2$s', [$organisation->getName(), $month]), ['actor' => $actor]);
			$event->setLink($this->links->view('consolidation'));
			return $event;
		}

		$item = $this->visibleItem($reader, $p['item'] ?? null) ?? throw new UnknownActivityException();
		$itemParameter = $this->item($item);
		[$subject, $parameters] = match ($event->getSubject()) {
			'item_created' => [$l->t('{actor} filed {item}'), ['actor' => $actor, 'item' => $itemParameter]],
			'item_updated' => [$l->t('{actor} edited {item}'), ['actor' => $actor, 'item' => $itemParameter]],
			'item_status_changed' => [$l->t('{actor} changed the status of {item} to "%1$s"', [Labels::status($l, (string)($p['status'] ?? ''))]), ['actor' => $actor, 'item' => $itemParameter]],
			'item_merged' => $this->merged($l, $reader, $actor, $itemParameter, $p['target'] ?? null),
			'item_commented' => [$l->t('{actor} commented on {item}'), ['actor' => $actor, 'item' => $itemParameter]],
			'item_supported' => [$l->t('{actor} supported {item}'), ['actor' => $actor, 'item' => $itemParameter]],
			default => throw new UnknownActivityException(),
		};
		$this->rich($event, $subject, $parameters);
		$event->setLink($this->links->item($item->getId()));
		return $event;
	}

	/**
	 * @param array<string, string> $actor
	 * @param array<string, string> $item
	 * @return array{0: string, 1: array<string, array<string, string>>}
	 */
	private function merged(IL10N $l, Actor $reader, array $actor, array $item, mixed $targetId): array {
		$target = $this->visibleItem($reader, $targetId);
		if ($target === null) {
			return [$l->t('{actor} marked {item} as a duplicate'), ['actor' => $actor, 'item' => $item]];
		}
		return [$l->t('{actor} merged {item} into {target}'), ['actor' => $actor, 'item' => $item, 'target' => $this->item($target)]];
	}

	/**
	 * A report the reader made, with its file's current name, as long as the report exists.
	 *
	 * @param array<string, mixed> $p
	 * @param array<string, string> $actor
	 */
	private function reportGenerated(IL10N $l, IEvent $event, array $p, array $actor): IEvent {
		try {
			$report = $this->reports->get((int)($p['report'] ?? 0));
		} catch (NotFoundException) {
			throw new UnknownActivityException();
		}
		$fileId = $report->getFileId();
		if ($report->getRequestedBy() !== $event->getAffectedUser() || $fileId === null) {
			throw new UnknownActivityException();
		}
		$link = $this->links->file($fileId);
		$file = ['type' => 'highlight', 'id' => (string)$report->getId(), 'name' => (string)$report->getFileName(), 'link' => $link];
		$this->rich($event, $l->t('{actor} made the report {file}'), ['actor' => $actor, 'file' => $file]);
		$event->setLink($link);
		return $event;
	}

	/** @param array<string, array<string, string>> $parameters */
	private function rich(IEvent $event, string $subject, array $parameters): void {
		$placeholders = array_map(static fn (string $key): string => '{' . $key . '}', array_keys($parameters));
		$names = array_map(static fn (array $p): string => $p['name'], array_values($parameters));
		$event->setRichSubject($subject, $parameters);
		$event->setParsedSubject(str_replace($placeholders, $names, $subject));
	}

	private function visibleItem(Actor $reader, mixed $id): ?Item {
		if (!is_numeric($id)) {
			return null;
		}
		$item = $this->items->findByIds([(int)$id])[0] ?? null;
		return $item !== null && $this->policy->canSeeItem($reader, ItemPresenter::facts($item)) ? $item : null;
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
