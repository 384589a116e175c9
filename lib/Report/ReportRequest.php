<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Model\MonthRange;
use OCP\IL10N;

/**
 * What a report or export covers, checked: its type, one pilot or all, the month, quarter or
 * (exports only) range of months,
 * one organisation or every one the requester may see, the language, whether testers are
 * named (never in documents; in exports only when a consolidator asked for it), and whether
 * the figures count released feedback only.
 */
final class ReportRequest {
	public const MONTHLY = 'monthly';
	public const QUARTERLY = 'quarterly';
	public const EXPORT = 'export';
	public const TYPES = [self::MONTHLY, self::QUARTERLY, self::EXPORT];
	public const LANGUAGES = ['de', 'en'];
	/** Between the first and the last month of a range: ISO 8601's interval as file names allow it */
	public const RANGE_SEPARATOR = '--';

	public function __construct(
		public readonly string $type,
		/** null: every pilot that is not archived */
		public readonly ?int $pilotId,
		/** 2026-03 (a month), 2026-Q1 (a quarter) or 2025-12--2026-11 (a range of months, exports only) */
		public readonly string $period,
		public readonly string $format,
		/** 'de' | 'en' */
		public readonly string $language,
		public readonly bool $withNames,
		/** null: every organisation the requester may see */
		public readonly ?int $organisationId,
		/** Only feedback its organisation released for the month (a final report); else all feedback, released or not */
		public readonly bool $releasedOnly = false,
	) {
	}

	public function isQuarter(): bool {
		return str_contains($this->period, '-Q');
	}

	/** Whether the period is a range of months (exports), neither one month nor a quarter. */
	public function isRange(): bool {
		return str_contains($this->period, self::RANGE_SEPARATOR);
	}

	public function range(): MonthRange {
		if ($this->isRange()) {
			$parts = explode(self::RANGE_SEPARATOR, $this->period, 2);
			return MonthRange::fromRequest(null, null, $parts[0], $parts[1] ?? null);
		}
		return $this->isQuarter()
			? MonthRange::quarter($this->period)
			: MonthRange::fromRequest($this->period, null, null, null);
	}

	/** The period of a range as a request records it: the month alone when it is one month, else "from--to". */
	public static function periodOf(MonthRange $range): string {
		return $range->from === $range->to ? $range->from : $range->from . self::RANGE_SEPARATOR . $range->to;
	}

	/** The period in words of the request's language: 2026-03, 2026-Q1, or "2025-12 to 2026-11". */
	public function periodLabel(IL10N $l): string {
		if (!$this->isRange()) {
			return $this->period;
		}
		$range = $this->range();
		return $l->t('%1$s to %2$s', [$range->from, $range->to]);
	}

	/** The range just before this one, of the same length (the previous month or quarter). */
	public function previousRange(): MonthRange {
		$range = $this->range();
		$length = $range->length();
		$from = self::shift($range->from, -$length);
		$to = self::shift($range->from, -1);
		return MonthRange::between($from, $to);
	}

	/** Whether the period ends after $now (Unix seconds): its figures may still change. */
	public function isPreliminary(int $now): bool {
		$bounds = $this->range()->bounds();
		return $bounds[count($bounds) - 1] > $now;
	}

	/** The month $months after (or before, when negative) a YYYY-MM month. */
	public static function shift(string $month, int $months): string {
		$index = (int)substr($month, 0, 4) * 12 + (int)substr($month, 5, 2) - 1 + $months;
		return sprintf('%04d-%02d', intdiv($index, 12), $index % 12 + 1);
	}
}
