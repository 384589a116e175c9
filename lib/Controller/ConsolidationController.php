<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Consolidated results of a pilot over a range of months: ratings, their trend, participation,
 * and the overview of its items.
 * Consolidators see every organisation; coordinators the figure across all organisations and
 * their own organisation's breakdown; testers nothing.
 *
 * The months are chosen with exactly one of: month (2026-03), quarter (2026-Q1), or from and to
 * (2026-01 and 2026-06; at most 36 months, start not after end).
 *
 * @psalm-import-type PilotFeedbackConsolidationResults from ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationTrend from ResponseDefinitions
 * @psalm-import-type PilotFeedbackParticipation from ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemsOverview from ResponseDefinitions
 */
class ConsolidationController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ConsolidationService $consolidation,
		private ItemsOverviewService $itemsOverview,
	) {
		parent::__construct($request);
	}

	/**
	 * Rating results per component and criterion: across all organisations and per organisation
	 *
	 * @param int $pilotId the pilot
	 * @param string|null $month one month, like 2026-03
	 * @param string|null $quarter one quarter, like 2026-Q1
	 * @param string|null $from first month of a range, like 2026-01 (with to)
	 * @param string|null $to last month of a range, like 2026-06 (with from)
	 * @param bool|null $releasedOnly only feedback its organisation released for the month
	 * @param int|null $organisationId only this organisation's breakdown
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackConsolidationResults, array{}>
	 * @throws ValidationException Missing or malformed range, start after end, more than 36 months
	 * @throws ForbiddenException Not a consolidator or coordinator, or another organisation's breakdown asked for
	 * @throws NotFoundException Unknown pilot or organisation, or no reporting period in the range
	 *
	 * 200: Results returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/consolidation/results')]
	public function results(mixed $pilotId = null, mixed $month = null, mixed $quarter = null, mixed $from = null, mixed $to = null, mixed $releasedOnly = null, mixed $organisationId = null): DataResponse {
		$actor = $this->actors->current();
		$scope = $this->consolidation->scope($actor, $pilotId, $month, $quarter, $from, $to, $releasedOnly, $organisationId);
		return new DataResponse($this->consolidation->results($actor, $scope));
	}

	/**
	 * Month-by-month mean and number of ratings per component, of the overall score and each criterion
	 *
	 * Months with fewer ratings than the administrator's threshold (default 3) are flagged lowN.
	 *
	 * @param int $pilotId the pilot
	 * @param string|null $month one month, like 2026-03
	 * @param string|null $quarter one quarter, like 2026-Q1
	 * @param string|null $from first month of a range, like 2026-01 (with to)
	 * @param string|null $to last month of a range, like 2026-06 (with from)
	 * @param bool|null $releasedOnly only feedback its organisation released for the month
	 * @param int|null $organisationId one organisation's trend instead of the one across all
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackConsolidationTrend, array{}>
	 * @throws ValidationException Missing or malformed range, start after end, more than 36 months
	 * @throws ForbiddenException Not a consolidator or coordinator, or another organisation's trend asked for
	 * @throws NotFoundException Unknown pilot or organisation, or no reporting period in the range
	 *
	 * 200: Trend returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/consolidation/trend')]
	public function trend(mixed $pilotId = null, mixed $month = null, mixed $quarter = null, mixed $from = null, mixed $to = null, mixed $releasedOnly = null, mixed $organisationId = null): DataResponse {
		$actor = $this->actors->current();
		$scope = $this->consolidation->scope($actor, $pilotId, $month, $quarter, $from, $to, $releasedOnly, $organisationId);
		return new DataResponse($this->consolidation->trend($actor, $scope));
	}

	/**
	 * Participation per organisation and month: testers who rated, components rated, release
	 *
	 * @param int $pilotId the pilot
	 * @param string|null $month one month, like 2026-03
	 * @param string|null $quarter one quarter, like 2026-Q1
	 * @param string|null $from first month of a range, like 2026-01 (with to)
	 * @param string|null $to last month of a range, like 2026-06 (with from)
	 * @param bool|null $releasedOnly count only feedback its organisation released for the month
	 * @param int|null $organisationId only this organisation
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackParticipation, array{}>
	 * @throws ValidationException Missing or malformed range, start after end, more than 36 months
	 * @throws ForbiddenException Not a consolidator or coordinator, or another organisation asked for
	 * @throws NotFoundException Unknown pilot or organisation, or no reporting period in the range
	 *
	 * 200: Participation returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/consolidation/participation')]
	public function participation(mixed $pilotId = null, mixed $month = null, mixed $quarter = null, mixed $from = null, mixed $to = null, mixed $releasedOnly = null, mixed $organisationId = null): DataResponse {
		$actor = $this->actors->current();
		$scope = $this->consolidation->scope($actor, $pilotId, $month, $quarter, $from, $to, $releasedOnly, $organisationId);
		return new DataResponse($this->consolidation->participation($actor, $scope));
	}

	/**
	 * Items overview: counts by type, priority and status per component (and of one organisation when asked for), open critical and high items, filed and closed per month, ranking
	 *
	 * Counts cover the pilot's items filed in the range, with their current status: across all
	 * organisations, and the breakdown (organisations) of the one organisation asked for with
	 * organisationId only; organisationIds lists those the caller may ask for. The ranking
	 * lists open requirements and improvements filed until the end of the range by score: each
	 * supporting organisation (filed it, supported it, or filed a duplicate of it) counts once,
	 * with the weight of the highest priority it gave (low 1, medium 2, high 4, critical 8);
	 * ties break on the number of supporters, then the older item. Only items the caller may
	 * see count: a confidential security finding of another organisation never does.
	 *
	 * @param int $pilotId the pilot
	 * @param string|null $month one month, like 2026-03
	 * @param string|null $quarter one quarter, like 2026-Q1
	 * @param string|null $from first month of a range, like 2026-01 (with to)
	 * @param string|null $to last month of a range, like 2026-06 (with from)
	 * @param int|null $organisationId also this organisation's breakdown
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemsOverview, array{}>
	 * @throws ValidationException Missing or malformed range, start after end, more than 36 months
	 * @throws ForbiddenException Not a consolidator or coordinator, or another organisation's breakdown asked for
	 * @throws NotFoundException Unknown pilot or organisation, or no reporting period in the range
	 *
	 * 200: Overview returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/consolidation/items')]
	public function items(mixed $pilotId = null, mixed $month = null, mixed $quarter = null, mixed $from = null, mixed $to = null, mixed $organisationId = null): DataResponse {
		$actor = $this->actors->current();
		$scope = $this->consolidation->scope($actor, $pilotId, $month, $quarter, $from, $to, null, $organisationId);
		return new DataResponse($this->itemsOverview->overview($actor, $scope, $scope->organisationId !== null));
	}
}
