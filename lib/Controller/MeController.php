<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\MeService;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Who the user is in the pilot: roles and organisations.
 *
 * @psalm-import-type PilotFeedbackMe from ResponseDefinitions
 */
class MeController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private MeService $me,
	) {
		parent::__construct($request);
	}

	/**
	 * The current user and their roles
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackMe, array{}>
	 *
	 * 200: Current user returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/me')]
	public function show(): DataResponse {
		return new DataResponse($this->me->me($this->actors->current()));
	}
}
