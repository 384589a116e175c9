<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Table;

/**
 * Column widths for a document table: shares of the text width after the longest text in each
 * column (the header's longest word, the first SAMPLE rows), so that a title column gets room
 * and a number column does not.
 */
final class ColumnWidths {
	private const SAMPLE = 200;
	private const MIN_CHARS = 4;
	private const MAX_CHARS = 45;

	/**
	 * @return list<float> one width per column, in the unit of \$total, adding up to \$total
	 */
	public static function of(Table $table, int $columns, float $total, string $language): array {
		$chars = array_fill(0, $columns, self::MIN_CHARS);
		foreach ($table->header as $i => $title) {
			foreach (preg_split('/\s+/u', $title) ?: [] as $word) {
				$chars[$i] = max($chars[$i], mb_strlen($word) + 1);
			}
		}
		foreach (array_slice($table->rows, 0, self::SAMPLE) as $row) {
			foreach ($row as $i => $cell) {
				if ($i < $columns) {
					$chars[$i] = max($chars[$i], min(self::MAX_CHARS, mb_strlen(Text::cell($cell, $language))));
				}
			}
		}
		$sum = array_sum($chars);
		return array_map(static fn (int $c): float => $total * $c / $sum, $chars);
	}
}
