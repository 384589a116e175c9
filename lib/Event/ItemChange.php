<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;

/** Turns a saved change of an item (its tracked fields before and after) into the events to dispatch. */
final class ItemChange {
	/**
	 * @param Actor|string $actor who made the change (as an Actor, the webhook payloads name their role)
	 * @param array<string, ?string> $before the tracked fields before the change
	 * @param array<string, ?string> $after the tracked fields after it
	 * @return list<ItemEvent> ItemMerged when it became a duplicate, otherwise ItemStatusChanged when the status changed; ItemUpdated when any other field changed
	 */
	public static function events(Item $item, Actor|string $actor, array $before, array $after): array {
		$events = [];
		$oldStatus = $before['status'] ?? null;
		if ($oldStatus !== null && $oldStatus !== $item->getStatus()) {
			$target = $item->getDuplicateOf();
			$events[] = $item->getStatus() === ItemStatus::Duplicate->value && $target !== null
				? new ItemMerged($item, $actor, $target)
				: new ItemStatusChanged($item, $actor, $oldStatus);
		}
		$fields = [];
		foreach ($after as $field => $value) {
			if ($field !== 'status' && $value !== ($before[$field] ?? null)) {
				$fields[] = $field;
			}
		}
		if ($fields !== []) {
			$events[] = new ItemUpdated($item, $actor, $fields);
		}
		return $events;
	}
}
