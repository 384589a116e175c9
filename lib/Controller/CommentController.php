<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\CommentService;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
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
	 * The comments of a report item, oldest first
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackItemComment>, array{}>
	 * @throws ForbiddenException The user is no tester
	 * @throws NotFoundException Item not found or not visible
	 *
	 * 200: Comments returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/{id}/comments', requirements: ['id' => '\d+'])]
	public function index(int $id): DataResponse {
		return new DataResponse($this->comments->list($this->actors->current(), $id));
	}

	/**
	 * Comment on a report item
	 *
	 * @param non-empty-string $message @maxLength 1000
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackItemComment, array{}>
	 * @throws ValidationException Empty or too long
	 * @throws ForbiddenException The user is no tester
	 * @throws NotFoundException Item not found or not visible
	 *
	 * 201: Comment created
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 60, period: 60)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items/{id}/comments', requirements: ['id' => '\d+'])]
	public function create(int $id, mixed $message): DataResponse {
		return new DataResponse($this->comments->add($this->actors->current(), $id, $message), Http::STATUS_CREATED);
	}
}
