<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Service\ActorFactory;
use OCA\PilotFeedback\Service\ItemService;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Report items: requirements, defects, improvements and security findings.
 *
 * @psalm-import-type PilotFeedbackItemPage from ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemDetail from ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemSuggestion from ResponseDefinitions
 */
class ItemController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ItemService $items,
	) {
		parent::__construct($request);
	}

	/**
	 * A page of the items the user may see, filtered and sorted on the server
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemPage, array{}>
	 *
	 * 200: Returned
	 * 400: Invalid filter
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items')]
	public function index(
		mixed $type = null,
		mixed $componentId = null,
		mixed $priority = null,
		mixed $status = null,
		mixed $organisationId = null,
		mixed $mine = null,
		mixed $sort = null,
		mixed $order = null,
		mixed $page = null,
		mixed $limit = null,
	): DataResponse {
		return new DataResponse($this->items->list($this->actors->current(), compact(
			'type', 'componentId', 'priority', 'status', 'organisationId', 'mine', 'sort', 'order', 'page', 'limit',
		)));
	}

	/**
	 * Items with similar titles, to support instead of filing a duplicate
	 *
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackItemSuggestion>, array{}>
	 *
	 * 200: Returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/suggestions')]
	public function suggestions(mixed $q = null, mixed $limit = null): DataResponse {
		return new DataResponse($this->items->suggestions($this->actors->current(), $q, $limit));
	}

	/**
	 * File an item
	 *
	 * @param string $type requirement, defect, improvement or security
	 * @param string $title Title, not empty
	 * @param string|null $body Text (Markdown); null for none
	 * @param int $componentId Component of the pilot
	 * @param int $pilotId Pilot of the organisation
	 * @param string $priority low, medium, high or critical
	 * @param list<int>|null $attachmentIds File ids of the user's own files
	 * @param int|null $organisationId Needed only when the user belongs to several organisations
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackItemDetail, array{}>
	 *
	 * 201: Filed
	 * 400: Invalid input
	 * 403: The user is no tester
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 60, period: 60)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items')]
	public function create(
		mixed $type,
		mixed $title,
		mixed $body,
		mixed $componentId,
		mixed $pilotId,
		mixed $priority,
		mixed $attachmentIds = null,
		mixed $organisationId = null,
	): DataResponse {
		$input = compact('type', 'title', 'body', 'componentId', 'pilotId', 'priority', 'attachmentIds', 'organisationId');
		return new DataResponse($this->items->create($this->actors->current(), $input), Http::STATUS_CREATED);
	}

	/**
	 * One item with attachments, history and supporters
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 *
	 * 200: Returned
	 * 404: Not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/{id}', requirements: ['id' => '\d+'])]
	public function show(int $id): DataResponse {
		return new DataResponse($this->items->get($this->actors->current(), $id));
	}

	/**
	 * Edit an item
	 *
	 * Title, body, component, pilot and priority must be sent; attachmentIds left out keeps the attachments, null or [] removes them.
	 *
	 * @param string $title Title, not empty
	 * @param string|null $body Text (Markdown); null clears it
	 * @param int $componentId Component of the pilot
	 * @param int $pilotId Pilot of the organisation
	 * @param string $priority low, medium, high or critical
	 * @param list<int>|null $attachmentIds File ids; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 *
	 * 200: Saved
	 * 400: Invalid input
	 * 403: Not the user's to edit
	 * 404: Not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/items/{id}', requirements: ['id' => '\d+'])]
	public function update(
		int $id,
		mixed $title,
		mixed $body,
		mixed $componentId,
		mixed $pilotId,
		mixed $priority,
		mixed $attachmentIds = null,
	): DataResponse {
		$input = $this->sent(compact('title', 'body', 'componentId', 'pilotId', 'priority', 'attachmentIds'));
		return new DataResponse($this->items->update($this->actors->current(), $id, $input));
	}

	/**
	 * Triage: status, consolidated priority, duplicate-of, vendor reference (consolidators)
	 *
	 * Partial update: status must be sent; the other fields left out keep their value, null clears them.
	 *
	 * @param string $status New status (the current one to keep it)
	 * @param string|null $consolidatedPriority low, medium, high or critical; null clears it; left out: unchanged
	 * @param int|null $duplicateOf Required with status duplicate; must share the item's confidentiality; left out: unchanged
	 * @param string|null $vendorReference Vendor reference; null clears it; left out: unchanged
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 *
	 * 200: Saved
	 * 400: Invalid transition or value, or a duplicate across confidentiality (a security finding duplicates only a security finding)
	 * 403: Not a consolidator
	 * 404: Not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/items/{id}/status', requirements: ['id' => '\d+'])]
	public function triage(
		int $id,
		mixed $status,
		mixed $consolidatedPriority = null,
		mixed $duplicateOf = null,
		mixed $vendorReference = null,
	): DataResponse {
		$input = $this->sent(compact('status', 'consolidatedPriority', 'duplicateOf', 'vendorReference'));
		return new DataResponse($this->items->triage($this->actors->current(), $id, $input));
	}

	/**
	 * "Concerns us too": support an item
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 *
	 * 200: Supported
	 * 404: Not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items/{id}/support', requirements: ['id' => '\d+'])]
	public function support(int $id): DataResponse {
		return new DataResponse($this->items->support($this->actors->current(), $id, true));
	}

	/**
	 * Withdraw the support of an item
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 *
	 * 200: Withdrawn
	 * 404: Not found or not visible
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/items/{id}/support', requirements: ['id' => '\d+'])]
	public function unsupport(int $id): DataResponse {
		return new DataResponse($this->items->support($this->actors->current(), $id, false));
	}
}
