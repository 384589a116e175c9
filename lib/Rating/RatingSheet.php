<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Score;

/**
 * A tester's rating sheet for one period: the components to rate and the criteria, the
 * tester's own assessments (never those of others), their scores of the period before, and
 * the components their organisation has released (read-only). Saving is RatingSaver's.
 *
 * @psalm-import-type PilotFeedbackPreviousScores from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackRatingSheet from \OCA\PilotFeedback\ResponseDefinitions
 */
class RatingSheet {
	public function __construct(
		private RatingScope $scope,
		private PilotScope $pilotScope,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private AssessmentPresenter $presenter,
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
		$pilots = $this->pilotScope->visiblePilots($actor, true);
		$components = $this->pilotScope->componentsOf($pilots);
		$assessments = $period === null ? [] : $this->assessments->findForUser($actor->userId, $period->getId());
		$previousPeriod = $period === null ? null : $this->periods->findBefore($period->getMonth());
		return [
			'period' => $period?->jsonSerialize(),
			'criteria' => $this->criterionService->list(false),
			'components' => $this->componentService->serializeAll($components),
			'assessments' => $this->presenter->list($assessments),
			'previousPeriod' => $previousPeriod?->jsonSerialize(),
			'previous' => $previousPeriod === null ? [] : $this->previousScores($actor->userId, $previousPeriod),
			'lockedComponentIds' => $period === null ? [] : $this->scope->lockedComponentIds($actor, $period, array_map(static fn ($p): int => $p->getId(), $pilots)),
		];
	}

	/** @return list<PilotFeedbackPreviousScores> */
	private function previousScores(string $userId, Period $period): array {
		$previous = [];
		foreach ($this->assessments->scoresOfUser($userId, $period->getId()) as $componentId => $row) {
			$scores = [];
			foreach ($row['scores'] as $criterionId => $score) {
				$scores[] = ['criterionId' => $criterionId, 'score' => Score::fromStored($score)];
			}
			$previous[] = ['componentId' => $componentId, 'overall' => Score::fromStored($row['overall']), 'scores' => $scores];
		}
		return $previous;
	}
}
