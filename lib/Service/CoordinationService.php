<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Service;

use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IGroupManager;

/**
 * What an organisation's coordinator does: follow who has rated what in a period, and
 * release the organisation's feedback for that period to the consolidators.
 *
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
		private LinkMapper $links,
		private IGroupManager $groupManager,
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

		$members = [];
		foreach ($this->memberNames($orgId) as $userId => $displayName) {
			$members[] = ['userId' => (string)$userId, 'displayName' => $displayName, 'ratedComponentIds' => $rated[(string)$userId] ?? []];
		}
		$release = $this->releases->find($orgId, $period->getId());
		return [
			'period' => $period->jsonSerialize(),
			'organisationId' => $orgId,
			'componentIds' => $this->componentIds($orgId),
			'members' => $members,
			'release' => $release?->jsonSerialize(),
		];
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
		$release = $this->releases->insert($release);
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
	 * The organisation's testers (members of its groups) and coordinators, by user id.
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
