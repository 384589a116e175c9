<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\ResponseDefinitions;
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
 * @psalm-import-type PilotFeedbackComponentCategory from ResponseDefinitions
 */
class ComponentController extends ApiController {
	public function __construct(
		IRequest $request,
		private ComponentService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all components, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackComponent>, array{}>
	 *
	 * 200: Component list returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/components')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create a Component
	 *
	 * At least one of name and nameDe must be given; readers see the one in their language.
	 *
	 * @param PilotFeedbackComponentCategory $category
	 * @param string|null $name English name @maxLength 255
	 * @param string|null $nameDe German name @maxLength 255
	 * @param string|null $product Product name, the same in every language @maxLength 255
	 * @param string|null $description English description @maxLength 20000
	 * @param string|null $descriptionDe German description @maxLength 20000
	 * @param list<int>|null $pilotIds Pilots that test it
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackComponent, array{}>
	 * @throws ValidationException Invalid input
	 * @throws ConflictException Another request created the same record at the same time
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 201: Component created
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/components')]
	public function create(mixed $category, mixed $name = null, mixed $nameDe = null, mixed $product = null, mixed $description = null, mixed $descriptionDe = null, mixed $pilotIds = null): DataResponse {
		return new DataResponse($this->service->create(['name' => $name, 'nameDe' => $nameDe, 'category' => $category, 'product' => $product, 'description' => $description, 'descriptionDe' => $descriptionDe, 'pilotIds' => $pilotIds]), Http::STATUS_CREATED);
	}

	/**
	 * Update a Component
	 *
	 * Fields left out keep their value (partial update); category must be sent, and afterwards at least one of name and nameDe must be set.
	 *
	 * @param PilotFeedbackComponentCategory $category
	 * @param string|null $name English name; left out: unchanged @maxLength 255
	 * @param string|null $nameDe German name; left out: unchanged @maxLength 255
	 * @param string|null $product Left out: unchanged @maxLength 255
	 * @param string|null $description English description; left out: unchanged @maxLength 20000
	 * @param string|null $descriptionDe German description; left out: unchanged @maxLength 20000
	 * @param list<int>|null $pilotIds Pilots that test it; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackComponent, array{}>
	 * @throws ValidationException Invalid input
	 * @throws NotFoundException Not found
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Component updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/components/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $category, mixed $name = null, mixed $nameDe = null, mixed $product = null, mixed $description = null, mixed $descriptionDe = null, mixed $pilotIds = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['name' => $name, 'nameDe' => $nameDe, 'category' => $category, 'product' => $product, 'description' => $description, 'descriptionDe' => $descriptionDe, 'pilotIds' => $pilotIds, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive a Component; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackComponent, array{}>
	 * @throws NotFoundException Not found
	 *
	 * 200: Component archived
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/components/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
