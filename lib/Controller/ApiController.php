<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\AppFramework\OCSController;
use OCP\IRequest;

/**
 * The base of the app's OCS controllers: ErrorMiddleware answers their domain errors.
 * Requests are read from the JSON body or query; values stay untyped (mixed) until the
 * services' Validator checks them, so a wrong type gets a 400 with a message, not a 500.
 */
abstract class ApiController extends OCSController {
	public function __construct(IRequest $request) {
		parent::__construct(Application::APP_ID, $request);
	}

	/**
	 * The given values whose names the request carries, for partial updates: a field left
	 * out keeps its value, a field sent (null included) replaces it.
	 *
	 * @param array<string, mixed> $values by field name
	 * @return array<string, mixed>
	 */
	protected function sent(array $values): array {
		return array_intersect_key($values, $this->request->getParams());
	}
}
