<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\OrganisationService;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Tester organisations [Testorganisationen] — administrators (and groups they delegate the settings to) manage them.
 *
 * @psalm-import-type PilotFeedbackOrganisation from ResponseDefinitions
 */
class OrganisationController extends ApiController {
	public function __construct(
		IRequest $request,
		private OrganisationService $service,
	) {
		parent::__construct($request);
	}

	/**
	 * List all organisations, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackOrganisation>, array{}>
	 *
	 * 200: Organisation list returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/organisations')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create a Organisation
	 *
	 * @param non-empty-string $name @maxLength 255
	 * @param non-empty-string $shortName @maxLength 64
	 * @param list<string>|null $groupIds Nextcloud groups of its testers
	 * @param list<string>|null $coordinatorIds User ids of its coordinators
	 * @param list<int>|null $pilotIds Pilots it takes part in
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackOrganisation, array{}>
	 * @throws ValidationException Invalid input
	 * @throws ConflictException Another request created the same record at the same time
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 201: Organisation created
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/organisations')]
	public function create(mixed $name, mixed $shortName, mixed $groupIds = null, mixed $coordinatorIds = null, mixed $pilotIds = null): DataResponse {
		return new DataResponse($this->service->create(['name' => $name, 'shortName' => $shortName, 'groupIds' => $groupIds, 'coordinatorIds' => $coordinatorIds, 'pilotIds' => $pilotIds]), Http::STATUS_CREATED);
	}

	/**
	 * Update a Organisation
	 *
	 * Fields left out keep their value (partial update); name and shortName must be sent.
	 *
	 * @param non-empty-string $name @maxLength 255
	 * @param non-empty-string $shortName @maxLength 64
	 * @param list<string>|null $groupIds Nextcloud groups of its testers; left out: unchanged
	 * @param list<string>|null $coordinatorIds User ids of its coordinators; left out: unchanged
	 * @param list<int>|null $pilotIds Pilots it takes part in; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackOrganisation, array{}>
	 * @throws ValidationException Invalid input
	 * @throws NotFoundException Not found
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Organisation updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/organisations/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $name, mixed $shortName, mixed $groupIds = null, mixed $coordinatorIds = null, mixed $pilotIds = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['name' => $name, 'shortName' => $shortName, 'groupIds' => $groupIds, 'coordinatorIds' => $coordinatorIds, 'pilotIds' => $pilotIds, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive a Organisation; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackOrganisation, array{}>
	 * @throws NotFoundException Not found
	 *
	 * 200: Organisation archived
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/organisations/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
