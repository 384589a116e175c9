<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/**
 * The words of an item title as the suggestion index (pf_item_words) stores and searches
 * them: lower-cased runs of letters and digits, at least MIN_LENGTH characters, each at most
 * MAX_LENGTH characters, each once. A word is found by any prefix of at least MIN_LENGTH
 * characters; the first MIN_LENGTH characters are stored as its own column, so that every
 * database finds the candidates by equality on an index, without LIKE on a collation.
 */
final class TitleWords {
	public const MIN_LENGTH = 3;
	public const MAX_LENGTH = 64;
	/** Most words of a typed text that a search uses. */
	public const MAX_QUERY_WORDS = 5;

	/** @return list<string> the distinct words of a title, in order */
	public static function of(string $text): array {
		$words = [];
		foreach (preg_split('/[^\p{L}\p{N}]+/u', mb_strtolower($text)) ?: [] as $word) {
			if (mb_strlen($word) >= self::MIN_LENGTH) {
				$words[mb_substr($word, 0, self::MAX_LENGTH)] = true;
			}
		}
		return array_map('strval', array_keys($words));
	}

	/** @return list<string> the words of a typed text to search for (the first MAX_QUERY_WORDS) */
	public static function query(string $text): array {
		return array_slice(self::of($text), 0, self::MAX_QUERY_WORDS);
	}

	/** The indexed prefix of a word. */
	public static function prefix(string $word): string {
		return mb_substr($word, 0, self::MIN_LENGTH);
	}
}
