<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Saving a rating [Bewertung]: a tester rates the components of their organisation's active
 * pilots once per pilot and period (a component in two pilots in each separately), and may
 * change the rating until the period closes or their organisation's coordinator releases the
 * period (until the coordinator reopens it).
 *
 * An assessment counts as a rating only with an overall score or at least one criterion
 * score; a comment alone (or only "not assessed") is saved as a draft with rated = false and
 * counted nowhere. AssessmentStore stores it against the version the client edited.
 *
 * @psalm-import-type PilotFeedbackAssessment from \OCA\PilotFeedback\ResponseDefinitions
 */
class RatingSaver {
	/** Longest comment on an assessment. */
	private const MAX_COMMENT = 5000;

	public function __construct(
		private RatingScope $scope,
		private PeriodMapper $periods,
		private CriterionMapper $criteria,
		private AssessmentStore $store,
		private ITimeFactory $time,
	) {
	}

	/**
	 * Creates or replaces the actor's assessment of a component in a pilot in an open period.
	 *
	 * @param array<string, mixed> $input pilotId (needed when the component is in several of the actor's active pilots),
	 *                                    overall, comment, scores: list of {criterionId, score},
	 *                                    version: the version the client edited (0: none yet; null: overwrite)
	 * @return PilotFeedbackAssessment
	 * @throws StaleVersionException when the version is no longer the stored one
	 */
	public function save(Actor $actor, int $periodId, int $componentId, array $input): array {
		$this->scope->requireTester($actor);
		$period = $this->periods->get($periodId);
		if (!$period->isOpen()) {
			throw new ValidationException('The period %1$s is closed; its assessments can no longer be changed.', [$period->getMonth()]);
		}
		['pilotId' => $pilotId, 'orgId' => $orgId] = $this->scope->target($actor, $componentId, $input['pilotId'] ?? null);
		$overall = Validator::score($input['overall'] ?? null, 'Overall score');
		$comment = Validator::optionalText($input['comment'] ?? null, 'Comment', self::MAX_COMMENT);
		$scores = $this->validScores($input['scores'] ?? null);
		$version = ($input['version'] ?? null) === null ? null : Validator::intInRange($input['version'], 'Version', 0, PHP_INT_MAX);

		$content = new Assessment();
		$content->setUserId($actor->userId);
		$content->setPilotId($pilotId);
		$content->setComponentId($componentId);
		$content->setPeriodId($period->getId());
		$content->setOrgId($orgId);
		$content->setOverall($overall);
		$content->setComment($comment);
		$content->setRated(($overall !== null || array_filter($scores, static fn (?int $s): bool => $s !== null) !== []) ? 1 : 0);
		$content->setVersion(1);
		$now = $this->time->getTime();
		$content->setCreatedAt($now);
		$content->setUpdatedAt($now);
		return $this->store->save($content, $scores, $version, $period);
	}

	/**
	 * @return array<int, ?int> criterion id => score
	 */
	private function validScores(mixed $value): array {
		if ($value === null) {
			return [];
		}
		if (!is_array($value) || !array_is_list($value)) {
			throw new ValidationException('Scores must be a list of criterion scores.');
		}
		$scores = [];
		foreach ($value as $entry) {
			if (!is_array($entry)) {
				throw new ValidationException('Scores must be a list of criterion scores.');
			}
			$scores[Validator::id($entry['criterionId'] ?? null, 'Criterion')] = Validator::score($entry['score'] ?? null, 'Score');
		}
		$known = $this->criteria->findByIds(array_keys($scores), false);
		if (count($known) !== count($scores)) {
			throw new ValidationException('Scores: one of the criteria does not exist or is archived.');
		}
		return $scores;
	}
}
