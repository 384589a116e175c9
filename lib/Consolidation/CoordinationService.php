<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
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
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IGroupManager;
use OCP\IUserManager;

/**
 * What an organisation's coordinator does: follow who has rated what in a period, and
 * release the organisation's feedback for that period to the consolidators. A release locks
 * the period's ratings of the organisation (what was released is what the consolidators
 * see) until a coordinator reopens it; pf_release_log keeps who released and reopened, when.
 *
 * @psalm-import-type PilotFeedbackReleaseEvent from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackOrganisationProgress from \OCA\PilotFeedback\ResponseDefinitions
 */
class CoordinationService {
	public function __construct(
		private Policy $policy,
		private CatalogueService $catalogue,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private ReleaseMapper $releases,
		private ReleaseLogMapper $releaseLog,
		private LinkMapper $links,
		private IGroupManager $groupManager,
		private IUserManager $userManager,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
	) {
	}

	/** @return PilotFeedbackOrganisationProgress */
	public function progress(Actor $actor, int $orgId, mixed $periodId): array {
		$this->policy->require($this->policy->canViewProgress($actor, $orgId), 'Only the coordinators of this organisation and the consolidators see its progress.');
		$this->organisations->get($orgId);
		$period = $this->period($periodId);
		$rated = $this->assessments->ratedComponentsByUser($orgId, $period->getId());

		$coordinators = array_map('strval', $this->links->rightsByLeft(Link::OrganisationCoordinators, [$orgId])[$orgId] ?? []);
		$members = [];
		foreach ($this->memberNames($orgId) as $userId => $displayName) {
			$userId = (string)$userId;
			// A coordinator is no tester of their organisation, unless they rated in the period.
			if (in_array($userId, $coordinators, true) && !isset($rated[$userId])) {
				continue;
			}
			$members[] = ['userId' => $userId, 'displayName' => $displayName, 'ratedComponentIds' => $rated[$userId] ?? []];
		}
		$release = $this->releases->find($orgId, $period->getId());
		return [
			'period' => $period->jsonSerialize(),
			'organisationId' => $orgId,
			'componentIds' => $this->componentIds($orgId),
			'members' => $members,
			'release' => $release?->jsonSerialize(),
			'history' => $this->history($orgId, $period->getId()),
		];
	}

	/** @return list<PilotFeedbackReleaseEvent> */
	private function history(int $orgId, int $periodId): array {
		return array_map(fn (array $entry): array => [
			'action' => $entry['action'] === ReleaseLogMapper::REOPENED ? 'reopened' : 'released',
			'userId' => $entry['userId'],
			'displayName' => $this->userManager->getDisplayName($entry['userId']) ?? $entry['userId'],
			'at' => $entry['at'],
		], $this->releaseLog->find($orgId, $periodId));
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
			$release = $this->releases->find($orgId, $period->getId());
			if ($release === null) {
				throw new ConflictException('The feedback for %1$s is not released, so there is nothing to reopen.', [$period->getMonth()]);
			}
			$this->releases->delete($release);
			$this->releaseLog->add($orgId, $period->getId(), ReleaseLogMapper::REOPENED, $actor->userId, $now);
		});
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
			$inserted = $this->releases->insert(clone $release);
			$this->releaseLog->add($release->getOrgId(), $release->getPeriodId(), ReleaseLogMapper::RELEASED, $release->getUserId(), $release->getReleasedAt());
			return $inserted;
		});
		$this->dispatcher->dispatchTyped(new PeriodReleased($release));
		return $release;
	}

	private function period(mixed $periodId): Period {
		if ($periodId !== null && $periodId !== '') {
			return $this->periods->get(Validator::id($periodId, 'Period'));
		}
		return $this->periods->findNewestOpen() ?? throw new ValidationException('There is no open reporting period. Ask your administrator to open one.');
	}

	/**
	 * The members of the organisation's groups, by user id.
	 *
	 * @return array<array-key, string> user id => display name (PHP turns numeric user ids into int keys)
	 */
	private function memberNames(int $orgId): array {
		$names = [];
		foreach ($this->links->rightsByLeft(Link::OrganisationGroups, [$orgId])[$orgId] ?? [] as $groupId) {
			foreach ($this->groupManager->displayNamesInGroup((string)$groupId) as $userId => $displayName) {
				$names[$userId] = $displayName;
			}
		}
		ksort($names);
		return $names;
	}

	/** @return list<int> the components the organisation's testers rate: those of its active pilots */
	private function componentIds(int $orgId): array {
		$organisationActor = new Actor('', false, false, [$orgId]);
		$components = $this->catalogue->componentsOf($this->catalogue->visiblePilots($organisationActor, true));
		return array_map(static fn (Component $c): int => $c->getId(), $components);
	}
}
