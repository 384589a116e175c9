<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\ScoreMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\AssessmentSaved;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCP\DB\Exception as DbException;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Stores one assessment with its criterion scores in one transaction, and announces it.
 * Every save raises the assessment's version; a save that names an older version is refused
 * with the current assessment (409), so that two tabs never overwrite each other unseen. A
 * save without a version overwrites (last writer wins). A released period refuses the save.
 *
 * @psalm-import-type PilotFeedbackAssessment from \OCA\PilotFeedback\ResponseDefinitions
 */
class AssessmentStore {
	public function __construct(
		private AssessmentMapper $assessments,
		private ScoreMapper $scores,
		private ReleaseMapper $releases,
		private OrganisationMapper $organisations,
		private TransactionRunner $transactions,
		private IEventDispatcher $dispatcher,
		private AssessmentPresenter $presenter,
		private MonthlyTotals $totals,
	) {
	}

	/**
	 * @param Assessment $content the checked assessment, not yet stored
	 * @param array<int, ?int> $scores criterion id => score
	 * @param ?int $version the version the client edited (0: none yet; null: overwrite)
	 * @return PilotFeedbackAssessment
	 * @throws StaleVersionException when the version is no longer the stored one
	 */
	public function save(Assessment $content, array $scores, ?int $version, Period $period): array {
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
			$current = $this->assessments->findOne($content->getUserId(), $content->getPilotId(), $content->getComponentId(), $period->getId());
			throw $this->stale($current);
		}
		$this->dispatcher->dispatchTyped(new AssessmentSaved($assessment));
		return $this->presenter->one($assessment);
	}

	/**
	 * Short and write-first: a write locks the assessment, then what it contributed to the
	 * monthly totals is read, the update (or the insert) and its scores follow in criterion
	 * order, and the totals change by the difference. The release is checked after the write,
	 * with the organisation locked until the end of the transaction: a release (which locks it
	 * too) either comes first and refuses the save, or waits for it and counts it.
	 *
	 * Only an assessment that was there to lock is updated: one that another request inserted
	 * after the lock would otherwise be overwritten with its contribution still counted. The
	 * insert then meets the unique index instead, and the save runs again (or is a conflict).
	 *
	 * @param array<int, ?int> $scores
	 */
	private function write(Assessment $content, array $scores, ?int $version, Period $period): Assessment {
		$key = [$content->getUserId(), $content->getPilotId(), $content->getComponentId(), $content->getPeriodId()];
		$locked = $this->assessments->lock(...$key);
		$before = $locked ? $this->totals->contributionOf(...$key) : null;
		if ($locked && $version !== 0 && $this->assessments->updateContent($content, $version)) {
			$assessment = $this->assessments->findOne(...$key) ?? throw new \LogicException('The assessment just updated is missing');
		} else {
			$existing = $locked && $version !== null && $version !== 0 ? $this->assessments->findOne(...$key) : null;
			if ($existing !== null) {
				throw $this->stale($existing);
			}
			$assessment = $this->assessments->insert(clone $content);
		}
		$this->organisations->lock($content->getOrgId());
		if ($this->releases->find($content->getOrgId(), $content->getPeriodId()) !== null) {
			throw new ForbiddenException('Your organisation has released its feedback for %1$s, so it can no longer be changed. Ask your coordinator to reopen the release.', [$period->getMonth()]);
		}
		$this->scores->replace($assessment->getId(), $scores);
		$after = new RatingContribution($content->getOrgId(), $content->getRated() === 1, $content->getOverall(), $scores);
		$this->totals->record($content->getUserId(), $content->getPilotId(), $content->getComponentId(), $content->getPeriodId(), $before, $after);
		return $assessment;
	}

	private function stale(?Assessment $current): StaleVersionException {
		return StaleVersionException::with(
			$current === null ? null : $this->presenter->one($current),
			'This rating was changed meanwhile, for example in another tab. Reload it, or save yours again to overwrite it.',
		);
	}
}
