<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Catalogue\CriterionService;
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
	 * List all criteria, archived ones included
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackCriterion>, array{}>
	 *
	 * 200: Criterion list returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/criteria')]
	public function index(): DataResponse {
		return new DataResponse($this->service->list(true));
	}

	/**
	 * Create a Criterion
	 *
	 * At least one of name and nameDe must be given; readers see the one in their language.
	 *
	 * @param string|null $name English name @maxLength 255
	 * @param string|null $nameDe German name @maxLength 255
	 * @param string|null $description English description @maxLength 20000
	 * @param string|null $descriptionDe German description @maxLength 20000
	 * @param int<0, 10000>|null $sortOrder Position
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackCriterion, array{}>
	 * @throws ValidationException Invalid input
	 * @throws ConflictException Another request created the same record at the same time
	 *
	 * 201: Criterion created
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/criteria')]
	public function create(mixed $name = null, mixed $nameDe = null, mixed $description = null, mixed $descriptionDe = null, mixed $sortOrder = null): DataResponse {
		return new DataResponse($this->service->create(['name' => $name, 'nameDe' => $nameDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'sortOrder' => $sortOrder]), Http::STATUS_CREATED);
	}

	/**
	 * Update a Criterion
	 *
	 * Fields left out keep their value (partial update); afterwards at least one of name and nameDe must be set.
	 *
	 * @param string|null $name English name; left out: unchanged @maxLength 255
	 * @param string|null $nameDe German name; left out: unchanged @maxLength 255
	 * @param string|null $description English description; left out: unchanged @maxLength 20000
	 * @param string|null $descriptionDe German description; left out: unchanged @maxLength 20000
	 * @param int<0, 10000>|null $sortOrder Position; left out: unchanged
	 * @param bool|null $archived false restores an archived record; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCriterion, array{}>
	 * @throws ValidationException Invalid input
	 * @throws NotFoundException Not found
	 *
	 * 200: Criterion updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/criteria/{id}', requirements: ['id' => '\d+'])]
	public function update(int $id, mixed $name = null, mixed $nameDe = null, mixed $description = null, mixed $descriptionDe = null, mixed $sortOrder = null, mixed $archived = null): DataResponse {
		$input = $this->sent(['name' => $name, 'nameDe' => $nameDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'sortOrder' => $sortOrder, 'archived' => $archived]);
		return new DataResponse($this->service->update($id, $input));
	}

	/**
	 * Archive a Criterion; what was filed about it stays
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackCriterion, array{}>
	 * @throws NotFoundException Not found
	 *
	 * 200: Criterion archived
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/criteria/{id}', requirements: ['id' => '\d+'])]
	public function archive(int $id): DataResponse {
		return new DataResponse($this->service->archive($id));
	}
}
