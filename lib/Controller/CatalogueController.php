<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ActorFactory;
use OCA\PilotFeedback\Service\CatalogueService;
use OCA\PilotFeedback\Service\DefaultCatalogueService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Who the user is in the pilot, and the catalogue they work with.
 *
 * @psalm-import-type PilotFeedbackMe from ResponseDefinitions
 * @psalm-import-type PilotFeedbackCatalogue from ResponseDefinitions
 */
class CatalogueController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private CatalogueService $catalogue,
		private DefaultCatalogueService $defaults,
	) {
		parent::__construct($request);
	}

	/**
	 * The current user's roles and organisations
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackMe, array{}>
	 *
	 * 200: Returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/me')]
	public function me(): DataResponse {
		return new DataResponse($this->catalogue->me($this->actors->current()));
	}

	/**
	 * The catalogue of the user's pilots
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCatalogue, array{}>
	 *
	 * 200: Returned
	 * 403: The user takes no part in any pilot
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/catalogue')]
	public function catalogue(): DataResponse {
		return new DataResponse($this->catalogue->catalogue($this->actors->current()));
	}

	/**
	 * Install the default catalogue; records that exist by name are left alone
	 *
	 * @return DataResponse<Http::STATUS_OK, array{created: int}, array{}>
	 *
	 * 200: Installed; created says how many records were added
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/catalogue/default')]
	public function installDefault(): DataResponse {
		return new DataResponse(['created' => $this->defaults->install()]);
	}
}
