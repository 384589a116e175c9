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
use OCA\PilotFeedback\Settings\SettingsService;

/**
 * The trend of a pilot's ratings: month by month mean and n per component, of the overall
 * score and of each criterion, with the months below the administrator's threshold of
 * ratings flagged. Across all organisations (coordinators see it too), or of one
 * organisation the actor may see (Policy::breakdownOrganisations).
 *
 * @psalm-import-type PilotFeedbackConsolidationTrend from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidationTrend {
	public function __construct(
		private Policy $policy,
		private ConsolidationMapper $mapper,
		private ConsolidationDimensions $dimensions,
		private SettingsService $settings,
	) {
	}

	/**
	 * Month by month mean and n per component, of the overall score and of each criterion;
	 * months with fewer ratings than the administrator's threshold are flagged. Across all
	 * organisations, or of one organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationTrend
	 */
	public function trend(Actor $actor, ConsolidationScope $scope): array {
		// Without an organisation: the figure across all of them, which coordinators see too.
		$organisationIds = $scope->organisationId === null
			? null
			: $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds, $criterionIds] = $this->dimensions->of($scope);
		$threshold = $this->settings->lowRatingThreshold();
		$rows = [
			...$this->mapper->monthlyScores($scope, $organisationIds, overall: true),
			...$this->mapper->monthlyScores($scope, $organisationIds, overall: false),
		];
		$byKey = [];
		foreach ($rows as $row) {
			$byKey[$row['componentId'] . ':' . ($row['criterionId'] ?? 'overall')][$row['month']] = $row;
		}
		$months = $scope->range->months();
		$series = [];
		foreach ($componentIds as $componentId) {
			foreach ([null, ...$criterionIds] as $criterionId) {
				$points = [];
				foreach ($months as $month) {
					$row = $byKey[$componentId . ':' . ($criterionId ?? 'overall')][$month] ?? null;
					$n = $row['n'] ?? 0;
					$points[] = ['month' => $month, 'mean' => ConsolidationFigures::mean($row['sum'] ?? 0, $n), 'n' => $n, 'lowN' => $n < $threshold];
				}
				$series[] = ['componentId' => $componentId, 'criterionId' => $criterionId, 'points' => $points];
			}
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => ConsolidationFigures::range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'organisationId' => $scope->organisationId,
			'lowRatingThreshold' => $threshold,
			'series' => $series,
		];
	}
}
