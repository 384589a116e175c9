<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Score;

/**
 * A tester's rating sheet for one period, pilot by pilot: each active pilot of their
 * organisations with the components to rate in it (a component in two pilots in each), the
 * criteria, the tester's own assessments (never those of others), their scores of the period
 * before, and which pilots their organisation has released (read-only). Saving is RatingSaver's.
 *
 * @psalm-import-type PilotFeedbackPreviousScores from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackRatingSheet from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackRatingPilot from \OCA\PilotFeedback\ResponseDefinitions
 */
class RatingSheet {
	public function __construct(
		private RatingScope $scope,
		private PilotScope $pilotScope,
		private LinkMapper $links,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private AssessmentPresenter $presenter,
		private CatalogueNames $names,
	) {
	}

	/**
	 * The rating sheet of a period (default: the newest open one): what to rate and what is rated.
	 *
	 * @return PilotFeedbackRatingSheet
	 */
	public function sheet(Actor $actor, mixed $periodId): array {
		$this->scope->requireTester($actor);
		$period = ($periodId === null || $periodId === '')
			? $this->periods->findNewestOpen()
			: $this->periods->get(Validator::id($periodId, 'Period'));
		$pilots = $this->scope->pilotsToRate($actor);
		$components = $this->pilotScope->componentsOf($pilots);
		$assessments = $period === null ? [] : $this->assessments->findForUser($actor->userId, $period->getId());
		$previousPeriod = $period === null ? null : $this->periods->findBefore($period->getMonth());
		$pilotIds = array_map(static fn (Pilot $p): int => $p->getId(), $pilots);
		$locked = $period === null ? [] : $this->scope->lockedPilotIds($actor, $period, $pilotIds);
		return [
			'period' => $period?->jsonSerialize(),
			'criteria' => $this->criterionService->list(false),
			'pilots' => $this->pilotGroups($actor, $pilots, $components, $locked),
			'components' => $this->componentService->serializeAll($components),
			'assessments' => $this->presenter->list($assessments),
			'previousPeriod' => $previousPeriod?->jsonSerialize(),
			'previous' => $previousPeriod === null ? [] : $this->previousScores($actor->userId, $previousPeriod),
		];
	}

	/**
	 * Each pilot with the components to rate in it, in the order of $components.
	 *
	 * @param list<Pilot> $pilots
	 * @param list<Component> $components
	 * @param list<int> $locked the released pilots
	 * @return list<PilotFeedbackRatingPilot>
	 */
	private function pilotGroups(Actor $actor, array $pilots, array $components, array $locked): array {
		$pilotIds = array_map(static fn (Pilot $p): int => $p->getId(), $pilots);
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, $pilotIds);
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		$groups = [];
		foreach ($pilots as $pilot) {
			$inPilot = array_map(intval(...), $componentsByPilot[$pilot->getId()] ?? []);
			$orgId = 0;
			foreach ($actor->organisationIds() as $candidate) {
				if (in_array($pilot->getId(), $pilotsByOrg[$candidate] ?? [], true)) {
					$orgId = $candidate;
					break;
				}
			}
			$groups[] = [
				'id' => $pilot->getId(),
				'title' => $this->names->pilotTitle($pilot),
				'organisationId' => $orgId,
				'componentIds' => array_values(array_filter(array_map(static fn (Component $c): int => $c->getId(), $components), static fn (int $id): bool => in_array($id, $inPilot, true))),
				'locked' => in_array($pilot->getId(), $locked, true),
			];
		}
		return $groups;
	}

	/** @return list<PilotFeedbackPreviousScores> */
	private function previousScores(string $userId, Period $period): array {
		$previous = [];
		foreach ($this->assessments->scoresOfUser($userId, $period->getId()) as $row) {
			$scores = [];
			foreach ($row['scores'] as $criterionId => $score) {
				$scores[] = ['criterionId' => $criterionId, 'score' => Score::fromStored($score)];
			}
			$previous[] = ['pilotId' => $row['pilotId'], 'componentId' => $row['componentId'], 'overall' => Score::fromStored($row['overall']), 'scores' => $scores];
		}
		return $previous;
	}
}
