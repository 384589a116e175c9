<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\AssessmentSaved;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Score;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Assessments [Bewertungen]: a tester rates the components of their organisation's active
 * pilots once per period, and may change the rating until the period closes or their
 * organisation's coordinator releases the period (until the coordinator reopens it).
 *
 * An assessment counts as a rating only with an overall score or at least one criterion
 * score; a comment alone (or only "not assessed") is saved as a draft with rated = false and
 * counted nowhere. Every save raises the assessment's version; a save that names an older
 * version is refused with the current assessment (409), so that two tabs never overwrite
 * each other unseen. A save without a version overwrites (last writer wins).
 *
 * @psalm-import-type PilotFeedbackAssessment from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackPreviousScores from \OCA\PilotFeedback\ResponseDefinitions
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
		private ReleaseMapper $releases,
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
		$pilots = $this->catalogue->visiblePilots($actor, true);
		$components = $this->catalogue->componentsOf($pilots);
		$assessments = $period === null ? [] : $this->assessments->findForUser($actor->userId, $period->getId());
		$previousPeriod = $period === null ? null : $this->periods->findBefore($period->getMonth());
		return [
			'period' => $period?->jsonSerialize(),
			'criteria' => $this->criterionService->list(false),
			'components' => $this->componentService->serializeAll($components),
			'assessments' => $this->serializeAll($assessments),
			'previousPeriod' => $previousPeriod?->jsonSerialize(),
			'previous' => $previousPeriod === null ? [] : $this->previousScores($actor->userId, $previousPeriod),
			'lockedComponentIds' => $period === null ? [] : $this->lockedComponentIds($actor, $period, array_map(static fn ($p): int => $p->getId(), $pilots)),
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

	/**
	 * The components whose rating the actor's organisation has released for the period: they
	 * stay read-only until its coordinator reopens the release.
	 *
	 * @param list<int> $activePilotIds
	 * @return list<int>
	 */
	private function lockedComponentIds(Actor $actor, Period $period, array $activePilotIds): array {
		$released = array_values(array_filter($actor->organisationIds(), fn (int $orgId): bool => $this->releases->find($orgId, $period->getId()) !== null));
		if ($released === []) {
			return [];
		}
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, $activePilotIds);
		$orgOfComponent = [];
		foreach ($actor->organisationIds() as $orgId) {
			foreach (array_intersect($pilotsByOrg[$orgId] ?? [], $activePilotIds) as $pilotId) {
				foreach ($componentsByPilot[$pilotId] ?? [] as $componentId) {
					$orgOfComponent[(int)$componentId] ??= $orgId;
				}
			}
		}
		$locked = array_keys(array_filter($orgOfComponent, static fn (int $orgId): bool => in_array($orgId, $released, true)));
		sort($locked);
		return $locked;
	}

	/**
	 * Creates or replaces the actor's assessment of a component in an open period.
	 *
	 * @param array<string, mixed> $input overall, comment, scores: list of {criterionId, score},
	 *                                    version: the version the client edited (0: none yet; null: overwrite)
	 * @return PilotFeedbackAssessment
	 * @throws StaleVersionException when the version is no longer the stored one
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
		$version = ($input['version'] ?? null) === null ? null : Validator::intInRange($input['version'], 'Version', 0, PHP_INT_MAX);

		$content = new Assessment();
		$content->setUserId($actor->userId);
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
		try {
			$assessment = $this->transactions->run(
				fn (): Assessment => $this->write($content, $scores, $version, $period),
				// Without a version, two first saves of the same assessment race on the unique
				// index; the loser runs again and updates what the winner inserted.
				$version === null ? [DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION] : [],
			);
		} catch (DbException $e) {
			if ($version === null || $e->getReason() !== DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION) {
				throw $e;
			}
			// "version 0" (a first save) lost the race to another first save: a conflict.
			$current = $this->assessments->findOne($actor->userId, $componentId, $period->getId());
			throw $this->stale($current);
		}
		$this->dispatcher->dispatchTyped(new AssessmentSaved($assessment));
		return $this->serializeAll([$assessment])[0];
	}

	/**
	 * Short and write-first: the update (or the insert) locks the assessment, then its scores
	 * follow in criterion order; the release is checked after the write, inside the same
	 * transaction, so that a release cannot slip in between.
	 *
	 * @param array<int, ?int> $scores
	 */
	private function write(Assessment $content, array $scores, ?int $version, Period $period): Assessment {
		if ($version !== 0 && $this->assessments->updateContent($content, $version)) {
			$assessment = $this->assessments->findOne($content->getUserId(), $content->getComponentId(), $content->getPeriodId())
				?? throw new \LogicException('The assessment just updated is missing');
		} else {
			$existing = $version === null || $version === 0 ? null : $this->assessments->findOne($content->getUserId(), $content->getComponentId(), $content->getPeriodId());
			if ($existing !== null) {
				throw $this->stale($existing);
			}
			$assessment = $this->assessments->insert(clone $content);
		}
		if ($this->releases->find($content->getOrgId(), $content->getPeriodId()) !== null) {
			throw new ForbiddenException('Your organisation has released its feedback for %1$s, so it can no longer be changed. Ask your coordinator to reopen the release.', [$period->getMonth()]);
		}
		$this->scores->replace($assessment->getId(), $scores);
		return $assessment;
	}

	private function stale(?Assessment $current): StaleVersionException {
		return StaleVersionException::with(
			$current === null ? null : $this->serializeAll([$current])[0],
			'This rating was changed meanwhile, for example in another tab. Reload it, or save yours again to overwrite it.',
		);
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
			'rated' => $a->getRated() === 1,
			'version' => $a->getVersion(),
			'updatedAt' => $a->getUpdatedAt(),
		], $assessments);
	}
}
