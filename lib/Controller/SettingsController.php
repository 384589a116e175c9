<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The app's settings (the consolidators' group, the threshold of few ratings, the reports'
 * traffic light).
 *
 * @psalm-import-type PilotFeedbackAppSettings from ResponseDefinitions
 */
class SettingsController extends ApiController {
	public function __construct(
		IRequest $request,
		private SettingsService $settings,
	) {
		parent::__construct($request);
	}

	/**
	 * Read the app settings
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAppSettings, array{}>
	 *
	 * 200: Settings returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/settings')]
	public function show(): DataResponse {
		return new DataResponse($this->settings->get());
	}

	/**
	 * Change the settings; a setting left out keeps its value
	 *
	 * Partial update: a field left out, or sent as null, keeps its value.
	 *
	 * @param string|null $consolidatorGroup Nextcloud group id of the consolidators; empty removes the role from everyone; left out: unchanged @maxLength 64
	 * @param int<1, 1000>|null $lowRatingThreshold Months with fewer ratings than this are flagged as few; left out: unchanged
	 * @param float|null $trafficLightGreen Reports' traffic light: a mean overall score from this is green (1 to 5, at most two decimals, above amber); left out: unchanged
	 * @param float|null $trafficLightAmber Reports' traffic light: a mean from this and below green is amber, below it red (1 to 5, at most two decimals); left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAppSettings, array{}>
	 * @throws ValidationException Unknown group, threshold out of range, or green not above amber
	 *
	 * 200: Settings updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings')]
	public function update(mixed $consolidatorGroup = null, mixed $lowRatingThreshold = null, mixed $trafficLightGreen = null, mixed $trafficLightAmber = null): DataResponse {
		return new DataResponse($this->settings->update($consolidatorGroup, $lowRatingThreshold, $trafficLightGreen, $trafficLightAmber));
	}
}
