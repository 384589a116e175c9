<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * What an organisation's coordinator releases: the organisation's feedback for a period, to
 * the consolidators. A release locks the period's ratings of the organisation (what was
 * released is what the consolidators see) until a coordinator reopens it; pf_release_log
 * keeps who released and reopened, when (ProgressService shows it).
 */
class ReleaseService {
	public function __construct(
		private Policy $policy,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private ReleaseMapper $releases,
		private ReleaseLogMapper $releaseLog,
		private TransactionRunner $transactions,
		private MonthlyTotals $totals,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
	) {
	}

	/** Marks the organisation's feedback for the period as released; once only. */
	public function release(Actor $actor, int $orgId, mixed $periodId): Release {
		$this->policy->require($this->policy->canRelease($actor, $orgId), 'Only the coordinators of this organisation release its feedback.');
		$this->organisations->get($orgId);
		if ($periodId === null || $periodId === '') {
			throw new ValidationException('Period must name the reporting period to release.');
		}
		$period = $this->periods->get(Validator::id($periodId, 'Period'));
		$existing = $this->releases->find($orgId, $period->getId());
		if ($existing !== null) {
			throw new ConflictException('The feedback for %1$s was already released.', [$period->getMonth()]);
		}
		$release = new Release();
		$release->setOrgId($orgId);
		$release->setPeriodId($period->getId());
		$release->setUserId($actor->userId);
		$release->setReleasedAt($this->time->getTime());
		$release = $this->transactions->run(function () use ($release): Release {
			// no save of the organisation's ratings runs meanwhile (AssessmentStore locks it too)
			$this->organisations->lock($release->getOrgId());
			$inserted = $this->releases->insert(clone $release);
			$this->releaseLog->add($release->getOrgId(), $release->getPeriodId(), ReleaseLogMapper::RELEASED, $release->getUserId(), $release->getReleasedAt());
			$this->totals->releaseChanged($release->getOrgId(), $release->getPeriodId());
			return $inserted;
		});
		$this->dispatcher->dispatchTyped(new PeriodReleased($release));
		return $release;
	}

	/**
	 * Reopens a released period of the organisation: its testers may change their ratings again.
	 */
	public function reopen(Actor $actor, int $orgId, int $periodId): void {
		$this->policy->require($this->policy->canRelease($actor, $orgId), 'Only the coordinators of this organisation reopen its released feedback.');
		$this->organisations->get($orgId);
		$period = $this->periods->get($periodId);
		$now = $this->time->getTime();
		$this->transactions->run(function () use ($actor, $orgId, $period, $now): void {
			$this->organisations->lock($orgId);
			$release = $this->releases->find($orgId, $period->getId());
			if ($release === null) {
				throw new ConflictException('The feedback for %1$s is not released, so there is nothing to reopen.', [$period->getMonth()]);
			}
			$this->releases->delete($release);
			$this->releaseLog->add($orgId, $period->getId(), ReleaseLogMapper::REOPENED, $actor->userId, $now);
			$this->totals->releaseChanged($orgId, $period->getId());
		});
	}
}
