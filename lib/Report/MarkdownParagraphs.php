<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Report\Model\Paragraph;

/**
 * Turns the Markdown of a consolidator's text into plain paragraphs for a document: blank
 * lines separate paragraphs, "- " and "* " list items become "• " lines, a heading is a
 * paragraph of its own, headings and quotes lose their markers, emphasis and code markers are stripped, links keep their text and
 * address, and HTML tags are dropped (a document never carries raw HTML).
 */
final class MarkdownParagraphs {
	/** @return list<Paragraph> */
	public static function convert(string $markdown): array {
		/** @var list<string> $texts */
		$texts = [];
		/** @var list<string> $open the lines of the paragraph being read */
		$open = [];
		foreach (preg_split('/\R/u', $markdown) ?: [] as $raw) {
			$line = trim($raw);
			$bullet = preg_match('/^[-*+](?:\s+(.*))?$/u', $line, $m) === 1 && preg_match('/^([-*_]\s*){3,}$/u', $line) !== 1;
			// a blank line, a rule (---) or a list item ends the paragraph being read
			if ($line === '' || $bullet || preg_match('/^([-*_]\s*){3,}$/u', $line) === 1) {
				if ($open !== []) {
					$texts[] = implode(' ', $open);
					$open = [];
				}
				$text = $bullet ? self::inline($m[1] ?? '') : '';
				if ($text !== '') {
					$texts[] = '• ' . $text;
				}
				continue;
			}
			if (preg_match('/^#{1,6}\s+(.*)$/u', $line, $h) === 1) {
				// a heading stands on its own
				if ($open !== []) {
					$texts[] = implode(' ', $open);
					$open = [];
				}
				$text = self::inline($h[1]);
				if ($text !== '') {
					$texts[] = $text;
				}
				continue;
			}
			$text = self::inline(preg_replace('/^>\s?/u', '', $line) ?? $line);
			if ($text !== '') {
				$open[] = $text;
			}
		}
		if ($open !== []) {
			$texts[] = implode(' ', $open);
		}
		return array_map(static fn (string $text): Paragraph => new Paragraph($text), $texts);
	}

	/** The text of one line without HTML, link syntax or emphasis and code markers. */
	private static function inline(string $text): string {
		// a script or style element goes with its content; other tags leave their text
		$text = preg_replace('#<(script|style)\b[^>]*>.*?</\1\s*>#isu', '', $text) ?? $text;
		$text = strip_tags($text);
		// [text](address) → text (address); ![alt](address) → alt
		$text = preg_replace('/!\[([^\]]*)\]\([^)]*\)/u', '$1', $text) ?? $text;
		$text = preg_replace('/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/u', '$1 ($2)', $text) ?? $text;
		// **strong**, __strong__, *em*, _em_, ~~struck~~, `code`
		$text = preg_replace('/(\*\*|__|~~)(.+?)\1/u', '$2', $text) ?? $text;
		$text = preg_replace('/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/u', '$1', $text) ?? $text;
		$text = preg_replace('/(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])/u', '$1', $text) ?? $text;
		$text = str_replace('`', '', $text);
		// entities are decoded, and a tag they spelled out is dropped too
		return trim(strip_tags(html_entity_decode($text, ENT_QUOTES | ENT_HTML5, 'UTF-8')));
	}
}
