<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\Report\Commentary\ReportTextService;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The consolidators' own words for the reports of a pilot and period: a foreword and a
 * comment per component (Markdown), with the history of who changed them when. Reports show
 * them marked as the consolidator's; they never change a figure.
 *
 * @psalm-import-type PilotFeedbackReportText from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTexts from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTextVersion from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTextConflict from ResponseDefinitions
 */
class ReportCommentaryController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ReportTextService $texts,
	) {
		parent::__construct($request);
	}

	/**
	 * The texts for the reports of a pilot and period
	 *
	 * The foreword (version 0 and an empty body when none was written) and the comment of every
	 * component that has or had one. For consolidators and coordinators.
	 *
	 * @param int $pilotId Pilot
	 * @param string $period A month (2026-11) or a quarter (2026-Q4)
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportTexts, array{}>
	 * @throws ValidationException Bad period
	 * @throws ForbiddenException The user makes no reports
	 * @throws NotFoundException Unknown pilot
	 *
	 * 200: Texts returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/report-texts')]
	public function index(mixed $pilotId, mixed $period): DataResponse {
		return new DataResponse($this->texts->texts($this->actors->current(), $pilotId, $period));
	}

	/**
	 * Save the foreword of the reports of a pilot and period
	 *
	 * An empty body removes the foreword (its history stays). With the version the user edited:
	 * a save after someone else's is refused with 409 and the current text. Consolidators only.
	 *
	 * @param int $pilotId Pilot
	 * @param string $period A month (2026-11) or a quarter (2026-Q4)
	 * @param string $body Markdown; empty removes the text @maxLength 20000
	 * @param int<0, max> $version The version the user edited; 0 when there was no text yet
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportText, array{}>|DataResponse<Http::STATUS_CONFLICT, PilotFeedbackReportTextConflict, array{}>
	 * @throws ValidationException Bad period, body or version
	 * @throws ForbiddenException The user is no consolidator
	 * @throws NotFoundException Unknown pilot
	 * @throws ConflictException The version is outdated (the answer carries the current text)
	 *
	 * 200: Foreword saved
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 60, period: 60)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/report-texts/{pilotId}/{period}/foreword', requirements: ['pilotId' => '\d+'])]
	public function saveForeword(int $pilotId, string $period, mixed $body, mixed $version): DataResponse {
		return new DataResponse($this->texts->save($this->actors->current(), $pilotId, $period, null, $body, $version));
	}

	/**
	 * Save the comment on one component in the reports of a pilot and period
	 *
	 * As the foreword; the component must be one of the pilot's.
	 *
	 * @param int $pilotId Pilot
	 * @param string $period A month (2026-11) or a quarter (2026-Q4)
	 * @param int $componentId A component of the pilot
	 * @param string $body Markdown; empty removes the text @maxLength 20000
	 * @param int<0, max> $version The version the user edited; 0 when there was no text yet
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportText, array{}>|DataResponse<Http::STATUS_CONFLICT, PilotFeedbackReportTextConflict, array{}>
	 * @throws ValidationException Bad period, component, body or version
	 * @throws ForbiddenException The user is no consolidator
	 * @throws NotFoundException Unknown pilot
	 * @throws ConflictException The version is outdated (the answer carries the current text)
	 *
	 * 200: Comment saved
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 60, period: 60)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/report-texts/{pilotId}/{period}/components/{componentId}', requirements: ['pilotId' => '\d+', 'componentId' => '\d+'])]
	public function saveComponent(int $pilotId, string $period, int $componentId, mixed $body, mixed $version): DataResponse {
		return new DataResponse($this->texts->save($this->actors->current(), $pilotId, $period, $componentId, $body, $version));
	}

	/**
	 * The history of the foreword: every saved version, newest first, with who saved it when
	 *
	 * @param int $pilotId Pilot
	 * @param string $period A month (2026-11) or a quarter (2026-Q4)
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackReportTextVersion>, array{}>
	 * @throws ValidationException Bad period
	 * @throws ForbiddenException The user makes no reports
	 * @throws NotFoundException Unknown pilot
	 *
	 * 200: History returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/report-texts/{pilotId}/{period}/foreword/history', requirements: ['pilotId' => '\d+'])]
	public function forewordHistory(int $pilotId, string $period): DataResponse {
		return new DataResponse($this->texts->history($this->actors->current(), $pilotId, $period, null));
	}

	/**
	 * The history of the comment on one component: every saved version, newest first
	 *
	 * @param int $pilotId Pilot
	 * @param string $period A month (2026-11) or a quarter (2026-Q4)
	 * @param int $componentId A component of the pilot
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackReportTextVersion>, array{}>
	 * @throws ValidationException Bad period or component
	 * @throws ForbiddenException The user makes no reports
	 * @throws NotFoundException Unknown pilot
	 *
	 * 200: History returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/report-texts/{pilotId}/{period}/components/{componentId}/history', requirements: ['pilotId' => '\d+', 'componentId' => '\d+'])]
	public function componentHistory(int $pilotId, string $period, int $componentId): DataResponse {
		return new DataResponse($this->texts->history($this->actors->current(), $pilotId, $period, $componentId));
	}
}
