<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\ItemFiling;
use OCA\PilotFeedback\Item\ItemReader;
use OCA\PilotFeedback\Item\ItemSupport;
use OCA\PilotFeedback\Item\ItemTriage;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
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
 * @psalm-import-type PilotFeedbackItemType from ResponseDefinitions
 * @psalm-import-type PilotFeedbackPriority from ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemStatus from ResponseDefinitions
 */
class ItemController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ItemReader $items,
		private ItemFiling $filing,
		private ItemTriage $triage,
		private ItemSupport $support,
	) {
		parent::__construct($request);
	}

	/**
	 * List report items visible to the current user
	 *
	 * A page of them, filtered and sorted on the server. Filters combine with AND; type,
	 * priority and status take a comma-separated list of values, any of which matches. Every
	 * number of the items overview (GET /consolidation/items) links to this list with the
	 * filters that select exactly the items it counts.
	 *
	 * @param string|null $type Comma-separated item types, e.g. `defect,security`
	 * @param int|null $componentId
	 * @param string|null $priority Comma-separated priorities, e.g. `critical,high`: the priority shown, the consolidated one where set, otherwise the reporter's
	 * @param string|null $status Comma-separated statuses, e.g. `new,in_review`
	 * @param int|null $organisationId
	 * @param 0|1 $mine 1: only items the current user reported
	 * @param int|null $pilotId Only items of this pilot
	 * @param string|null $q Text searched in title and body, case-insensitive @maxLength 200
	 * @param 0|1 $open 1: only items whose status is not a closing one (done, rejected, duplicate)
	 * @param string|null $filedFrom Filed in this month or later, like 2026-03 (months in UTC)
	 * @param string|null $filedTo Filed in this month or earlier, like 2026-03
	 * @param string|null $closedFrom Received a closing status (done, rejected, duplicate) in this month or later, like 2026-03
	 * @param string|null $closedTo Received a closing status in this month or earlier, like 2026-03
	 * @param 'created'|'updated'|'priority'|'support'|'title' $sort priority: the priority shown
	 * @param 'asc'|'desc' $order
	 * @param int<1, max> $page
	 * @param int<1, 100> $limit
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemPage, array{}>
	 * @throws ValidationException Invalid filter: an unknown value, a malformed month, a start month after the end month, a search text that is too long
	 * @throws ForbiddenException The user takes no part in any pilot
	 *
	 * 200: Item page returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items')]
	public function index(
		mixed $type = null,
		mixed $componentId = null,
		mixed $priority = null,
		mixed $status = null,
		mixed $organisationId = null,
		mixed $mine = 0,
		mixed $pilotId = null,
		mixed $q = null,
		mixed $open = 0,
		mixed $filedFrom = null,
		mixed $filedTo = null,
		mixed $closedFrom = null,
		mixed $closedTo = null,
		mixed $sort = 'created',
		mixed $order = 'desc',
		mixed $page = 1,
		mixed $limit = 25,
	): DataResponse {
		return new DataResponse($this->items->list($this->actors->current(), compact(
			'type', 'componentId', 'priority', 'status', 'organisationId', 'mine', 'pilotId', 'q', 'open',
			'filedFrom', 'filedTo', 'closedFrom', 'closedTo', 'sort', 'order', 'page', 'limit',
		)));
	}

	/**
	 * Items with similar titles (duplicate check)
	 *
	 * To support an existing item instead of filing a duplicate.
	 *
	 * @param string $q Search text @maxLength 255
	 * @param int<1, 20> $limit
	 * @return DataResponse<Http::STATUS_OK, list<PilotFeedbackItemSuggestion>, array{}>
	 * @throws ValidationException Invalid limit
	 * @throws ForbiddenException The user takes no part in any pilot
	 *
	 * 200: Suggestions returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/suggestions')]
	public function suggestions(mixed $q, mixed $limit = 5): DataResponse {
		return new DataResponse($this->items->suggestions($this->actors->current(), $q, $limit));
	}

	/**
	 * File a report item
	 *
	 * @param PilotFeedbackItemType $type
	 * @param non-empty-string $title @maxLength 255
	 * @param string|null $body Markdown source; null for none @maxLength 20000
	 * @param int $componentId Component of the pilot
	 * @param int $pilotId Pilot of the organisation
	 * @param PilotFeedbackPriority $priority
	 * @param list<int>|null $attachmentIds Nextcloud file ids of the user's own files
	 * @param int|null $organisationId Needed only when the user belongs to several organisations
	 *
	 * @return DataResponse<Http::STATUS_CREATED, PilotFeedbackItemDetail, array{}>
	 * @throws ValidationException Invalid input
	 * @throws ForbiddenException The user is no tester
	 * @throws NotFoundException Unknown component, pilot or attachment
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 201: Item created
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
		return new DataResponse($this->filing->create($this->actors->current(), $input), Http::STATUS_CREATED);
	}

	/**
	 * One report item with attachments, history and supporters
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 * @throws ForbiddenException The user takes no part in any pilot
	 * @throws NotFoundException Not found or not visible
	 *
	 * 200: Item returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/items/{id}', requirements: ['id' => '\d+'])]
	public function show(int $id): DataResponse {
		return new DataResponse($this->items->get($this->actors->current(), $id));
	}

	/**
	 * Edit a report item
	 *
	 * Title, body, component, pilot, priority and the version the client saw must be sent;
	 * attachmentIds left out keeps the attachments, null or [] removes them. An outdated
	 * version is refused with 409 and the current item under data.current.
	 *
	 * Allowed to the reporter while the item is new, the coordinators of its organisation and consolidators.
	 *
	 * @param int $version The item's version as the client last loaded it
	 * @param non-empty-string $title @maxLength 255
	 * @param string|null $body Markdown source; null clears it @maxLength 20000
	 * @param int $componentId
	 * @param int $pilotId
	 * @param PilotFeedbackPriority $priority
	 * @param list<int>|null $attachmentIds Nextcloud file ids; left out: unchanged, null or [] removes them
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 * @throws ValidationException Invalid input, or no version sent
	 * @throws ForbiddenException Not the user's to edit
	 * @throws NotFoundException Not found or not visible
	 * @throws ItemConflictException Someone else changed the item since the version sent; data.current holds it as it is now
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Item updated
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/items/{id}', requirements: ['id' => '\d+'])]
	public function update(
		int $id,
		mixed $version,
		mixed $title,
		mixed $body,
		mixed $componentId,
		mixed $pilotId,
		mixed $priority,
		mixed $attachmentIds = null,
	): DataResponse {
		$input = $this->sent(compact('version', 'title', 'body', 'componentId', 'pilotId', 'priority', 'attachmentIds'));
		return new DataResponse($this->filing->update($this->actors->current(), $id, $input));
	}

	/**
	 * Triage a report item (consolidators)
	 *
	 * Status, consolidated priority, duplicate-of, vendor reference and URL. Partial update:
	 * status and the version the client saw must be sent; the other fields left out keep
	 * their value, null clears them. An outdated version is refused with 409 and the current
	 * item under data.current.
	 *
	 * Status duplicate with duplicateOf = A merges this item into A: its reporter and
	 * supporters become supporters of A (each user once), and both histories record it.
	 * Moving a duplicate to another status (in_review) undoes the merge. Refused: an item as
	 * its own duplicate, a target that is itself a duplicate, an item into which others are
	 * merged, and a security finding with an item that is not one (or the other way round).
	 *
	 * @param int $version The item's version as the client last loaded it
	 * @param PilotFeedbackItemStatus $status New status (the current one to keep it); one of the item's allowedStatuses
	 * @param PilotFeedbackPriority|null $consolidatedPriority null clears it; left out: unchanged
	 * @param int|null $duplicateOf Required with status duplicate; must share the item's confidentiality; left out: unchanged
	 * @param string|null $vendorReference null or empty clears it; left out: unchanged @maxLength 255
	 * @param string|null $vendorUrl https URL of the vendor's ticket; null or empty clears it; left out: unchanged @maxLength 500
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 * @throws ValidationException Invalid transition, merge or value, or no version sent
	 * @throws ForbiddenException Not a consolidator
	 * @throws NotFoundException Not found or not visible, or an unknown duplicateOf
	 * @throws ItemConflictException Someone else changed the item since the version sent; data.current holds it as it is now
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Item triaged
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/items/{id}/status', requirements: ['id' => '\d+'])]
	public function triage(
		int $id,
		mixed $version,
		mixed $status,
		mixed $consolidatedPriority = null,
		mixed $duplicateOf = null,
		mixed $vendorReference = null,
		mixed $vendorUrl = null,
	): DataResponse {
		$input = $this->sent(compact('version', 'status', 'consolidatedPriority', 'duplicateOf', 'vendorReference', 'vendorUrl'));
		return new DataResponse($this->triage->triage($this->actors->current(), $id, $input));
	}

	/**
	 * Support (+1) a report item: "concerns us too"
	 *
	 * Records the user and their organisation as supporters, with the priority the item has
	 * for that organisation. Sent again while supporting, it changes that priority.
	 *
	 * @param PilotFeedbackPriority|null $priority The supporting organisation's own priority; null or left out: the item's priority (when supporting again: unchanged)
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 * @throws ValidationException Invalid priority
	 * @throws ForbiddenException The user is no tester, or filed the item
	 * @throws NotFoundException Not found or not visible
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Item supported
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items/{id}/support', requirements: ['id' => '\d+'])]
	public function support(int $id, mixed $priority = null): DataResponse {
		return new DataResponse($this->support->support($this->actors->current(), $id, true, $priority));
	}

	/**
	 * Withdraw support from a report item
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackItemDetail, array{}>
	 * @throws ForbiddenException The user is no tester
	 * @throws NotFoundException Not found or not visible
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Support withdrawn
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/items/{id}/support', requirements: ['id' => '\d+'])]
	public function unsupport(int $id): DataResponse {
		return new DataResponse($this->support->support($this->actors->current(), $id, false));
	}
}
