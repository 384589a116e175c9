<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Priority;

/**
 * The one writer of an item's history (pf_history): who changed which field from what to
 * what, when. Filing, editing, triage, bulk triage and merges all record here, inside the
 * transaction of their change, and through it the monthly item totals (ItemMonthTotals)
 * follow every filing, closing and move.
 */
class ItemHistory {
	public function __construct(
		private HistoryMapper $history,
		private ItemMonthTotals $monthTotals,
	) {
	}

	/**
	 * The fields the history tracks, as text: take it before and after a change and hand
	 * both to recordChanges().
	 *
	 * @return array<string, ?string>
	 */
	public static function tracked(Item $item): array {
		$cons = $item->getConsPriority();
		$duplicateOf = $item->getDuplicateOf();
		return [
			'title' => $item->getTitle(),
			'body' => $item->getBody() ?? '',
			'priority' => Priority::from($item->getPriority())->key(),
			'componentId' => (string)$item->getComponentId(),
			'pilotId' => (string)$item->getPilotId(),
			'status' => $item->getStatus(),
			'consolidatedPriority' => $cons === null ? null : Priority::from($cons)->key(),
			'duplicateOf' => $duplicateOf === null ? null : (string)$duplicateOf,
			'vendorReference' => $item->getVendorRef() ?? '',
			'vendorUrl' => $item->getVendorUrl() ?? '',
		];
	}

	/**
	 * Writes one history entry, and changes the monthly item totals by what it means (filed,
	 * closed, moved to another pilot).
	 */
	public function record(int $itemId, string $userId, string $field, ?string $old, ?string $new, int $now): void {
		$this->monthTotals->beforeEntry($itemId, $field, $old, $new, $now);
		$entry = new HistoryEntry();
		$entry->setItemId($itemId);
		$entry->setUserId($userId);
		$entry->setField($field);
		$entry->setOldValue($old);
		$entry->setNewValue($new);
		$entry->setCreatedAt($now);
		$this->history->insert($entry);
	}

	/**
	 * Writes one entry per tracked field whose value changed, in the order of tracked().
	 *
	 * @param array<string, ?string> $before tracked() before the change
	 * @param array<string, ?string> $after tracked() after it
	 * @return int how many entries were written
	 */
	public function recordChanges(int $itemId, string $userId, array $before, array $after, int $now): int {
		$written = 0;
		foreach ($after as $field => $value) {
			if ($value !== $before[$field]) {
				$this->record($itemId, $userId, $field, $before[$field], $value, $now);
				$written++;
			}
		}
		return $written;
	}
}
