<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\BulkTriageService;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Bulk triage of report items by the consolidators.
 *
 * @psalm-import-type PilotFeedbackBulkTriageResult from ResponseDefinitions
 * @psalm-import-type PilotFeedbackPriority from ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemStatus from ResponseDefinitions
 */
class ItemBulkController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private BulkTriageService $bulk,
	) {
		parent::__construct($request);
	}

	/**
	 * Triage many report items at once (consolidators)
	 *
	 * Sets status, consolidated priority and/or vendor reference on every item listed, in one
	 * transaction: one history entry per item and changed field, as a single triage writes
	 * them; items that already have the value are left as they are. All or nothing: an unknown
	 * id, or an item whose status may not move to the one chosen, refuses the whole batch and
	 * the message names the item (title and id) and its allowed next statuses. Status
	 * `duplicate` is refused (each duplicate needs the item it duplicates: use the item's own
	 * triage), and so is a status change of an item that is a duplicate (reopening it undoes a
	 * merge). Bulk applies to the items' current state; it carries no versions.
	 *
	 * @param list<int> $ids The items, 1 to 500
	 * @param PilotFeedbackItemStatus|null $status New status for every item; left out: unchanged
	 * @param PilotFeedbackPriority|null $consolidatedPriority null clears it; left out: unchanged
	 * @param string|null $vendorReference null or empty clears it; left out: unchanged @maxLength 255
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackBulkTriageResult, array{}>
	 * @throws ValidationException No or more than 500 ids, nothing to change, an invalid value, status duplicate, or a transition one of the items may not make; nothing was saved
	 * @throws ForbiddenException Not a consolidator
	 * @throws NotFoundException An item does not exist or is not visible; the message names its id; nothing was saved
	 * @throws BusyException The database stayed locked by other requests; nothing was saved, try again
	 *
	 * 200: Items triaged
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'POST', url: '/api/v1/items/bulk')]
	public function triage(
		mixed $ids,
		mixed $status = null,
		mixed $consolidatedPriority = null,
		mixed $vendorReference = null,
	): DataResponse {
		$input = ['ids' => $ids, ...$this->sent(compact('status', 'consolidatedPriority', 'vendorReference'))];
		return new DataResponse($this->bulk->apply($this->actors->current(), $input));
	}
}
