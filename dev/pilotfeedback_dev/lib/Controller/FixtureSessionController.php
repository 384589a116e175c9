<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Controller;

use OCA\PilotFeedbackDev\AppInfo\Application;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UseSession;
use OCP\AppFramework\Http\DataResponse;
use OCP\AppFramework\OCSController;
use OCP\IRequest;

/**
 * For test/cluster/session-lock.spec.ts only: keeps the caller's PHP session open, and so
 * locked (Redis session locking), for some seconds, so that the suite can kill the node while
 * it holds the lock, as a crash during Nextcloud's own short session writes would. The
 * development app never ships.
 */
class FixtureSessionController extends OCSController {
	private const MAX_SECONDS = 60;

	public function __construct(IRequest $request) {
		parent::__construct(Application::APP_ID, $request);
	}

	/**
	 * Holds the session (opened by UseSession) for `seconds` (1 to 60); 400 otherwise.
	 *
	 * @return DataResponse<Http::STATUS_OK, array{held: int}, array{}>|DataResponse<Http::STATUS_BAD_REQUEST, array{message: string}, array{}>
	 */
	#[NoAdminRequired]
	#[UseSession]
	#[ApiRoute(verb: 'POST', url: '/api/v1/fixture-session-lock')]
	public function hold(mixed $seconds): DataResponse {
		if (!is_int($seconds) || $seconds < 1 || $seconds > self::MAX_SECONDS) {
			return new DataResponse(['message' => 'seconds must be a whole number from 1 to ' . self::MAX_SECONDS], Http::STATUS_BAD_REQUEST);
		}
		sleep($seconds);
		return new DataResponse(['held' => $seconds]);
	}
}
