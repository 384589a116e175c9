<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Labels;
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
	 * @param string $subject how the message names the item, e.g. "#12 “Export fails”"; empty for "This item"
	 * @throws ValidationException
	 */
	public function check(ItemStatus $from, ItemStatus $to, string $subject = ''): void {
		if ($to === $from || in_array($to, $from->allowedNext(), true)) {
			return;
		}
		$next = implode(', ', array_map(fn (ItemStatus $s): string => $this->l10n->t('"%1$s"', [$this->label($s)]), $from->allowedNext()));
		if ($subject === '') {
			throw new ValidationException('This item cannot go from "%1$s" to "%2$s". It can go to: %3$s.', [$this->label($from), $this->label($to), $next]);
		}
		throw new ValidationException('Item %4$s cannot go from "%1$s" to "%2$s". It can go to: %3$s.', [$this->label($from), $this->label($to), $next, $subject]);
	}

	/** The status's name in the user's language, as the UI shows it. */
	public function label(ItemStatus $status): string {
		return Labels::status($this->l10n, $status->value);
	}
}
