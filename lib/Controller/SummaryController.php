<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Consolidation\SummaryService;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Optional machine-generated summaries of a component's free-text feedback, when Nextcloud's
 * TaskProcessing offers text summaries.
 *
 * @psalm-import-type PilotFeedbackSummary from ResponseDefinitions
 * @psalm-import-type PilotFeedbackSummaryAvailability from ResponseDefinitions
 */
class SummaryController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private SummaryService $summaries,
	) {
		parent::__construct($request);
	}

	/**
	 * Whether summaries can be asked for (a provider of text summaries is installed)
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackSummaryAvailability, array{}>
	 * @throws ForbiddenException Not logged in
	 *
	 * 200: Availability returned; false for everyone but consolidators
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/summaries/available')]
	public function available(): DataResponse {
		$actor = $this->actors->current();
		return new DataResponse(['available' => $actor->isConsolidator && $this->summaries->available()]);
	}

	/**
	 * Ask for a machine-generated summary of a component's free-text feedback in a period
	 *
	 * At most 20 per user in 10 minutes.
	 *
	 * @param int $componentId the component
	 * @param int $periodId the reporting period
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackSummary, array{}>
	 * @throws ValidationException Missing ids, or no free-text feedback to summarise
	 * @throws ForbiddenException Not a consolidator
	 * @throws NotFoundException No summary provider, unknown component or period
	 *
	 * 201: Summary scheduled
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 20, period: 600)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/summaries')]
	public function create(mixed $componentId, mixed $periodId): DataResponse {
		return new DataResponse($this->summaries->request($this->actors->current(), $componentId, $periodId), Http::STATUS_CREATED);
	}

	/**
	 * A summary asked for: its status, and its text once done
	 *
	 * @param int $id the summary's task id
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackSummary, array{}>
	 * @throws ForbiddenException Not a consolidator
	 * @throws NotFoundException No summary provider, or no such summary of the user
	 *
	 * 200: Summary returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/summaries/{id}', requirements: ['id' => '\d+'])]
	public function show(int $id): DataResponse {
		return new DataResponse($this->summaries->get($this->actors->current(), $id));
	}
}
