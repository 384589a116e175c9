<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Rating\RatingScope;

/**
 * An organisation's progress in a period, for its coordinators and the consolidators: who of
 * its testers has rated which components, and whether (and by whom, when) its feedback was
 * released and reopened. Releasing and reopening are ReleaseService's.
 *
 * @psalm-import-type PilotFeedbackReleaseEvent from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackOrganisationProgress from \OCA\PilotFeedback\ResponseDefinitions
 */
class ProgressService {
	public function __construct(
		private Policy $policy,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private ReleaseMapper $releases,
		private ReleaseLogMapper $releaseLog,
		private OrganisationMembers $members,
		private RatingScope $scope,
	) {
	}

	/** @return PilotFeedbackOrganisationProgress */
	public function progress(Actor $actor, int $orgId, mixed $periodId): array {
		$this->policy->require($this->policy->canViewProgress($actor, $orgId), 'Only the coordinators of this organisation and the consolidators see its progress.');
		$this->organisations->get($orgId);
		$period = $this->period($periodId);
		$rated = $this->assessments->ratedComponentsByUser($orgId, $period->getId());
		$pairs = $this->scope->pairs($orgId);

		$coordinators = $this->members->coordinators($orgId);
		$members = [];
		foreach ($this->members->names($orgId) as $userId => $displayName) {
			$userId = (string)$userId;
			// A coordinator is no tester of their organisation, unless they rated in the period.
			if (in_array($userId, $coordinators, true) && !isset($rated[$userId])) {
				continue;
			}
			// A component in two pilots counts as rated once it is rated in both.
			$members[] = ['userId' => $userId, 'displayName' => $displayName, 'ratedComponentIds' => RatingScope::completeComponentIds($pairs, $rated[$userId] ?? [])];
		}
		$release = $this->releases->find($orgId, $period->getId());
		return [
			'period' => $period->jsonSerialize(),
			'organisationId' => $orgId,
			'componentIds' => array_values(array_unique(array_map(static fn (array $pair): int => $pair['componentId'], $pairs))),
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
			'displayName' => $this->members->displayName($entry['userId']),
			'at' => $entry['at'],
		], $this->releaseLog->find($orgId, $periodId));
	}

	private function period(mixed $periodId): Period {
		if ($periodId !== null && $periodId !== '') {
			return $this->periods->get(Validator::id($periodId, 'Period'));
		}
		return $this->periods->findNewestOpen() ?? throw new ValidationException('There is no open reporting period. Ask your administrator to open one.');
	}
}
