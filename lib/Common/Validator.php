<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Common;

use OCA\PilotFeedback\Exception\ValidationException;

/**
 * Checks raw request values and turns them into typed ones, or refuses them with a
 * message that names the field. Request values arrive untyped (JSON or form data),
 * so every check accepts `mixed`.
 */
final class Validator {
	/** Longest text a single-line field (titles, names) may hold. */
	public const MAX_LINE = 255;
	/** Longest Markdown text or description. */
	public const MAX_TEXT = 20000;

	/** A required single-line text: trimmed, not empty, no control characters, at most $max characters. */
	public static function requiredLine(mixed $value, string $field, int $max = self::MAX_LINE): string {
		$text = self::optionalLine($value, $field, $max);
		if ($text === '') {
			throw ValidationException::field('%1$s must not be empty.', $field);
		}
		return $text;
	}

	/** An optional single-line text; null becomes the empty string. */
	public static function optionalLine(mixed $value, string $field, int $max = self::MAX_LINE): string {
		$text = self::optionalText($value, $field, $max);
		if (preg_match('/[\x00-\x1F\x7F]/', $text) === 1) {
			throw ValidationException::field('%1$s must be a single line of text.', $field);
		}
		return $text;
	}

	/** An optional multi-line text (Markdown is kept as written and sanitised when shown). */
	public static function optionalText(mixed $value, string $field, int $max = self::MAX_TEXT): string {
		if ($value === null) {
			return '';
		}
		if (!is_string($value)) {
			throw ValidationException::field('%1$s must be text.', $field);
		}
		if (!mb_check_encoding($value, 'UTF-8')) {
			throw ValidationException::field('%1$s must be valid UTF-8 text.', $field);
		}
		// Checked before trimming, which would silently drop a leading or trailing NUL: NUL
		// bytes are no text (PostgreSQL refuses to store them), nor are the other controls.
		if (preg_match('/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', $value) === 1) {
			throw ValidationException::field('%1$s must not contain control characters.', $field);
		}
		$text = trim($value);
		if (mb_strlen($text) > $max) {
			throw ValidationException::field('%1$s is too long: at most %2$s characters are allowed.', $field, (string)$max);
		}
		return $text;
	}

	/**
	 * One of the allowed values.
	 *
	 * @template T of string
	 * @param list<T> $allowed
	 * @return T
	 */
	public static function oneOf(mixed $value, string $field, array $allowed): string {
		foreach ($allowed as $option) {
			if ($value === $option) {
				return $option;
			}
		}
		throw ValidationException::field('%1$s must be one of: %2$s.', $field, implode(', ', $allowed));
	}

	/** A positive integer id; numeric strings are accepted because form data is text. */
	public static function id(mixed $value, string $field): int {
		if (is_int($value) && $value > 0) {
			return $value;
		}
		if (is_string($value) && preg_match('/^[1-9]\d{0,17}$/D', $value) === 1) {
			return (int)$value;
		}
		throw ValidationException::field('%1$s must be the id of an existing record.', $field);
	}

	/** An optional id: null or empty means none. */
	public static function optionalId(mixed $value, string $field): ?int {
		return ($value === null || $value === '') ? null : self::id($value, $field);
	}

	/**
	 * A list of distinct ids.
	 *
	 * @return list<int>
	 */
	public static function ids(mixed $value, string $field, int $max = 500): array {
		if ($value === null || $value === '') {
			return [];
		}
		if (!is_array($value) || !array_is_list($value)) {
			throw ValidationException::field('%1$s must be a list of ids.', $field);
		}
		if (count($value) > $max) {
			throw ValidationException::field('%1$s may hold at most %2$s entries.', $field, (string)$max);
		}
		return array_values(array_unique(array_map(static fn (mixed $id): int => self::id($id, $field), $value)));
	}

	/**
	 * A list of distinct non-empty strings (user or group ids).
	 *
	 * @return list<string>
	 */
	public static function strings(mixed $value, string $field, int $max = 500): array {
		if ($value === null || $value === '') {
			return [];
		}
		if (!is_array($value) || !array_is_list($value)) {
			throw ValidationException::field('%1$s must be a list.', $field);
		}
		if (count($value) > $max) {
			throw ValidationException::field('%1$s may hold at most %2$s entries.', $field, (string)$max);
		}
		return array_values(array_unique(array_map(static fn (mixed $v): string => self::requiredLine($v, $field, 64), $value)));
	}

	/** An integer within [min, max]; integral numeric strings are accepted. */
	public static function intInRange(mixed $value, string $field, int $min, int $max): int {
		if (is_string($value) && preg_match('/^-?\d{1,9}$/D', $value) === 1) {
			$value = (int)$value;
		}
		if (!is_int($value) || $value < $min || $value > $max) {
			throw ValidationException::field('%1$s must be a whole number from %2$s to %3$s.', $field, (string)$min, (string)$max);
		}
		return $value;
	}

	/** Longest URL accepted (a vendor's ticket link). */
	public const MAX_URL = 500;

	/**
	 * An optional https URL with a host (null or empty: none), at most MAX_URL characters,
	 * without spaces or control characters.
	 */
	public static function optionalHttpsUrl(mixed $value, string $field): string {
		$url = self::optionalLine($value, $field, self::MAX_URL);
		if ($url === '') {
			return '';
		}
		$parts = parse_url($url);
		if (preg_match('/\s/u', $url) === 1 || $parts === false || strtolower($parts['scheme'] ?? '') !== 'https'
			|| ($parts['host'] ?? '') === '' || !str_starts_with(strtolower($url), 'https://')) {
			throw ValidationException::field('%1$s must be a web address beginning with https://, without spaces.', $field);
		}
		return $url;
	}

	/** A score of 1–5, or null for "not assessed". */
	public static function score(mixed $value, string $field): ?int {
		return $value === null ? null : self::intInRange($value, $field, 1, 5);
	}

	/** An optional calendar date YYYY-MM-DD. */
	public static function optionalDate(mixed $value, string $field): ?string {
		if ($value === null || $value === '') {
			return null;
		}
		if (!is_string($value) || preg_match('/^(\d{4})-(\d{2})-(\d{2})$/D', $value, $m) !== 1 || !checkdate((int)$m[2], (int)$m[3], (int)$m[1])) {
			throw ValidationException::field('%1$s must be a date like 2026-01-31.', $field);
		}
		return $value;
	}

	/** A calendar month YYYY-MM. */
	public static function month(mixed $value, string $field): string {
		if (!is_string($value) || preg_match('/^(\d{4})-(0[1-9]|1[0-2])$/D', $value) !== 1) {
			throw ValidationException::field('%1$s must be a month like 2026-01.', $field);
		}
		return $value;
	}

	/** A boolean flag; accepts true/false, 1/0 and their string forms. */
	public static function flag(mixed $value, string $field): bool {
		return match ($value) {
			null, false, 0, '0', 'false', '' => false,
			true, 1, '1', 'true' => true,
			default => throw ValidationException::field('%1$s must be true or false.', $field),
		};
	}
}
