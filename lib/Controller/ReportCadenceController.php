<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Report\ReportCadenceService;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The reports on the agreement's cadence (administrators): the monthly status report and the
 * quarterly report, made by a background job into a consolidator's Files.
 *
 * @psalm-import-type PilotFeedbackReportCadence from ResponseDefinitions
 */
class ReportCadenceController extends ApiController {
	public function __construct(
		IRequest $request,
		private ReportCadenceService $cadence,
	) {
		parent::__construct($request);
	}

	/**
	 * Read the report cadence
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportCadence, array{}>
	 *
	 * 200: Cadence returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/settings/report-cadence')]
	public function show(): DataResponse {
		return new DataResponse($this->cadence->get());
	}

	/**
	 * Change the report cadence; a setting left out keeps its value
	 *
	 * @param bool|null $monthly make the monthly status report of the previous month on the first working day of each month
	 * @param bool|null $quarterly make the quarterly report after each quarter ends
	 * @param list<int>|null $pilotIds the pilots, one report each; empty: one report over all pilots
	 * @param string|null $consolidator user id of the consolidator whose Files receive the reports @maxLength 64
	 * @param 'odt'|'docx'|null $fileFormat document format ("format" is the OCS answer's format)
	 * @param 'de'|'en'|null $language document language
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportCadence, array{}>
	 * @throws ValidationException Not a consolidator, unknown format or language, or switched on without a consolidator
	 * @throws NotFoundException Unknown pilot
	 *
	 * 200: Cadence saved
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings/report-cadence')]
	public function update(mixed $monthly = null, mixed $quarterly = null, mixed $pilotIds = null, mixed $consolidator = null, mixed $fileFormat = null, mixed $language = null): DataResponse {
		return new DataResponse($this->cadence->update($monthly, $quarterly, $pilotIds, $consolidator, $fileFormat, $language));
	}
}
