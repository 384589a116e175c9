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
use OCA\PilotFeedback\Month\CoordinatorReminder;
use OCA\PilotFeedback\Month\MonthService;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * The start page: what to do this month, per role of the caller (the dashboard widgets show
 * the same facts), and the consolidators' reminder to an organisation's coordinators to
 * release its feedback.
 *
 * @psalm-import-type PilotFeedbackMonth from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReleaseReminder from ResponseDefinitions
 */
class MonthController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private MonthService $month,
		private CoordinatorReminder $reminder,
	) {
		parent::__construct($request);
	}

	/**
	 * What to do this month
	 *
	 * The open period with its deadline, and a section per role of the caller, null for the
	 * roles they do not have: a tester's components still to rate and their items that
	 * changed since their last visit; a coordinator's organisations with who rated what,
	 * their release state and their open security findings; for consolidators the release
	 * board of every organisation, the items waiting for triage, the open critical and high
	 * items and the reports being made or failed.
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackMonth, array{}>
	 *
	 * 200: The month returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/month')]
	public function show(): DataResponse {
		return new DataResponse($this->month->month($this->actors->current()));
	}

	/**
	 * Remind an organisation's coordinators to release its feedback
	 *
	 * Sends each coordinator of the organisation a Nextcloud notification; a new reminder
	 * replaces the previous one about the same period. At most 20 reminders per 10 minutes.
	 *
	 * @param int|null $periodId The period to release; default: the newest open period
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReleaseReminder, array{}>
	 * @throws ValidationException Invalid period, or no open period
	 * @throws ForbiddenException Not a consolidator
	 * @throws NotFoundException Unknown organisation or period
	 * @throws ConflictException Already released, archived, or without a coordinator
	 *
	 * 200: Coordinators reminded
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 20, period: 600)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/organisations/{id}/reminders', requirements: ['id' => '\d+'])]
	public function remind(int $id, mixed $periodId = null): DataResponse {
		return new DataResponse($this->reminder->remind($this->actors->current(), $id, $periodId));
	}
}
