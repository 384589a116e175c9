<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

/**
 * The few words the writers add themselves, in the document's language (not the user's, so
 * IL10N does not apply: a German user may make an English document).
 */
final class Words {
	private const DE = [
		'Category' => 'Kategorie',
		'Contents' => 'Inhalt',
		'no data' => 'keine Daten',
		'Page' => 'Seite',
		'of' => 'von',
	];

	public static function get(string $word, string $language): string {
		return $language === 'de' ? (self::DE[$word] ?? $word) : $word;
	}
}
