<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\People\Policy;

/**
 * The rating results of a pilot over a range of months: mean, n, distribution and "not
 * assessed" per component and criterion, and of the overall score, across all organisations
 * and per organisation the actor may see (Policy::breakdownOrganisations).
 *
 * @psalm-import-type RatingRow from ConsolidationMapper
 * @psalm-import-type PilotFeedbackRatingStats from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackComponentResult from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationResults from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidationResults {
	public function __construct(
		private Policy $policy,
		private ConsolidationMapper $mapper,
		private ConsolidationDimensions $dimensions,
	) {
	}

	/**
	 * Mean, n, distribution and "not assessed" per component and criterion, and of the overall
	 * score: across all organisations, and per organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationResults
	 */
	public function results(Actor $actor, ConsolidationScope $scope): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds, $criterionIds] = $this->dimensions->of($scope);

		// One query per kind, grouped by organisation over all of them: the figure across all
		// organisations is the sum of their groups, so the ratings are read once (the
		// breakdown of an organisation the actor may not see is summed, never shown).
		$overallRows = $this->mapper->ratingStats($scope, organisationIds: null, overall: true, byOrganisation: true);
		$scoreRows = $this->mapper->ratingStats($scope, organisationIds: null, overall: false, byOrganisation: true);
		$all = $this->components($componentIds, $criterionIds, $this->acrossOrganisations($overallRows), $this->acrossOrganisations($scoreRows));
		$overallByOrg = $this->byOrganisation($overallRows);
		$scoresByOrg = $this->byOrganisation($scoreRows);
		$breakdown = [];
		foreach ($organisationIds as $orgId) {
			$breakdown[] = [
				'organisationId' => $orgId,
				'components' => $this->components($componentIds, $criterionIds, $overallByOrg[$orgId] ?? [], $scoresByOrg[$orgId] ?? []),
			];
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => ConsolidationFigures::range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'components' => $all,
			'organisations' => $breakdown,
		];
	}

	/**
	 * One result per component (every component of the pilot, rated or not); a criterion
	 * rated but since archived is listed after the active ones.
	 *
	 * @param list<int> $componentIds
	 * @param list<int> $criterionIds
	 * @param list<RatingRow> $overallRows
	 * @param list<RatingRow> $scoreRows
	 * @return list<PilotFeedbackComponentResult>
	 */
	private function components(array $componentIds, array $criterionIds, array $overallRows, array $scoreRows): array {
		$overall = [];
		foreach ($overallRows as $row) {
			$overall[$row['componentId']] = $row;
		}
		$scores = [];
		foreach ($scoreRows as $row) {
			$scores[$row['componentId']][(int)$row['criterionId']] = $row;
		}
		$results = [];
		foreach ($componentIds as $componentId) {
			$criteria = [];
			$rated = $scores[$componentId] ?? [];
			foreach (array_values(array_unique([...$criterionIds, ...array_keys($rated)])) as $criterionId) {
				$criteria[] = ['criterionId' => $criterionId, ...$this->stats($rated[$criterionId] ?? null)];
			}
			$results[] = [
				'componentId' => $componentId,
				'assessments' => $overall[$componentId]['total'] ?? 0,
				'overall' => $this->stats($overall[$componentId] ?? null),
				'criteria' => $criteria,
			];
		}
		return $results;
	}

	/**
	 * @param RatingRow|null $row
	 * @return PilotFeedbackRatingStats
	 */
	private function stats(?array $row): array {
		$n = $row['n'] ?? 0;
		return [
			'mean' => ConsolidationFigures::mean($row['sum'] ?? 0, $n),
			'n' => $n,
			'sum' => $row['sum'] ?? 0,
			'distribution' => $row['distribution'] ?? [0, 0, 0, 0, 0],
			'notAssessed' => $row['notAssessed'] ?? 0,
		];
	}

	/**
	 * The rows per organisation summed into one per component and criterion: every figure
	 * (counts, sums, distribution) adds up.
	 *
	 * @param list<RatingRow> $rows
	 * @return list<RatingRow>
	 */
	private function acrossOrganisations(array $rows): array {
		$summed = [];
		foreach ($rows as $row) {
			$key = $row['componentId'] . ':' . ($row['criterionId'] ?? '');
			if (!isset($summed[$key])) {
				$summed[$key] = ['organisationId' => null] + $row;
				continue;
			}
			$summed[$key]['total'] += $row['total'];
			$summed[$key]['n'] += $row['n'];
			$summed[$key]['sum'] += $row['sum'];
			$summed[$key]['notAssessed'] += $row['notAssessed'];
			[$a, $b] = [$summed[$key]['distribution'], $row['distribution']];
			$summed[$key]['distribution'] = [$a[0] + $b[0], $a[1] + $b[1], $a[2] + $b[2], $a[3] + $b[3], $a[4] + $b[4]];
		}
		return array_values($summed);
	}

	/**
	 * @param list<RatingRow> $rows
	 * @return array<int, list<RatingRow>> organisation id => its rows
	 */
	private function byOrganisation(array $rows): array {
		$grouped = [];
		foreach ($rows as $row) {
			$grouped[(int)$row['organisationId']][] = $row;
		}
		return $grouped;
	}
}
