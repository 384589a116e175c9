<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

use OCA\PilotFeedback\Exception\ValidationException;

/**
 * A range of whole calendar months (reporting periods) that consolidated figures cover:
 * one month, one quarter, or from one month to another, at most MAX_MONTHS long.
 */
final class MonthRange {
	/** Longest range in months (three years). */
	public const MAX_MONTHS = 36;

	private function __construct(
		/** First month, YYYY-MM. */
		public readonly string $from,
		/** Last month, YYYY-MM (inclusive). */
		public readonly string $to,
	) {
	}

	/**
	 * Reads the range from the request: exactly one of month, quarter, or from together with to.
	 *
	 * @throws ValidationException with a message that says what to send instead
	 */
	public static function fromRequest(mixed $month, mixed $quarter, mixed $from, mixed $to): self {
		$given = fn (mixed $v): bool => $v !== null && $v !== '';
		$forms = (int)$given($month) + (int)$given($quarter) + (int)($given($from) || $given($to));
		if ($forms === 0) {
			throw new ValidationException('Choose the months to consolidate: month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM.');
		}
		if ($forms > 1) {
			throw new ValidationException('Send only one of month, quarter, or from and to.');
		}
		if ($given($month)) {
			$month = self::month($month, 'Month');
			return new self($month, $month);
		}
		if ($given($quarter)) {
			return self::quarter($quarter);
		}
		if (!$given($from) || !$given($to)) {
			throw new ValidationException('A range needs both from and to, each a month like 2026-01.');
		}
		return self::between(self::month($from, 'From'), self::month($to, 'To'));
	}

	/** @throws ValidationException when the start is after the end or the range is too long */
	public static function between(string $from, string $to): self {
		if (strcmp($from, $to) > 0) {
			throw new ValidationException('The range starts in %1$s, after it ends in %2$s. Choose a start month on or before the end month.', [$from, $to]);
		}
		$range = new self($from, $to);
		$length = $range->length();
		if ($length > self::MAX_MONTHS) {
			throw new ValidationException('The range covers %1$s months; at most %2$s months are allowed. Choose a shorter range.', [(string)$length, (string)self::MAX_MONTHS]);
		}
		return $range;
	}

	/** A quarter like 2026-Q2: April to June. */
	public static function quarter(mixed $value): self {
		if (!is_string($value) || preg_match('/^(\d{4})-Q([1-4])$/D', $value, $m) !== 1) {
			throw ValidationException::field('%1$s must be a quarter like 2026-Q1.', 'Quarter');
		}
		$first = ((int)$m[2] - 1) * 3 + 1;
		return new self(sprintf('%s-%02d', $m[1], $first), sprintf('%s-%02d', $m[1], $first + 2));
	}

	/** Number of months in the range, both ends included. */
	public function length(): int {
		return self::index($this->to) - self::index($this->from) + 1;
	}

	/**
	 * Every month of the range, oldest first.
	 *
	 * @return list<string>
	 */
	public function months(): array {
		$months = [];
		$start = self::index($this->from);
		for ($i = $start, $end = self::index($this->to); $i <= $end; $i++) {
			$months[] = sprintf('%04d-%02d', intdiv($i, 12), $i % 12 + 1);
		}
		return $months;
	}

	/**
	 * The start of each month (00:00 UTC on the 1st, Unix seconds) and, last, the end of the range.
	 *
	 * @return non-empty-list<int> one more than there are months
	 */
	public function bounds(): array {
		$first = self::index($this->from);
		$bounds = [self::monthStart($first)];
		for ($i = $first + 1, $end = self::index($this->to) + 1; $i <= $end; $i++) {
			$bounds[] = self::monthStart($i);
		}
		return $bounds;
	}

	/** 00:00 UTC on the 1st of a month (YYYY-MM, already checked), as bounds() uses it. */
	public static function startOf(string $month): int {
		return self::monthStart(self::index($month));
	}

	/** 00:00 UTC on the 1st of the month a Unix time falls in. */
	public static function startContaining(int $time): int {
		return self::startOf(gmdate('Y-m', $time));
	}

	/**
	 * The start of every month from the one $first falls in to the one $last falls in, and the
	 * end of that one: bounds() of any span, however long.
	 *
	 * @return non-empty-list<int>
	 */
	public static function boundsSpanning(int $first, int $last): array {
		$bounds = [self::startContaining($first)];
		$end = self::startContaining($last);
		do {
			$bounds[] = self::endOf(gmdate('Y-m', $bounds[count($bounds) - 1]));
		} while ($bounds[count($bounds) - 1] <= $end);
		return $bounds;
	}

	/** 00:00 UTC on the 1st of the month after a month (YYYY-MM, already checked): the exclusive end. */
	public static function endOf(string $month): int {
		return self::monthStart(self::index($month) + 1);
	}

	/** 00:00 UTC on the 1st of the month with the given index (year × 12 + month − 1), in Unix seconds. */
	private static function monthStart(int $index): int {
		return (int)gmmktime(0, 0, 0, $index % 12 + 1, 1, intdiv($index, 12));
	}

	private static function month(mixed $value, string $field): string {
		if (!is_string($value) || preg_match('/^\d{4}-(0[1-9]|1[0-2])$/D', $value) !== 1) {
			throw ValidationException::field('%1$s must be a month like 2026-01.', $field);
		}
		return $value;
	}

	/** Months since year 0, so that ranges can be measured and walked. */
	private static function index(string $month): int {
		return (int)substr($month, 0, 4) * 12 + (int)substr($month, 5, 2) - 1;
	}
}
