<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\CriterionService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Rating criteria [Kriterien] — administrators (and groups they delegate the settings to) manage them.
 *
 * @psalm-import-type PilotFeedbackCriterion from ResponseDefinitions
 */
class CriterionController extends ApiController {
	public function __construct(
		IRequest $request,
		private CriterionService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackCriterion>, array{}>
	 *
	 * 200: Listed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/criteria')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create one
	 *
	 * @param string $name Name, not empty
	 * @param string|null $description Description
	 * @param int|null $sortOrder Position, 0 to 10000
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackCriterion, array{}>
	 *
	 * 201: Created
	 * 400: Invalid input
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/criteria')]
	public function create(mixed $name, mixed $description = null, mixed $sortOrder = null): DataResponse {
		return new DataResponse($this->service->create(['name' => $name, 'description' => $description, 'sortOrder' => $sortOrder]), Http::STATUS_CREATED);
	}

	/**
	 * Update one
	 *
	 * Fields left out keep their value (partial update); name must be sent.
	 *
	 * @param string $name Name, not empty
	 * @param string|null $description Description; left out: unchanged
	 * @param int|null $sortOrder Position, 0 to 10000; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCriterion, array{}>
	 *
	 * 200: Updated
	 * 400: Invalid input
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/criteria/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $name, mixed $description = null, mixed $sortOrder = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['name' => $name, 'description' => $description, 'sortOrder' => $sortOrder, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive one; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCriterion, array{}>
	 *
	 * 200: Archived
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/criteria/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
