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
use OCA\PilotFeedback\Settings\IntegrationSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The administrator's settings of reminders and data protection.
 *
 * @psalm-import-type PilotFeedbackIntegrationSettings from ResponseDefinitions
 */
class IntegrationSettingsController extends ApiController {
	public function __construct(
		IRequest $request,
		private IntegrationSettings $settings,
	) {
		parent::__construct($request);
	}

	/**
	 * Read the reminder and data protection settings
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackIntegrationSettings, array{}>
	 *
	 * 200: Settings returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/settings/integrations')]
	public function show(): DataResponse {
		return new DataResponse($this->settings->get());
	}

	/**
	 * Change the reminder and data protection settings; a setting left out keeps its value
	 *
	 * @param int<0, 31>|null $reminderDays Days before a period's month ends on which testers who have not rated everything are reminded; 0: never
	 * @param int<0, 120>|null $pseudonymiseAfterMonths Months after which the reporters of closed items are pseudonymised; 0: never (the default)
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackIntegrationSettings, array{}>
	 * @throws ValidationException A value out of range
	 *
	 * 200: Settings updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings/integrations')]
	public function update(mixed $reminderDays = null, mixed $pseudonymiseAfterMonths = null): DataResponse {
		return new DataResponse($this->settings->update($reminderDays, $pseudonymiseAfterMonths));
	}
}
