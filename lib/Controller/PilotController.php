<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\PilotService;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Pilots [Erprobungen] — administrators (and groups they delegate the settings to) manage them.
 *
 * @psalm-import-type PilotFeedbackPilot from ResponseDefinitions
 */
class PilotController extends ApiController {
	public function __construct(
		IRequest $request,
		private PilotService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackPilot>, array{}>
	 *
	 * 200: Listed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/pilots')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create one
	 *
	 * @param string $title Title, not empty
	 * @param 'planned'|'active'|'closed' $status Status
	 * @param string|null $description Description (Markdown)
	 * @param string|null $startDate First day, YYYY-MM-DD
	 * @param string|null $endDate Last day, YYYY-MM-DD
	 * @param list<int>|null $componentIds Components under test
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackPilot, array{}>
	 *
	 * 201: Created
	 * 400: Invalid input
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/pilots')]
	public function create(mixed $title, mixed $status, mixed $description = null, mixed $startDate = null, mixed $endDate = null, mixed $componentIds = null): DataResponse {
		return new DataResponse($this->service->create(['title' => $title, 'description' => $description, 'status' => $status, 'startDate' => $startDate, 'endDate' => $endDate, 'componentIds' => $componentIds]), Http::STATUS_CREATED);
	}

	/**
	 * Update one
	 *
	 * Fields left out keep their value (partial update); title and status must be sent.
	 *
	 * @param string $title Title, not empty
	 * @param 'planned'|'active'|'closed' $status Status
	 * @param string|null $description Description (Markdown); left out: unchanged
	 * @param string|null $startDate First day, YYYY-MM-DD; null clears it; left out: unchanged
	 * @param string|null $endDate Last day, YYYY-MM-DD; null clears it; left out: unchanged
	 * @param list<int>|null $componentIds Components under test; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPilot, array{}>
	 *
	 * 200: Updated
	 * 400: Invalid input
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/pilots/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $title, mixed $status, mixed $description = null, mixed $startDate = null, mixed $endDate = null, mixed $componentIds = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['title' => $title, 'description' => $description, 'status' => $status, 'startDate' => $startDate, 'endDate' => $endDate, 'componentIds' => $componentIds, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive one; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPilot, array{}>
	 *
	 * 200: Archived
	 * 404: Not found
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/pilots/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
