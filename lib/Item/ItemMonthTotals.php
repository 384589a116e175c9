<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\ItemMonthsMapper;
use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Model\MonthRange;

/**
 * Keeps the monthly item totals (ItemMonthsMapper) in step with the items, and checks them.
 *
 * The items overview sums them for its items filed and closed per month, so that 24 months
 * cost about what one costs, however many items and status changes there are. Every change
 * that counts passes through the item's history (ItemHistory), which calls beforeEntry() in
 * the change's transaction: filing ("created"), a status that closes the item, and a move to
 * another pilot. rebuild() counts them from the items (migration, user import, seeders);
 * verify() counts and compares.
 */
class ItemMonthTotals {
	public function __construct(
		private ItemMonthsMapper $months,
		private TransactionRunner $transactions,
	) {
	}

	/**
	 * Changes the totals by what a history entry about to be written means. Call it before
	 * writing the entry (an earlier closing in the same month is then one of the others), after
	 * the item row itself was saved.
	 */
	public function beforeEntry(int $itemId, string $field, ?string $old, ?string $new, int $now): void {
		$closing = $field === 'status' && in_array($new, ItemsOverviewMapper::CLOSING_STATUSES, true);
		$moved = $field === 'pilotId' && $old !== $new;
		if ($field !== 'created' && !$closing && !$moved) {
			return;
		}
		$item = $this->months->itemKey($itemId);
		if ($item === null) {
			return;
		}
		$filedIn = MonthRange::startContaining($item['createdAt']);
		if ($field === 'created') {
			$this->add($item['pilotId'], $item, $filedIn, 1, 0);
			return;
		}
		$closedIn = $this->months->closingMonths($itemId);
		if ($closing) {
			$month = MonthRange::startContaining($now);
			// an item closed twice in a month (closed, reopened, closed) counts once in it
			if (!in_array($month, $closedIn, true)) {
				$this->add($item['pilotId'], $item, $month, 0, 1);
			}
			return;
		}
		// moved: all it counted for the old pilot now counts for the new one
		foreach ([[(int)$old, -1], [(int)$new, 1]] as [$pilotId, $sign]) {
			$this->add($pilotId, $item, $filedIn, $sign, 0);
			foreach ($closedIn as $month) {
				$this->add($pilotId, $item, $month, 0, $sign);
			}
		}
	}

	/** @param array{pilotId: int, orgId: int, confidential: bool, createdAt: int} $item */
	private function add(int $pilotId, array $item, int $month, int $filed, int $closed): void {
		if ($pilotId > 0) {
			$this->months->add($pilotId, $item['orgId'], $item['confidential'], $month, $filed, $closed);
		}
	}

	/**
	 * Counts the totals from the items and stores them, all or nothing.
	 *
	 * @throws \OCA\PilotFeedback\Exception\BusyException when the database stayed locked
	 */
	public function rebuild(): void {
		$this->transactions->run(function (): void {
			$this->months->replaceAll($this->months->computed());
		});
	}

	/**
	 * The stored totals against those counted from the items: one line per difference.
	 *
	 * @return list<string>
	 */
	public function verify(): array {
		$stored = $this->months->stored();
		$counted = $this->months->computed();
		$differences = [];
		foreach (array_unique([...array_keys($stored), ...array_keys($counted)]) as $key) {
			$has = $stored[$key] ?? ['filed' => 0, 'closed' => 0];
			$should = $counted[$key] ?? ['filed' => 0, 'closed' => 0];
			if ($has['filed'] !== $should['filed'] || $has['closed'] !== $should['closed']) {
				$differences[] = sprintf('Items of pilot/organisation/month %s: %d filed and %d closed stored, %d and %d counted.', $key, $has['filed'], $has['closed'], $should['filed'], $should['closed']);
			}
		}
		sort($differences);
		return $differences;
	}
}
