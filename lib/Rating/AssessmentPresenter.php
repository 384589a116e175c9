<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Model\Score;

/**
 * Turns assessments into the API's Assessment shape, with their criterion scores.
 *
 * @psalm-import-type PilotFeedbackAssessment from \OCA\PilotFeedback\ResponseDefinitions
 */
class AssessmentPresenter {
	public function __construct(
		private ScoreMapper $scores,
	) {
	}

	/**
	 * @param list<Assessment> $assessments
	 * @return list<PilotFeedbackAssessment>
	 */
	public function list(array $assessments): array {
		$scores = $this->scores->scoresFor(array_map(static fn (Assessment $a): int => $a->getId(), $assessments));
		return array_map(static fn (Assessment $a): array => [
			'id' => $a->getId(),
			'pilotId' => $a->getPilotId(),
			'componentId' => $a->getComponentId(),
			'periodId' => $a->getPeriodId(),
			'userId' => $a->getUserId(),
			'organisationId' => $a->getOrgId(),
			'overall' => Score::fromStored($a->getOverall()),
			'comment' => $a->getComment() ?? '',
			'scores' => $scores[$a->getId()] ?? [],
			'rated' => $a->getRated() === 1,
			'version' => $a->getVersion(),
			'updatedAt' => $a->getUpdatedAt(),
		], $assessments);
	}

	/** @return PilotFeedbackAssessment */
	public function one(Assessment $assessment): array {
		return $this->list([$assessment])[0];
	}
}
