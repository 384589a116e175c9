<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Exception\ValidationException;

/**
 * Reads an English/German pair of texts from an admin's input: a name or title (at least one
 * of the two must be given) or a description (both optional). An empty text is stored as null,
 * so that readers fall back to the other language.
 */
final class BilingualInput {
	/**
	 * @param array<string, mixed> $input
	 * @return array{0: ?string, 1: ?string} [English, German]
	 */
	public static function requiredLines(array $input, string $englishKey, string $germanKey, string $field, string $englishField, string $germanField): array {
		$english = Validator::optionalLine($input[$englishKey] ?? null, $englishField);
		$german = Validator::optionalLine($input[$germanKey] ?? null, $germanField);
		if ($english === '' && $german === '') {
			throw ValidationException::field('%1$s must not be empty: enter it in English, in German or in both.', $field);
		}
		return [self::nullIfEmpty($english), self::nullIfEmpty($german)];
	}

	/**
	 * @param array<string, mixed> $input
	 * @return array{0: ?string, 1: ?string} [English, German]
	 */
	public static function optionalTexts(array $input, string $englishKey, string $germanKey, string $englishField, string $germanField): array {
		return [
			self::nullIfEmpty(Validator::optionalText($input[$englishKey] ?? null, $englishField)),
			self::nullIfEmpty(Validator::optionalText($input[$germanKey] ?? null, $germanField)),
		];
	}

	private static function nullIfEmpty(string $text): ?string {
		return $text === '' ? null : $text;
	}
}
