<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;

/**
 * Triage of one item by a consolidator: its status (along TransitionRule), consolidated
 * priority, duplicate-of, vendor reference and URL. Many items at once: BulkTriageService.
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemTriage {
	public function __construct(
		private Policy $policy,
		private ItemMapper $items,
		private ItemReader $reader,
		private ItemWriter $writer,
		private TransitionRule $transitions,
		private MergeService $merges,
	) {
	}

	/**
	 * Triage by a consolidator: status, consolidated priority, duplicate-of, vendor reference
	 * and URL. The version the client saw must be sent; an outdated one is refused (409).
	 *
	 * Setting status duplicate with duplicateOf = A merges the item into A (MergeService);
	 * moving a duplicate to another status undoes the merge. Both happen in the same
	 * transaction as the status change.
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackItemDetail
	 * @throws ItemConflictException when the item changed since the version sent
	 */
	public function triage(Actor $actor, int $id, array $input): array {
		$item = $this->reader->visible($actor, $id);
		$this->policy->require($this->policy->canTriage($actor), 'Only consolidators change the status of an item.');
		$version = $this->writer->expectedVersion($actor, $item, $input);
		$before = ItemHistory::tracked($item);

		$status = ItemStatus::from(Validator::oneOf($input['status'] ?? $item->getStatus(), 'Status', ItemStatus::values()));
		$current = ItemStatus::from($item->getStatus());
		$this->transitions->check($current, $status);
		$item->setStatus($status->value);
		if (array_key_exists('consolidatedPriority', $input)) {
			$item->setConsPriority(in_array($input['consolidatedPriority'], [null, ''], true)
				? null
				: Priority::fromKey(Validator::oneOf($input['consolidatedPriority'], 'Consolidated priority', Priority::keys()))->value);
		}
		if (array_key_exists('vendorReference', $input)) {
			$item->setVendorRef(Validator::optionalLine($input['vendorReference'], 'Vendor reference'));
		}
		if (array_key_exists('vendorUrl', $input)) {
			$url = Validator::optionalHttpsUrl($input['vendorUrl'], 'Vendor URL');
			$item->setVendorUrl($url === '' ? null : $url);
		}
		$wasDuplicateOf = $current === ItemStatus::Duplicate ? $item->getDuplicateOf() : null;
		$duplicateOf = array_key_exists('duplicateOf', $input) ? Validator::optionalId($input['duplicateOf'], 'Duplicate of') : $item->getDuplicateOf();
		if ($status === ItemStatus::Duplicate) {
			if ($duplicateOf === null) {
				throw new ValidationException('Name the item this one duplicates (another item\'s id).');
			}
			if ($wasDuplicateOf !== null && $duplicateOf !== $wasDuplicateOf) {
				throw new ValidationException('This item is already a duplicate of #%1$s. Set it back to "In review" first, then name the other original.', [(string)$wasDuplicateOf]);
			}
			// the rules are checked now for a quick answer, and again under the lock in merge()
			$this->merges->check($item, $this->items->get($duplicateOf));
		} else {
			$duplicateOf = null;
		}
		$item->setDuplicateOf($duplicateOf);

		$mergeStep = null;
		if ($duplicateOf !== null && $wasDuplicateOf === null) {
			$mergeStep = function (int $now) use ($item, $duplicateOf, $actor): void {
				$this->merges->merge($item, $duplicateOf, $actor->userId, $now);
			};
		} elseif ($wasDuplicateOf !== null && $duplicateOf === null) {
			$mergeStep = function (int $now) use ($item, $wasDuplicateOf, $actor): void {
				$this->merges->unmerge($item, $wasDuplicateOf, $actor->userId, $now);
			};
		}
		return $this->writer->save($actor, $item, $version, $before, null, $mergeStep);
	}
}
