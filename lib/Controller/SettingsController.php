<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\SettingsService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The app's settings (the consolidators' group).
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
	 * Choose the consolidators' group
	 *
	 * @param string|null $consolidatorGroup Group id; null or empty removes the role from everyone @maxLength 64
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAppSettings, array{}>
	 * @throws ValidationException Unknown group
	 *
	 * 200: Settings updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings')]
	public function update(mixed $consolidatorGroup): DataResponse {
		return new DataResponse($this->settings->update($consolidatorGroup));
	}
}
