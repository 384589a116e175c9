<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;

/**
 * The consolidated picture of a pilot over a range of months [Konsolidierung]: rating results
 * per component and criterion (across all organisations and per organisation), their trend
 * month by month, and each organisation's participation. The API, the view and the reports
 * read these figures from here, so they cannot disagree.
 *
 * Who sees what (Policy::breakdownOrganisations): consolidators everything; a coordinator the
 * figure across all organisations and the breakdown of their own organisation; testers nothing.
 *
 * One part per job: ConsolidationScopeResolver checks the request and resolves what the
 * figures cover; ConsolidationResults, ConsolidationTrend and ConsolidationParticipation
 * compute them for the components and criteria of ConsolidationDimensions.
 *
 * @psalm-import-type PilotFeedbackConsolidationResults from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationTrend from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackParticipation from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidationService {
	public function __construct(
		private ConsolidationScopeResolver $scopes,
		private ConsolidationResults $results,
		private ConsolidationTrend $trend,
		private ConsolidationParticipation $participation,
	) {
	}

	/**
	 * Mean, n, distribution and "not assessed" per component and criterion, and of the overall
	 * score: across all organisations, and per organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationResults
	 */
	public function results(Actor $actor, ConsolidationScope $scope): array {
		return $this->results->results($actor, $scope);
	}

	/**
	 * Month by month mean and n per component, of the overall score and of each criterion;
	 * months with fewer ratings than the administrator's threshold are flagged. Across all
	 * organisations, or of one organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationTrend
	 */
	public function trend(Actor $actor, ConsolidationScope $scope): array {
		return $this->trend->trend($actor, $scope);
	}

	/**
	 * Per organisation and month: testers who rated against the testers in the organisation's
	 * groups, components rated, assessments, and whether (by whom, when) the month was released.
	 *
	 * @return PilotFeedbackParticipation
	 */
	public function participation(Actor $actor, ConsolidationScope $scope): array {
		return $this->participation->participation($actor, $scope);
	}

	/**
	 * Checks the request and resolves what the figures cover. Testers are refused before
	 * their input is looked at; unknown pilots, organisations and months get a 404.
	 */
	public function scope(Actor $actor, mixed $pilotId, mixed $month, mixed $quarter, mixed $from, mixed $to, mixed $releasedOnly, mixed $organisationId): ConsolidationScope {
		return $this->scopes->resolve($actor, $pilotId, $month, $quarter, $from, $to, $releasedOnly, $organisationId);
	}
}
