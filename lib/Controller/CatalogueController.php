<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Catalogue\DefaultCatalogueService;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The catalogue a user works with: pilots, components, criteria, organisations, periods.
 *
 * @psalm-import-type PilotFeedbackCatalogue from ResponseDefinitions
 * @psalm-import-type PilotFeedbackDefaultCatalogueResult from ResponseDefinitions
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
	 * Pilots, components, criteria, organisations and periods visible to the current user
	 *
	 * For members of an organisation, consolidators and administrators. Testers see only the pilots their
	 * organisations take part in and those pilots' components; nothing archived.
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCatalogue, array{}>
	 * @throws ForbiddenException The user takes no part in any pilot
	 *
	 * 200: Catalogue returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/catalogue')]
	public function show(): DataResponse {
		return new DataResponse($this->catalogue->catalogue($this->actors->current()));
	}

	/**
	 * Install the default catalogue; records that exist by name are left alone
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackDefaultCatalogueResult, array{}>
	 *
	 * 200: Default catalogue installed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/catalogue/default')]
	public function installDefault(): DataResponse {
		return new DataResponse(['created' => $this->defaults->install()]);
	}
}
