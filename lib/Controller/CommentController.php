<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ActorFactory;
use OCA\PilotFeedback\Service\CommentService;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Comments on report items.
 *
 * @psalm-import-type PilotFeedbackItemComment from ResponseDefinitions
 */
class CommentController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private CommentService $comments,
	) {
		parent::__construct($request);
	}

	/**
	 * The comments of an item, oldest first
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackItemComment>, array{}>
	 *
	 * 200: Returned
	 * 404: Item not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/{id}/comments', requirements: ['id' => '\d+'])]
	public function index(int $id): DataResponse {
		return new DataResponse($this->comments->list($this->actors->current(), $id));
	}

	/**
	 * Comment on an item
	 *
	 * @param string $message Comment, 1 to 1000 characters
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackItemComment, array{}>
	 *
	 * 201: Added
	 * 400: Empty or too long
	 * 404: Item not found or not visible
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 60, period: 60)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items/{id}/comments', requirements: ['id' => '\d+'])]
	public function create(int $id, mixed $message): DataResponse {
		return new DataResponse($this->comments->add($this->actors->current(), $id, $message), Http::STATUS_CREATED);
	}
}
