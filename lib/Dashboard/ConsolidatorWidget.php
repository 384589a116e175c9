<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Dashboard;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\ItemSearchMapper;
use OCA\PilotFeedback\Item\LastVisit;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/** For consolidators: the items filed since their last visit of the app, then the open critical and high items. */
class ConsolidatorWidget extends ItemsWidget {
	public function __construct(
		IL10N $l10n,
		ActorFactory $actors,
		AppLinks $links,
		IUserSession $userSession,
		IUserManager $userManager,
		private ItemSearchMapper $search,
		private LastVisit $lastVisit,
	) {
		parent::__construct($l10n, $actors, $links, $userSession, $userManager);
	}

	public function getId(): string {
		return 'pilotfeedback-consolidator';
	}

	public function getTitle(): string {
		return $this->l10n->t('Pilot Feedback: new and urgent items');
	}

	protected function isFor(Actor $actor): bool {
		return $actor->isConsolidator;
	}

	protected function emptyMessage(): string {
		return $this->l10n->t('No new items since your last visit, and no open critical or high items.');
	}

	protected function items(Actor $actor, ?string $since, int $limit): array {
		$entries = [];
		$seen = [];
		$new = $this->search->latest($actor, ['createdAfter' => $this->lastVisit->get($actor->userId)], max(1, intdiv($limit + 1, 2)));
		foreach ($new as $item) {
			$seen[$item->getId()] = true;
			$entries[] = $this->itemEntry($item, $this->l10n->t('New: %1$s', [$this->itemFacts($item)]));
		}
		$open = array_map(static fn (ItemStatus $s): string => $s->value, [ItemStatus::New, ItemStatus::InReview, ItemStatus::Accepted, ItemStatus::Forwarded, ItemStatus::InProgress]);
		foreach ($this->search->latest($actor, ['statuses' => $open, 'minPriority' => Priority::High->value], $limit) as $item) {
			if (!isset($seen[$item->getId()])) {
				$entries[] = $this->itemEntry($item, $this->itemFacts($item));
			}
		}
		return array_slice($entries, 0, $limit);
	}
}
