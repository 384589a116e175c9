<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\PeriodService;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Reporting periods: administrators open and close calendar months, and delete a month
 * nobody has rated in.
 *
 * @psalm-import-type PilotFeedbackPeriod from ResponseDefinitions
 * @psalm-import-type PilotFeedbackPeriodStatus from ResponseDefinitions
 * @psalm-import-type PilotFeedbackPeriodRatings from ResponseDefinitions
 */
class PeriodController extends ApiController {
	public function __construct(
		IRequest $request,
		private PeriodService $periods,
	) {
		parent::__construct($request);
	}

	/**
	 * List the periods, newest first
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackPeriod>, array{}>
	 *
	 * 200: Period list returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/periods')]
	public function index(): DataResponse {
		return new DataResponse(array_map(static fn (Period $p): array => $p->jsonSerialize(), $this->periods->list()));
	}

	/**
	 * Open the period of a month
	 *
	 * A month can be opened from the month the first pilot (not archived, with a start date)
	 * starts in up to the month after the current one.
	 *
	 * @param string $month YYYY-MM @pattern ^[0-9]{4}-(0[1-9]|1[0-2])$
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackPeriod, array{}>
	 * @throws ValidationException Invalid or existing month, a month before the first pilot starts or more than one month ahead
	 * @throws ConflictException Another request created the same record at the same time
	 *
	 * 201: Period created
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/periods')]
	public function create(mixed $month): DataResponse {
		return new DataResponse($this->periods->create($month)->jsonSerialize(), Http::STATUS_CREATED);
	}

	/**
	 * Open or close a period
	 *
	 * @param PilotFeedbackPeriodStatus $status New status
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPeriod, array{}>
	 * @throws ValidationException Invalid status
	 * @throws NotFoundException Not found
	 *
	 * 200: Period updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/periods/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $status): DataResponse {
		return new DataResponse($this->periods->setStatus($id, $status)->jsonSerialize());
	}

	/**
	 * Delete a period nobody has rated in
	 *
	 * Only a period without ratings, drafts (a comment alone) and releases: one opened by
	 * mistake. Any other is refused with 409; close it instead.
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPeriod, array{}>
	 * @throws NotFoundException Not found
	 * @throws ConflictException The period holds ratings, drafts or releases
	 * @throws BusyException The database stayed locked by other requests; nothing was deleted, try again
	 *
	 * 200: Period deleted; the answer is the period as it was
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/periods/{id}', requirements: ['id' => '\d+'])]
	public function destroy(int $id): DataResponse {
		return new DataResponse($this->periods->delete($id)->jsonSerialize());
	}

	/**
	 * How many ratings a period holds, which closing it freezes
	 *
	 * A rating is an assessment with an overall score or at least one criterion score.
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPeriodRatings, array{}>
	 * @throws NotFoundException Not found
	 *
	 * 200: Count returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/periods/{id}/ratings', requirements: ['id' => '\d+'])]
	public function ratings(int $id): DataResponse {
		return new DataResponse($this->periods->ratings($id));
	}
}
