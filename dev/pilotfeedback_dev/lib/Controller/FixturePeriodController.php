<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Controller;

use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedbackDev\AppInfo\Application;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\DataResponse;
use OCP\AppFramework\OCSController;
use OCP\IRequest;

/**
 * For the integration and browser suites only (test/integration/setup/fixtures.ts): opens the
 * period of any month, outside the administrators' rules of PeriodService::create (from the
 * first pilot's start up to the next month). The suites rate in months of their own far in the
 * past or the future, so that they neither disturb each other nor the demo data. Administrators
 * only, like every route without NoAdminRequired; the development app never ships.
 */
class FixturePeriodController extends OCSController {
	public function __construct(
		IRequest $request,
		private PeriodMapper $periods,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	/**
	 * Opens the period of a month (YYYY-MM) that has none; 400 for a malformed or taken month.
	 *
	 * @return DataResponse<Http::STATUS_CREATED, array{id: int, month: string, status: 'open'|'closed'}, array{}>|DataResponse<Http::STATUS_BAD_REQUEST, array{message: string}, array{}>
	 */
	#[ApiRoute(verb: 'POST', url: '/api/v1/fixture-periods')]
	public function create(mixed $month): DataResponse {
		if (!is_string($month) || preg_match('/^\d{4}-(0[1-9]|1[0-2])$/D', $month) !== 1) {
			return new DataResponse(['message' => 'month must be a month like 2026-01'], Http::STATUS_BAD_REQUEST);
		}
		if ($this->periods->findByMonth($month) !== null) {
			return new DataResponse(['message' => 'A period of ' . $month . ' exists already'], Http::STATUS_BAD_REQUEST);
		}
		$period = new Period();
		$period->setMonth($month);
		$period->setStatus('open');
		return new DataResponse($this->periods->insert($period)->jsonSerialize(), Http::STATUS_CREATED);
	}
}
