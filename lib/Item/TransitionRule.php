<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\People\Policy;
use OCP\IL10N;

/**
 * The one place that says which status an item may take next (ItemStatus::allowedNext) for
 * whom, and refuses any other with a sentence that names the statuses as people read them.
 * Single triage, bulk triage and the item answers' allowedStatuses all ask here.
 */
class TransitionRule {
	public function __construct(
		private Policy $policy,
		private IL10N $l10n,
	) {
	}

	/**
	 * The statuses the actor may set on an item in status $from: none unless they triage.
	 *
	 * @return list<ItemStatus>
	 */
	public function allowed(Actor $actor, ItemStatus $from): array {
		return $this->policy->canTriage($actor) ? $from->allowedNext() : [];
	}

	/**
	 * Refuses a move from $from to $to that the workflow does not allow; staying is allowed.
	 *
	 * @throws ValidationException
	 */
	public function check(ItemStatus $from, ItemStatus $to): void {
		if ($this->allows($from, $to)) {
			return;
		}
		$next = implode(', ', array_map(fn (ItemStatus $s): string => $this->l10n->t('"%1$s"', [$this->label($s)]), $from->allowedNext()));
		throw new ValidationException('This item cannot go from "%1$s" to "%2$s". It can go to: %3$s.', [$this->label($from), $this->label($to), $next]);
	}

	/**
	 * The same rule for one item of a bulk change, whose refusal refuses the whole batch and
	 * so names the item. A duplicate keeps its status in bulk: reopening it undoes a merge,
	 * which only the item's own triage does.
	 *
	 * @throws ValidationException
	 */
	public function checkInBulk(Item $item, ItemStatus $to): void {
		$from = ItemStatus::from($item->getStatus());
		if ($from === ItemStatus::Duplicate && $to !== $from) {
			throw new ValidationException('Nothing was changed: item "%1$s" (#%2$s) is a duplicate. Reopen it on its own page, which undoes the merge.', [$item->getTitle(), (string)$item->getId()]);
		}
		if ($this->allows($from, $to)) {
			return;
		}
		throw new ValidationException('Nothing was changed: item "%1$s" (#%2$s) cannot move from %3$s to %4$s. From %3$s it can move to: %5$s.', [
			$item->getTitle(),
			(string)$item->getId(),
			$this->label($from),
			$this->label($to),
			implode(', ', array_map($this->label(...), $from->allowedNext())),
		]);
	}

	/** The workflow's rule: staying, or one of the statuses allowed next. */
	private function allows(ItemStatus $from, ItemStatus $to): bool {
		return $to === $from || in_array($to, $from->allowedNext(), true);
	}

	/** The status's name in the user's language, as the UI shows it. */
	public function label(ItemStatus $status): string {
		return Labels::status($this->l10n, $status->value);
	}
}
