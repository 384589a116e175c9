<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ComponentService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Components [Komponenten] — administrators (and groups they delegate the settings to) manage them.
 *
 * @psalm-import-type PilotFeedbackComponent from ResponseDefinitions
 */
class ComponentController extends ApiController {
	public function __construct(
		IRequest $request,
		private ComponentService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackComponent>, array{}>
	 *
	 * 200: Listed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/components')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create one
	 *
	 * @param string $name Name, not empty
	 * @param string $category Category
	 * @param string|null $product Product
	 * @param string|null $description Description
	 * @param list<int>|null $pilotIds Pilots that test it
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackComponent, array{}>
	 *
	 * 201: Created
	 * 400: Invalid input
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/components')]
	public function create(mixed $name, mixed $category, mixed $product = null, mixed $description = null, mixed $pilotIds = null): DataResponse {
		return new DataResponse($this->service->create(['name' => $name, 'category' => $category, 'product' => $product, 'description' => $description, 'pilotIds' => $pilotIds]), Http::STATUS_CREATED);
	}

	/**
	 * Update one
	 *
	 * Fields left out keep their value (partial update); name and category must be sent.
	 *
	 * @param string $name Name, not empty
	 * @param string $category Category
	 * @param string|null $product Product; left out: unchanged
	 * @param string|null $description Description; left out: unchanged
	 * @param list<int>|null $pilotIds Pilots that test it; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackComponent, array{}>
	 *
	 * 200: Updated
	 * 400: Invalid input
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/components/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $name, mixed $category, mixed $product = null, mixed $description = null, mixed $pilotIds = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['name' => $name, 'category' => $category, 'product' => $product, 'description' => $description, 'pilotIds' => $pilotIds, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive one; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackComponent, array{}>
	 *
	 * 200: Archived
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/components/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
