<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\Rating\RatingSaver;
use OCA\PilotFeedback\Rating\RatingSheet;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * A tester's assessments of the components of their pilots.
 *
 * @psalm-import-type PilotFeedbackRatingSheet from ResponseDefinitions
 * @psalm-import-type PilotFeedbackAssessment from ResponseDefinitions
 * @psalm-import-type PilotFeedbackAssessmentScore from ResponseDefinitions
 * @psalm-import-type PilotFeedbackAssessmentConflict from ResponseDefinitions
 */
class RatingController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private RatingSheet $sheets,
		private RatingSaver $ratings,
	) {
		parent::__construct($request);
	}

	/**
	 * The rating sheet of the current user for one period
	 *
	 * The components to rate, the criteria and the user's own assessments; never those of others.
	 *
	 * @param int|null $periodId Period id; default: the newest open period
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackRatingSheet, array{}>
	 * @throws ForbiddenException The user is no tester
	 * @throws NotFoundException Unknown period
	 *
	 * 200: Rating sheet returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/ratings')]
	public function sheet(mixed $periodId = null): DataResponse {
		return new DataResponse($this->sheets->sheet($this->actors->current(), $periodId));
	}

	/**
	 * Save the current user's assessment of one component in one pilot in an open period
	 *
	 * A component that is part of two pilots is rated in each separately: send pilotId to name
	 * the pilot; it may be left out only when the component is in just one active pilot of the
	 * user's organisation. Replaces the assessment: every field must be sent. It counts as a rating only with an
	 * overall score or at least one criterion score; a comment alone is kept as a draft
	 * (rated: false). With the version the client last saw, a save after someone else's
	 * (another tab) is refused with 409 and the current assessment; send version 0 for a first
	 * save; without a version the save overwrites (last writer wins). Refused (403) once the
	 * organisation's coordinator released the period, until they reopen the release.
	 *
	 * @param int<1, 5>|null $overall Overall score; null: not assessed
	 * @param int|null $pilotId The pilot the rating is for; required when the component is part of several active pilots of the user's organisation
	 * @param string|null $comment Comment; null or empty clears it @maxLength 5000
	 * @param list<PilotFeedbackAssessmentScore>|null $scores Scores per criterion; null or empty clears them
	 * @param int<0, max>|null $version The assessment's version the user edited; 0: there was none yet; null: overwrite whatever is stored
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAssessment, array{}>|DataResponse<Http::STATUS_CONFLICT, PilotFeedbackAssessmentConflict, array{}>
	 * @throws ValidationException Invalid score, closed period, the pilot is missing while the component is part of several pilots, or the pilot is not active or does not contain the component
	 * @throws ForbiddenException The component is not in an active pilot of the user's organisation, the organisation does not take part in the pilot, or it released the period
	 * @throws NotFoundException Unknown period, component or pilot
	 * @throws ConflictException The version is outdated (the answer carries the current assessment), or another request created the same record at the same time
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Assessment saved
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/ratings/{periodId}/{componentId}', requirements: ['periodId' => '\d+', 'componentId' => '\d+'])]
	public function save(int $periodId, int $componentId, mixed $overall, mixed $comment, mixed $scores, mixed $version = null, mixed $pilotId = null): DataResponse {
		return new DataResponse($this->ratings->save($this->actors->current(), $periodId, $componentId, [
			'pilotId' => $pilotId,
			'overall' => $overall,
			'comment' => $comment,
			'scores' => $scores,
			'version' => $version,
		]));
	}
}
