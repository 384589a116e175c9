<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\PilotService;
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
 * Pilots [Erprobungen] — administrators (and groups they delegate the settings to) manage them.
 *
 * @psalm-import-type PilotFeedbackPilot from ResponseDefinitions
 * @psalm-import-type PilotFeedbackPilotStatus from ResponseDefinitions
 */
class PilotController extends ApiController {
	public function __construct(
		IRequest $request,
		private PilotService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all pilots, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackPilot>, array{}>
	 *
	 * 200: Pilot list returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/pilots')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create a Pilot
	 *
	 * At least one of title and titleDe must be given; readers see the one in their language.
	 *
	 * @param PilotFeedbackPilotStatus $status
	 * @param string|null $title English title @maxLength 255
	 * @param string|null $titleDe German title @maxLength 255
	 * @param string|null $description English description, Markdown @maxLength 20000
	 * @param string|null $descriptionDe German description, Markdown @maxLength 20000
	 * @param string|null $startDate First day, YYYY-MM-DD @format date
	 * @param string|null $endDate Last day, YYYY-MM-DD @format date
	 * @param list<int>|null $componentIds Components under test
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackPilot, array{}>
	 * @throws ValidationException Invalid input
	 * @throws ConflictException Another request created the same record at the same time
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 201: Pilot created
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/pilots')]
	public function create(mixed $status, mixed $title = null, mixed $titleDe = null, mixed $description = null, mixed $descriptionDe = null, mixed $startDate = null, mixed $endDate = null, mixed $componentIds = null): DataResponse {
		return new DataResponse($this->service->create(['title' => $title, 'titleDe' => $titleDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'status' => $status, 'startDate' => $startDate, 'endDate' => $endDate, 'componentIds' => $componentIds]), Http::STATUS_CREATED);
	}

	/**
	 * Update a Pilot
	 *
	 * Fields left out keep their value (partial update); status must be sent, and afterwards at least one of title and titleDe must be set.
	 *
	 * @param PilotFeedbackPilotStatus $status
	 * @param string|null $title English title; left out: unchanged @maxLength 255
	 * @param string|null $titleDe German title; left out: unchanged @maxLength 255
	 * @param string|null $description English description, Markdown; left out: unchanged @maxLength 20000
	 * @param string|null $descriptionDe German description, Markdown; left out: unchanged @maxLength 20000
	 * @param string|null $startDate First day, YYYY-MM-DD; null clears it; left out: unchanged @format date
	 * @param string|null $endDate Last day, YYYY-MM-DD; null clears it; left out: unchanged @format date
	 * @param list<int>|null $componentIds Components under test; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPilot, array{}>
	 * @throws ValidationException Invalid input
	 * @throws NotFoundException Not found
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Pilot updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/pilots/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $status, mixed $title = null, mixed $titleDe = null, mixed $description = null, mixed $descriptionDe = null, mixed $startDate = null, mixed $endDate = null, mixed $componentIds = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['title' => $title, 'titleDe' => $titleDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'status' => $status, 'startDate' => $startDate, 'endDate' => $endDate, 'componentIds' => $componentIds, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive a Pilot; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackPilot, array{}>
	 * @throws NotFoundException Not found
	 *
	 * 200: Pilot archived
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/pilots/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
