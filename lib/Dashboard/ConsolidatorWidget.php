<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Dashboard;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Month\MonthService;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/**
 * For consolidators, the items of their start page: those waiting for triage (the ones filed
 * since their last visit marked new), then the open critical and high items.
 */
class ConsolidatorWidget extends ItemsWidget {
	public function __construct(
		IL10N $l10n,
		ActorFactory $actors,
		AppLinks $links,
		IUserSession $userSession,
		IUserManager $userManager,
		private MonthService $month,
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
		return $this->l10n->t('No items wait for triage, and no open critical or high items.');
	}

	protected function items(Actor $actor, ?string $since, int $limit): array {
		$lists = $this->month->consolidatorItems($actor);
		if ($lists === null) {
			return [];
		}
		$lastVisit = $this->month->since($actor);
		$entries = [];
		$seen = [];
		foreach (array_slice($lists['triage']['items'], 0, max(1, intdiv($limit + 1, 2))) as $item) {
			$seen[$item['id']] = true;
			$entries[] = $this->itemEntry($item, $item['createdAt'] > $lastVisit
				? $this->l10n->t('New: %1$s', [$this->itemFacts($item)])
				: $this->l10n->t('Waiting for triage: %1$s', [$this->itemFacts($item)]));
		}
		foreach ($lists['urgent']['items'] as $item) {
			if (!isset($seen[$item['id']])) {
				$entries[] = $this->itemEntry($item, $this->itemFacts($item));
			}
		}
		return array_slice($entries, 0, $limit);
	}
}
