<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ActorFactory;
use OCA\PilotFeedback\Service\RatingService;
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
 */
class RatingController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private RatingService $ratings,
	) {
		parent::__construct($request);
	}

	/**
	 * The rating sheet of a period: components to rate, criteria, own assessments
	 *
	 * @param int|null $periodId the period; default the newest open one
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackRatingSheet, array{}>
	 *
	 * 200: Returned
	 * 403: The user is no tester
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/ratings')]
	public function sheet(mixed $periodId = null): DataResponse {
		return new DataResponse($this->ratings->sheet($this->actors->current(), $periodId));
	}

	/**
	 * Save the own assessment of a component in an open period
	 *
	 * @param int|null $overall overall score 1–5, null for not assessed
	 * @param string $comment
	 * @param list<array{criterionId: int, score: ?int}> $scores
	 * Replaces the assessment: every field must be sent.
	 *
	 * @param int|null $overall Overall score 1–5; null: not assessed
	 * @param string|null $comment Comment; null or empty clears it
	 * @param list<array{criterionId: int, score: ?int}>|null $scores Scores per criterion; null or empty clears them
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAssessment, array{}>
	 *
	 * 200: Saved
	 * 400: Invalid score or closed period
	 * 403: The component is not in an active pilot of the user's organisation
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/ratings/{periodId}/{componentId}', requirements: ['periodId' => '\d+', 'componentId' => '\d+'])]
	public function save(int $periodId, int $componentId, mixed $overall, mixed $comment, mixed $scores): DataResponse {
		return new DataResponse($this->ratings->save($this->actors->current(), $periodId, $componentId, [
			'overall' => $overall,
			'comment' => $comment,
			'scores' => $scores,
		]));
	}
}
