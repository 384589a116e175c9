<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Rating\RatingScope;

/**
 * A tester's month: the components of their active pilots they have not rated yet in the
 * open period (as the rating sheet counts them: a comment alone is no rating; a component
 * their organisation has released is read-only and no longer to rate), and the items they
 * filed or support that changed since their last visit. Only the tester's own records.
 *
 * @psalm-import-type PilotFeedbackMonthTester from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthComponent from \OCA\PilotFeedback\ResponseDefinitions
 */
class TesterMonth {
	public function __construct(
		private PilotScope $pilotScope,
		private LinkMapper $links,
		private AssessmentMapper $assessments,
		private RatingScope $ratingScope,
		private MonthItems $items,
	) {
	}

	/** @return PilotFeedbackMonthTester */
	public function section(Actor $actor, ?Period $period, int $since): array {
		$pilots = $this->pilotScope->visiblePilots($actor, true);
		$components = $this->pilotScope->componentsOf($pilots);
		$componentIds = array_map(static fn ($c): int => $c->getId(), $components);
		$toRate = [];
		$rated = [];
		if ($period !== null && $period->isOpen()) {
			foreach ($this->assessments->findForUser($actor->userId, $period->getId()) as $assessment) {
				if ($assessment->getRated() === 1 && in_array($assessment->getComponentId(), $componentIds, true)) {
					$rated[] = $assessment->getComponentId();
				}
			}
			$pilotIds = array_map(static fn (Pilot $p): int => $p->getId(), $pilots);
			$locked = $this->ratingScope->lockedComponentIds($actor, $period, $pilotIds);
			$pilotOf = $this->pilotOfComponents($pilots);
			foreach ($components as $component) {
				$id = $component->getId();
				if (in_array($id, $rated, true) || in_array($id, $locked, true)) {
					continue;
				}
				$pilot = $pilotOf[$id] ?? null;
				$toRate[] = [
					'id' => $id,
					'name' => $component->getName(),
					'pilotId' => $pilot?->getId() ?? 0,
					'pilotTitle' => $pilot?->getTitle() ?? '',
				];
			}
		}
		return [
			'toRate' => $toRate,
			'componentCount' => count($components),
			'ratedCount' => count(array_unique($rated)),
			'changedItems' => $this->items->followedChangedSince($actor, $since),
		];
	}

	/**
	 * The pilot each component is rated in: the first of the given pilots that holds it.
	 *
	 * @param list<Pilot> $pilots
	 * @return array<int, Pilot> component id => pilot
	 */
	private function pilotOfComponents(array $pilots): array {
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, array_map(static fn (Pilot $p): int => $p->getId(), $pilots));
		$pilotOf = [];
		foreach ($pilots as $pilot) {
			foreach ($componentsByPilot[$pilot->getId()] ?? [] as $componentId) {
				$pilotOf[(int)$componentId] ??= $pilot;
			}
		}
		return $pilotOf;
	}
}
