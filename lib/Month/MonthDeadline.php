<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Db\Period;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * When a reporting period is due: the last day of its month (the app has no deadline an
 * administrator sets apart from that), and how many days are left until then, counted in UTC
 * like the rating reminders (RatingReminders).
 */
class MonthDeadline {
	public function __construct(
		private ITimeFactory $time,
	) {
	}

	/** The period's last day, YYYY-MM-DD. */
	public function deadline(Period $period): string {
		return $this->lastDay($period)->format('Y-m-d');
	}

	/** Days from today until the deadline: 0 on the last day itself, negative once it has passed. */
	public function daysLeft(Period $period): int {
		$today = $this->time->getDateTime('today', new \DateTimeZone('UTC'));
		return (int)$today->diff($this->lastDay($period))->format('%r%a');
	}

	/** Whether the period's last day is over. */
	public function hasPassed(Period $period): bool {
		return $this->daysLeft($period) < 0;
	}

	private function lastDay(Period $period): \DateTimeImmutable {
		$first = \DateTimeImmutable::createFromFormat('!Y-m-d', $period->getMonth() . '-01', new \DateTimeZone('UTC'));
		if ($first === false) {
			// Months are validated when periods are made (YYYY-MM); this is a period stored otherwise.
			throw new \UnexpectedValueException('The period ' . $period->getId() . ' has no valid month.');
		}
		return $first->modify('last day of this month');
	}
}
