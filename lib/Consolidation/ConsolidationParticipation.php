<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\FormerTesterMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;

/**
 * Each organisation's participation in a pilot, month by month: its testers, those who
 * rated, the components rated, the assessments, and the month's release. Only the
 * organisations the actor may see (Policy::breakdownOrganisations).
 *
 * @psalm-import-type PilotFeedbackParticipation from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidationParticipation {
	public function __construct(
		private Policy $policy,
		private ConsolidationMapper $mapper,
		private ConsolidationDimensions $dimensions,
		private People $people,
		private FormerTesterMapper $formerTesters,
		private UserNames $names,
	) {
	}

	/**
	 * Per organisation and month: testers who rated against the testers in the organisation's
	 * groups, components rated, assessments, and whether (by whom, when) the month was released.
	 *
	 * @return PilotFeedbackParticipation
	 */
	public function participation(Actor $actor, ConsolidationScope $scope): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds] = $this->dimensions->of($scope);
		$counts = [];
		foreach ($this->mapper->participation($scope, $organisationIds) as $row) {
			$counts[$row['organisationId']][$row['month']] = $row;
		}
		$releases = [];
		foreach ($this->mapper->releases($scope->range, $organisationIds) as $row) {
			// named by display name (a pseudonym once the account is gone), never by the user id alone
			$releases[$row['organisationId']][$row['month']] = ['userId' => $row['userId'], 'displayName' => $this->names->name($row['userId']), 'releasedAt' => $row['releasedAt']];
		}
		// A month's testers: today's members of the organisation's groups (its coordinators
		// only if they rated, as on the coordinator's progress page), whoever rated for it that
		// month, and its testers whose accounts were deleted that month (FormerTesters): a
		// deleted tester still counts in the months they rated and the month they left, and
		// testersWithAssessment never exceeds testers.
		$members = $this->people->testersOf($organisationIds);
		// Raters who are members count among the members already: only the others (former
		// members, deleted accounts, coordinators who rated) are read month by month.
		$others = [];
		foreach ($this->mapper->raterIds($scope, $organisationIds) as $row) {
			if (!isset($members[$row['organisationId']][$row['userId']])) {
				$others[$row['userId']] = true;
			}
		}
		$raters = [];
		foreach ($this->mapper->raters($scope, $organisationIds, array_map('strval', array_keys($others))) as $row) {
			$raters[$row['organisationId']][$row['month']][$row['userId']] = true;
		}
		$deleted = [];
		foreach ($this->formerTesters->deletedIn($organisationIds, $scope->range) as $row) {
			$deleted[$row['organisationId']][$row['lastMonth']][$row['userId']] = true;
		}
		$periods = $scope->periodIds;
		$rows = [];
		foreach ($organisationIds as $orgId) {
			foreach ($scope->range->months() as $month) {
				$count = $counts[$orgId][$month] ?? null;
				$rows[] = [
					'organisationId' => $orgId,
					'month' => $month,
					'periodId' => $periods[$month] ?? null,
					'testers' => count(($members[$orgId] ?? []) + ($raters[$orgId][$month] ?? []) + ($deleted[$orgId][$month] ?? [])),
					'testersWithAssessment' => $count['raters'] ?? 0,
					'componentsRated' => $count['components'] ?? 0,
					'assessments' => $count['assessments'] ?? 0,
					'release' => $releases[$orgId][$month] ?? null,
				];
			}
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => ConsolidationFigures::range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'componentsInPilot' => count($componentIds),
			'rows' => $rows,
		];
	}
}
