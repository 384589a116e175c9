<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\PageBreak;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;

/**
 * What both document writers decide before writing: the layout of every table (a chart's data
 * table included), which blocks go on landscape pages, and the headings for the table of
 * contents. A table too wide for a portrait page is on a landscape page, and so are the headings
 * and paragraphs right before it (a heading stays with its table); the page after is portrait
 * again.
 */
final class PagePlan {
	/**
	 * @param array<int, Table> $tables block index => the table it shows (for a chart: its data table)
	 * @param array<int, TableLayout> $layouts block index => that table's layout
	 * @param list<bool> $landscape per block
	 * @param list<array{0: int, 1: int, 2: string}> $headings block index, level 1–3, text
	 */
	private function __construct(
		public readonly array $tables,
		public readonly array $layouts,
		public readonly array $landscape,
		public readonly array $headings,
	) {
	}

	public static function of(Document $document): self {
		$tables = [];
		$layouts = [];
		$landscape = [];
		$headings = [];
		foreach ($document->blocks as $i => $block) {
			$table = $block instanceof Chart ? ChartTable::of($block, $document->language) : ($block instanceof Table ? $block : null);
			if ($table !== null) {
				$tables[$i] = $table;
				$layouts[$i] = TableLayout::of($table, $document->language);
			}
			$landscape[$i] = isset($layouts[$i]) && $layouts[$i]->landscape;
			if ($block instanceof Heading) {
				$headings[] = [$i, max(1, min(3, $block->level)), $block->text];
			}
		}
		// Headings and paragraphs go with the landscape table they lead to; a page break takes
		// the orientation of what follows it.
		$next = false;
		for ($i = count($landscape) - 1; $i >= 0; $i--) {
			$block = $document->blocks[$i];
			if ($block instanceof Heading || $block instanceof Paragraph) {
				$landscape[$i] = $next;
			} elseif ($block instanceof PageBreak) {
				$landscape[$i] = $next;
				$next = false;
			} else {
				$next = $landscape[$i];
			}
		}
		return new self($tables, $layouts, array_values($landscape), $headings);
	}

	/** The bookmark of the heading at a block, for the table of contents. */
	public static function bookmark(int $block): string {
		return '_Toc' . $block;
	}
}
