<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** The workflow of a report item: new → in review → … → verified, or rejected / duplicate. */
enum ItemStatus: string {
	use ListsValues;

	case New = 'new';
	case InReview = 'in_review';
	case Accepted = 'accepted';
	case Forwarded = 'forwarded';
	case InProgress = 'in_progress';
	case Done = 'done';
	case Verified = 'verified';
	case Rejected = 'rejected';
	case Duplicate = 'duplicate';

	/**
	 * The statuses a consolidator may move an item to from this one: the next step of the
	 * chain, one step back (to correct a slip), and rejected/duplicate while it is not done.
	 *
	 * @return list<self>
	 */
	public function allowedNext(): array {
		/** @var list<self> $chain (a list, not a fixed shape, so that $position ± 1 may be looked up) */
		$chain = [self::New, self::InReview, self::Accepted, self::Forwarded, self::InProgress, self::Done, self::Verified];
		$position = array_search($this, $chain, true);
		if ($position === false) {
			// Rejected and duplicate items can be reopened for review.
			return [self::InReview];
		}
		$next = [];
		if (isset($chain[$position + 1])) {
			$next[] = $chain[$position + 1];
		}
		if ($position > 0) {
			$next[] = $chain[$position - 1];
		}
		if ($position < 5) {
			$next[] = self::Rejected;
			$next[] = self::Duplicate;
		}
		return $next;
	}
}
