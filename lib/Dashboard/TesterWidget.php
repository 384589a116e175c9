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
use OCP\Dashboard\Model\WidgetItem;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/**
 * For testers, the tester part of the start page: the components still unrated in the open
 * period (each opening its rating sheet), then the items they filed or support that changed
 * since their last visit.
 */
class TesterWidget extends ItemsWidget {
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
		return 'pilotfeedback-tester';
	}

	public function getTitle(): string {
		return $this->l10n->t('Pilot Feedback: my ratings and items');
	}

	protected function isFor(Actor $actor): bool {
		return $actor->isParticipant();
	}

	protected function emptyMessage(): string {
		return $this->l10n->t('Everything is rated, and nothing changed on your items since your last visit.');
	}

	protected function items(Actor $actor, ?string $since, int $limit): array {
		$period = $this->month->period();
		$section = $this->month->testerSection($actor, $period);
		if ($section === null) {
			return [];
		}
		$entries = [];
		if ($period !== null) {
			$deadline = $this->month->deadlineOf($period)['deadline'];
			// A component still to rate in two pilots is named with its pilot.
			$times = array_count_values(array_map(static fn (array $c): int => $c['id'], $section['toRate']));
			foreach ($section['toRate'] as $component) {
				$entries[] = new WidgetItem(
					$times[$component['id']] > 1 ? $component['name'] . ' (' . $component['pilotTitle'] . ')' : $component['name'],
					$this->l10n->t('Not rated yet for %1$s, due %2$s', [$period->getMonth(), $deadline]),
					$this->links->view('rate') . '?component=' . $component['id'] . '&pilot=' . $component['pilotId'],
					$this->links->icon(),
				);
			}
		}
		$entries = array_slice($entries, 0, max(1, intdiv($limit + 1, 2)));
		foreach ($section['changedItems'] as $item) {
			$entries[] = $this->itemEntry($item, $this->l10n->t('Changed: %1$s', [$this->itemFacts($item)]));
		}
		return array_slice($entries, 0, $limit);
	}
}
