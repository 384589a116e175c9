<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
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
 * open period, pilot by pilot (as the rating sheet counts them: a comment alone is no rating;
 * a pilot their organisation has released is read-only and no longer to rate), and the items they
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
		private CatalogueNames $names,
	) {
	}

	/** @return PilotFeedbackMonthTester */
	public function section(Actor $actor, ?Period $period, int $since): array {
		$pilots = $this->ratingScope->pilotsToRate($actor);
		$components = $this->pilotScope->componentsOf($pilots);
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, array_map(static fn (Pilot $p): int => $p->getId(), $pilots));
		// What to rate: each component in each active pilot that contains it.
		$pairs = [];
		foreach ($pilots as $pilot) {
			$inPilot = array_map(intval(...), $componentsByPilot[$pilot->getId()] ?? []);
			foreach ($components as $component) {
				if (in_array($component->getId(), $inPilot, true)) {
					$pairs[] = [$pilot, $component];
				}
			}
		}
		$toRate = [];
		$rated = [];
		if ($period !== null && $period->isOpen()) {
			foreach ($this->assessments->findForUser($actor->userId, $period->getId()) as $assessment) {
				if ($assessment->getRated() === 1) {
					$rated[] = $assessment->getPilotId() . ':' . $assessment->getComponentId();
				}
			}
			$locked = $this->ratingScope->lockedPilotIds($actor, $period, array_map(static fn (Pilot $p): int => $p->getId(), $pilots));
			foreach ($pairs as [$pilot, $component]) {
				if (in_array($pilot->getId() . ':' . $component->getId(), $rated, true) || in_array($pilot->getId(), $locked, true)) {
					continue;
				}
				$toRate[] = [
					'id' => $component->getId(),
					'name' => $this->names->componentName($component),
					'pilotId' => $pilot->getId(),
					'pilotTitle' => $this->names->pilotTitle($pilot),
				];
			}
		}
		$pairKeys = array_map(static fn (array $pair): string => $pair[0]->getId() . ':' . $pair[1]->getId(), $pairs);
		return [
			'toRate' => $toRate,
			'componentCount' => count($pairs),
			'ratedCount' => count(array_intersect($pairKeys, array_unique($rated))),
			'changedItems' => $this->items->followedChangedSince($actor, $since),
		];
	}
}
