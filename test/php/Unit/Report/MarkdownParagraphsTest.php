<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Report\MarkdownParagraphs;
use OCA\PilotFeedback\Report\Model\Paragraph;
use PHPUnit\Framework\TestCase;

/** The ministry's Markdown becomes plain paragraphs: lists as bullets, no markers, no HTML. */
final class MarkdownParagraphsTest extends TestCase {
	/** @return list<string> */
	private static function texts(string $markdown): array {
		return array_map(static fn (Paragraph $p): string => $p->text, MarkdownParagraphs::convert($markdown));
	}

	public function testParagraphsListsAndMarkers(): void {
		$markdown = "## Summary\nThe pilot went **well** this month,\nwith _few_ crashes.\n\n- faster `sync`\n* new [portal](https://example.org/p) login\n\n> ~~Not~~ final.";
		self::assertSame([
			'Summary',
			'The pilot went well this month, with few crashes.',
			'• faster sync',
			'• new portal (https://example.org/p) login',
			'Not final.',
		], self::texts($markdown));
	}

	public function testNoHtmlPassesEvenWhenEscaped(): void {
		self::assertSame(['Hello world', 'x'], self::texts("Hello <b>world</b> <script>alert(1)</script>\n\n&lt;img src=x onerror=1&gt;x"));
	}

	public function testWordsWithUnderscoresAndStarsInMathStay(): void {
		self::assertSame(['file_name_here and 2 * 3 * 4'], self::texts('file_name_here and 2 * 3 * 4'));
	}

	public function testEmptyTextGivesNoParagraph(): void {
		self::assertSame([], self::texts("  \n\n- \n"));
	}
}
