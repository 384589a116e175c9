<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

/** Text and number helpers shared by the writers. */
final class Text {
	/**
	 * Text that XML 1.0 can hold: valid UTF-8 without the control characters XML forbids
	 * (tab, line feed and carriage return stay).
	 */
	public static function xml(string $text): string {
		if (!mb_check_encoding($text, 'UTF-8')) {
			$text = mb_scrub($text, 'UTF-8');
		}
		return preg_replace('/[^\x{9}\x{A}\x{D}\x{20}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}]/u', '', $text) ?? '';
	}

	/**
	 * Whether a cell value is written as a number (finite int or float).
	 *
	 * @psalm-assert-if-true int|float $value
	 */
	public static function isNumber(mixed $value): bool {
		return is_int($value) || (is_float($value) && is_finite($value));
	}

	/** A number as XML Schema and spreadsheets expect it: a point as decimal separator, no grouping. */
	public static function machineNumber(int|float $value): string {
		// PHP 8 writes floats independent of the locale, as the shortest exact form ("0.1", "1.0E+25").
		return (string)$value;
	}

	/**
	 * A number as a reader of the document expects it: at most two decimals, a comma as decimal
	 * separator in German, no grouping (so that it equals the API's value when rounded).
	 */
	public static function displayNumber(int|float $value, string $language): string {
		if (is_int($value)) {
			return (string)$value;
		}
		$text = rtrim(rtrim(number_format($value, 2, '.', ''), '0'), '.');
		if ($text === '-0') {
			$text = '0';
		}
		return $language === 'de' ? str_replace('.', ',', $text) : $text;
	}
}
