<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Notification\NotificationPreferences;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;
use OCP\IUserSession;

/**
 * The user's own choice of which notifications the app sends them.
 *
 * @psalm-import-type PilotFeedbackNotificationSettings from ResponseDefinitions
 */
class NotificationSettingsController extends ApiController {
	public function __construct(
		IRequest $request,
		private NotificationPreferences $preferences,
		private IUserSession $userSession,
	) {
		parent::__construct($request);
	}

	/**
	 * Which kinds of notifications the user gets
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackNotificationSettings, array{}>
	 * @throws ForbiddenException Not logged in
	 *
	 * 200: Settings returned (true: the kind is sent)
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/me/notifications')]
	public function show(): DataResponse {
		/** @var PilotFeedbackNotificationSettings $settings */
		$settings = $this->preferences->get($this->userId());
		return new DataResponse($settings);
	}

	/**
	 * Switch kinds of notifications on or off; kinds left out keep their setting
	 *
	 * @param array<string, bool>|null $settings Kind => true (send) or false (don't); kinds: status_changed, merged, commented, rating_reminder, release_missing, released
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackNotificationSettings, array{}>
	 * @throws ValidationException Unknown kind or a value that is not true or false
	 * @throws ForbiddenException Not logged in
	 *
	 * 200: Settings updated
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/me/notifications')]
	public function update(mixed $settings = null): DataResponse {
		/** @var PilotFeedbackNotificationSettings $result */
		$result = $this->preferences->update($this->userId(), $settings);
		return new DataResponse($result);
	}

	private function userId(): string {
		return $this->userSession->getUser()?->getUID() ?? throw new ForbiddenException('Please log in.');
	}
}
