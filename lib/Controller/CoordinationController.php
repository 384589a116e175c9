<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ActorFactory;
use OCA\PilotFeedback\Service\CoordinationService;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * An organisation's progress in a period, and its release to the consolidators.
 *
 * @psalm-import-type PilotFeedbackOrganisationProgress from ResponseDefinitions
 * @psalm-import-type PilotFeedbackRelease from ResponseDefinitions
 */
class CoordinationController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private CoordinationService $coordination,
	) {
		parent::__construct($request);
	}

	/**
	 * Who of the organisation has rated what in a period (default: the newest open one)
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackOrganisationProgress, array{}>
	 *
	 * 200: Returned
	 * 403: Neither coordinator of it nor consolidator
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/organisations/{id}/progress', requirements: ['id' => '\d+'])]
	public function progress(int $id, mixed $periodId = null): DataResponse {
		return new DataResponse($this->coordination->progress($this->actors->current(), $id, $periodId));
	}

	/**
	 * Release the organisation's feedback for a period
	 *
	 * @param int $periodId The period to release
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackRelease, array{}>
	 *
	 * 201: Released
	 * 403: Not a coordinator of it
	 * 409: Already released
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'POST', url: '/api/v1/organisations/{id}/releases', requirements: ['id' => '\d+'])]
	public function release(int $id, mixed $periodId): DataResponse {
		return new DataResponse($this->coordination->release($this->actors->current(), $id, $periodId), Http::STATUS_CREATED);
	}
}
