<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemChange;
use OCA\PilotFeedback\Event\ItemEvent;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Bulk triage by a consolidator: one status, consolidated priority or vendor reference set on
 * many items at once, in one transaction, with one history entry per item and changed field
 * as a single triage writes them. All or nothing: an unknown item, or one whose status may not
 * move to the chosen one (TransitionRule, as for single triage), refuses the whole batch and
 * names the item. Bulk applies to the items' current state.
 *
 * Two things need the item's own page and are refused here: marking items as duplicates (each
 * needs the item it duplicates) and reopening a duplicate (which undoes a merge).
 *
 * @psalm-import-type PilotFeedbackBulkTriageResult from \OCA\PilotFeedback\ResponseDefinitions
 */
class BulkTriageService {
	/** Most items one request may change. */
	public const MAX_ITEMS = 500;

	public function __construct(
		private Policy $policy,
		private ItemMapper $items,
		private ItemHistory $history,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private TransitionRule $transitions,
		private IEventDispatcher $dispatcher,
	) {
	}

	/**
	 * @param array<string, mixed> $input ids, and the fields sent of status, consolidatedPriority, vendorReference
	 * @return PilotFeedbackBulkTriageResult
	 */
	public function apply(Actor $actor, array $input): array {
		$this->policy->require($this->policy->canTriage($actor), 'Only consolidators triage items, one by one or in bulk.');
		$ids = $this->ids($input['ids'] ?? null);
		$changes = $this->changes($input);
		$now = $this->time->getTime();

		/** @var list<ItemEvent> $events */
		$events = [];
		$result = $this->transactions->run(function () use ($actor, $ids, $changes, $now, &$events): array {
			$events = [];
			$items = $this->load($actor, $ids);
			if (isset($changes['status'])) {
				foreach ($items as $item) {
					$this->transitions->checkInBulk($item, $changes['status']);
				}
			}
			$changed = 0;
			$entries = 0;
			foreach ($items as $item) {
				$written = $this->applyTo($actor, $item, $changes, $now, $events);
				$changed += $written > 0 ? 1 : 0;
				$entries += $written;
			}
			return ['ids' => $ids, 'changed' => $changed, 'historyEntries' => $entries];
		});
		// After the commit, as single triage does: notifications, activity and webhooks per item.
		foreach ($events as $event) {
			$this->dispatcher->dispatchTyped($event);
		}
		return $result;
	}

	/**
	 * @return non-empty-list<int> distinct ids in the order sent
	 * @throws ValidationException for no ids, more than MAX_ITEMS or a value that is no id
	 */
	private function ids(mixed $value): array {
		if (is_array($value) && count($value) > self::MAX_ITEMS) {
			throw new ValidationException('A bulk change covers at most %1$s items; %2$s were sent. Select fewer items, or change them in several steps.', [(string)self::MAX_ITEMS, (string)count($value)]);
		}
		$ids = Validator::ids($value, 'Items', self::MAX_ITEMS);
		if ($ids === []) {
			throw new ValidationException('Select at least one item to change.');
		}
		return $ids;
	}

	/**
	 * The checked changes: only the fields that were sent.
	 *
	 * @param array<string, mixed> $input
	 * @return array{status?: ItemStatus, consolidatedPriority?: ?int, vendorReference?: string}
	 * @throws ValidationException for an invalid value, duplicate as status, or nothing to change
	 */
	private function changes(array $input): array {
		$changes = [];
		if (array_key_exists('status', $input)) {
			$status = ItemStatus::from(Validator::oneOf($input['status'], 'Status', ItemStatus::values()));
			if ($status === ItemStatus::Duplicate) {
				throw new ValidationException('Items cannot be marked as duplicates in bulk: each duplicate needs the item it duplicates. Mark them one by one on the item\'s page.');
			}
			$changes['status'] = $status;
		}
		if (array_key_exists('consolidatedPriority', $input)) {
			$changes['consolidatedPriority'] = in_array($input['consolidatedPriority'], [null, ''], true)
				? null
				: Priority::fromKey(Validator::oneOf($input['consolidatedPriority'], 'Consolidated priority', Priority::keys()))->value;
		}
		if (array_key_exists('vendorReference', $input)) {
			$changes['vendorReference'] = Validator::optionalLine($input['vendorReference'], 'Vendor reference');
		}
		if ($changes === []) {
			throw new ValidationException('Choose what to change: status, consolidated priority or vendor reference.');
		}
		return $changes;
	}

	/**
	 * The items, in the order of the ids, read inside the transaction.
	 *
	 * @param non-empty-list<int> $ids
	 * @return list<Item>
	 * @throws NotFoundException naming the first id that is unknown or not visible
	 */
	private function load(Actor $actor, array $ids): array {
		$byId = [];
		foreach ($this->items->findByIds($ids) as $item) {
			$byId[$item->getId()] = $item;
		}
		$items = [];
		foreach ($ids as $id) {
			$item = $byId[$id] ?? null;
			if ($item === null || !$this->policy->canSeeItem($actor, ItemPresenter::facts($item))) {
				throw new NotFoundException('Item %1$s does not exist or you may not see it. Nothing was changed.', [(string)$id]);
			}
			$items[] = $item;
		}
		return $items;
	}

	/**
	 * Sets the changes on one item and records each changed field; an unchanged item is not written.
	 *
	 * @param array{status?: ItemStatus, consolidatedPriority?: ?int, vendorReference?: string} $changes
	 * @param list<ItemEvent> $events the events of the change are added here
	 * @return int how many fields changed
	 */
	private function applyTo(Actor $actor, Item $item, array $changes, int $now, array &$events): int {
		$before = ItemHistory::tracked($item);
		if (isset($changes['status'])) {
			$item->setStatus($changes['status']->value);
		}
		if (array_key_exists('consolidatedPriority', $changes)) {
			$item->setConsPriority($changes['consolidatedPriority']);
		}
		if (isset($changes['vendorReference'])) {
			$item->setVendorRef($changes['vendorReference']);
		}
		$after = ItemHistory::tracked($item);
		if ($after === $before) {
			return 0;
		}
		$item->setUpdatedAt($now);
		$this->items->update($item);
		// A new version, so that an edit or triage sent with the version seen before gets 409.
		$this->items->bumpVersion($item->getId(), $now);
		array_push($events, ...ItemChange::events($item, $actor, $before, $after));
		return $this->history->recordChanges($item->getId(), $actor->userId, $before, $after, $now);
	}
}
