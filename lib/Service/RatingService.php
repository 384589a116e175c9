<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Service;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Event\AssessmentSaved;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Score;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Assessments [Bewertungen]: a tester rates the components of their organisation's active
 * pilots once per period, and may change the rating until the period closes.
 *
 * @psalm-import-type PilotFeedbackAssessment from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackRatingSheet from \OCA\PilotFeedback\ResponseDefinitions
 */
class RatingService {
	/** Longest comment on an assessment. */
	private const MAX_COMMENT = 5000;

	public function __construct(
		private Policy $policy,
		private CatalogueService $catalogue,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private AssessmentMapper $assessments,
		private ScoreMapper $scores,
		private PeriodMapper $periods,
		private ComponentMapper $components,
		private CriterionMapper $criteria,
		private LinkMapper $links,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
	) {
	}

	/**
	 * The rating sheet of a period (default: the newest open one): what to rate and what is rated.
	 *
	 * @return PilotFeedbackRatingSheet
	 */
	public function sheet(Actor $actor, mixed $periodId): array {
		$this->requireTester($actor);
		$period = ($periodId === null || $periodId === '')
			? $this->periods->findNewestOpen()
			: $this->periods->get(Validator::id($periodId, 'Period'));
		$components = $this->catalogue->componentsOf($this->catalogue->visiblePilots($actor, true));
		$assessments = $period === null ? [] : $this->assessments->findForUser($actor->userId, $period->getId());
		return [
			'period' => $period?->jsonSerialize(),
			'criteria' => $this->criterionService->list(false),
			'components' => $this->componentService->serializeAll($components),
			'assessments' => $this->serializeAll($assessments),
		];
	}

	/**
	 * Creates or replaces the actor's assessment of a component in an open period.
	 *
	 * @param array<string, mixed> $input overall, comment, scores: list of {criterionId, score}
	 * @return PilotFeedbackAssessment
	 */
	public function save(Actor $actor, int $periodId, int $componentId, array $input): array {
		$this->requireTester($actor);
		$period = $this->periods->get($periodId);
		if (!$period->isOpen()) {
			throw new ValidationException('The period %1$s is closed; its assessments can no longer be changed.', [$period->getMonth()]);
		}
		$orgId = $this->organisationRating($actor, $componentId);
		$overall = Validator::score($input['overall'] ?? null, 'Overall score');
		$comment = Validator::optionalText($input['comment'] ?? null, 'Comment', self::MAX_COMMENT);
		$scores = $this->validScores($input['scores'] ?? null);

		$content = new Assessment();
		$content->setUserId($actor->userId);
		$content->setComponentId($componentId);
		$content->setPeriodId($period->getId());
		$content->setOrgId($orgId);
		$content->setOverall($overall);
		$content->setComment($comment);
		$now = $this->time->getTime();
		$content->setCreatedAt($now);
		$content->setUpdatedAt($now);
		// Short and write-first: the update (or the insert) locks the assessment, then its
		// scores follow in criterion order. Two first saves of the same assessment race on
		// the unique index; the loser runs again and updates what the winner inserted.
		$assessment = $this->transactions->run(function () use ($content, $scores): Assessment {
			if ($this->assessments->updateContent($content)) {
				$assessment = $this->assessments->findOne($content->getUserId(), $content->getComponentId(), $content->getPeriodId());
				if ($assessment === null) {
					throw new \LogicException('The assessment just updated is missing');
				}
			} else {
				$assessment = $this->assessments->insert(clone $content);
			}
			$this->scores->replace($assessment->getId(), $scores);
			return $assessment;
		}, [DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION]);
		$this->dispatcher->dispatchTyped(new AssessmentSaved($assessment));
		return $this->serializeAll([$assessment])[0];
	}

	private function requireTester(Actor $actor): void {
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation rate components. Ask your administrator to add your group to an organisation.');
	}

	/** The organisation the actor rates this component for: one of theirs that takes part in an active pilot containing it. */
	private function organisationRating(Actor $actor, int $componentId): int {
		$this->components->get($componentId);
		$pilotIds = $this->links->leftsForRights(Link::PilotComponents, [$componentId]);
		$active = array_map(static fn ($p): int => $p->getId(), $this->catalogue->visiblePilots($actor, true));
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		foreach ($actor->organisationIds() as $orgId) {
			if (array_intersect($pilotIds, $active, $pilotsByOrg[$orgId] ?? []) !== []) {
				return $orgId;
			}
		}
		throw new ForbiddenException('This component is not part of an active pilot of your organisation, so you cannot rate it.');
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

	/**
	 * @param list<Assessment> $assessments
	 * @return list<PilotFeedbackAssessment>
	 */
	private function serializeAll(array $assessments): array {
		$scores = $this->scores->scoresFor(array_map(static fn (Assessment $a): int => $a->getId(), $assessments));
		return array_map(static fn (Assessment $a): array => [
			'id' => $a->getId(),
			'componentId' => $a->getComponentId(),
			'periodId' => $a->getPeriodId(),
			'userId' => $a->getUserId(),
			'organisationId' => $a->getOrgId(),
			'overall' => Score::fromStored($a->getOverall()),
			'comment' => $a->getComment() ?? '',
			'scores' => $scores[$a->getId()] ?? [],
			'updatedAt' => $a->getUpdatedAt(),
		], $assessments);
	}
}
