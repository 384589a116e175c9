<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\PeriodService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Reporting periods: administrators open and close calendar months.
 *
 * @psalm-import-type PilotFeedbackPeriod from ResponseDefinitions
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
	 * 200: Listed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/periods')]
	public function index(): DataResponse {
		return new DataResponse($this->periods->list());
	}

	/**
	 * Open the period of a month
	 *
	 * @param string $month the month, YYYY-MM
	 * @param string $month YYYY-MM
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackPeriod, array{}>
	 *
	 * 201: Opened
	 * 400: Invalid or existing month
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/periods')]
	public function create(mixed $month): DataResponse {
		return new DataResponse($this->periods->create($month), Http::STATUS_CREATED);
	}

	/**
	 * Open or close a period
	 *
	 * @param 'open'|'closed' $status
	 * @param 'open'|'closed' $status New status
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPeriod, array{}>
	 *
	 * 200: Updated
	 * 400: Invalid status
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/periods/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $status): DataResponse {
		return new DataResponse($this->periods->setStatus($id, $status));
	}
}
