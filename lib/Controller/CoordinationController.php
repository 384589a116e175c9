<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Consolidation\ProgressService;
use OCA\PilotFeedback\Consolidation\ReleaseService;
use OCA\PilotFeedback\Exception\ConflictException;
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
 * An organisation's progress in a period, and its release to the consolidators.
 *
 * @psalm-import-type PilotFeedbackOrganisationProgress from ResponseDefinitions
 * @psalm-import-type PilotFeedbackRelease from ResponseDefinitions
 */
class CoordinationController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ProgressService $progress,
		private ReleaseService $releases,
	) {
		parent::__construct($request);
	}

	/**
	 * Rating progress of an organisation in one period
	 *
	 * Who of the organisation has rated which components.
	 *
	 * @param int|null $periodId Period id; default: the newest open period
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackOrganisationProgress, array{}>
	 * @throws ForbiddenException Neither coordinator of it nor consolidator
	 * @throws NotFoundException Unknown organisation or period
	 *
	 * 200: Progress returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/organisations/{id}/progress', requirements: ['id' => '\d+'])]
	public function progress(int $id, mixed $periodId = null): DataResponse {
		return new DataResponse($this->progress->progress($this->actors->current(), $id, $periodId));
	}

	/**
	 * Release the organisation's feedback for a period
	 *
	 * @param int $periodId The period to release
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackRelease, array{}>
	 * @throws ValidationException Invalid period
	 * @throws ForbiddenException Not a coordinator of it
	 * @throws NotFoundException Unknown organisation or period
	 * @throws ConflictException Already released
	 *
	 * 201: Feedback released
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'POST', url: '/api/v1/organisations/{id}/releases', requirements: ['id' => '\d+'])]
	public function release(int $id, mixed $periodId): DataResponse {
		return new DataResponse($this->releases->release($this->actors->current(), $id, $periodId)->jsonSerialize(), Http::STATUS_CREATED);
	}

	/**
	 * Reopen the organisation's released feedback for a period
	 *
	 * Its testers can change their ratings of the period again (while it is open) until the next
	 * release; the history keeps who reopened it and when.
	 *
	 * @param int $periodId The released period
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackOrganisationProgress, array{}>
	 * @throws ForbiddenException Not a coordinator of it
	 * @throws NotFoundException Unknown organisation or period
	 * @throws ConflictException Not released
	 *
	 * 200: Release reopened; the organisation's progress in the period
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/organisations/{id}/releases/{periodId}', requirements: ['id' => '\d+', 'periodId' => '\d+'])]
	public function reopen(int $id, int $periodId): DataResponse {
		$actor = $this->actors->current();
		$this->releases->reopen($actor, $id, $periodId);
		return new DataResponse($this->progress->progress($actor, $id, $periodId));
	}
}
