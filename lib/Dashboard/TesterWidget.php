<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Dashboard;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\ItemSearchMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\Dashboard\Model\WidgetItem;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/** For testers: the components still unrated in the open period, then the latest changes to their own items. */
class TesterWidget extends ItemsWidget {
	public function __construct(
		IL10N $l10n,
		ActorFactory $actors,
		AppLinks $links,
		IUserSession $userSession,
		IUserManager $userManager,
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private CatalogueService $catalogue,
		private ItemSearchMapper $search,
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
		return $this->l10n->t('Everything is rated, and nothing changed on your items.');
	}

	protected function items(Actor $actor, ?string $since, int $limit): array {
		$entries = [];
		$period = $this->periods->findNewestOpen();
		if ($period !== null) {
			$rated = array_map(static fn ($a): int => $a->getComponentId(), $this->assessments->findForUser($actor->userId, $period->getId()));
			foreach ($this->catalogue->componentsOf($this->catalogue->visiblePilots($actor, true)) as $component) {
				if (!in_array($component->getId(), $rated, true)) {
					$entries[] = new WidgetItem(
						$component->getName(),
						$this->l10n->t('Not rated yet for %1$s', [$period->getMonth()]),
						$this->links->view('rate'),
						$this->links->icon(),
					);
				}
			}
		}
		$entries = array_slice($entries, 0, max(1, intdiv($limit + 1, 2)));
		$own = $this->search->latest($actor, ['reporterId' => $actor->userId], $limit - count($entries));
		foreach ($own as $item) {
			$entries[] = $this->itemEntry($item, $this->itemFacts($item));
		}
		return array_slice($entries, 0, $limit);
	}
}
