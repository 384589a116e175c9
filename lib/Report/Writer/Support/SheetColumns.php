<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Sheet;

/**
 * Column widths of a spreadsheet, in characters, after the header and the first SAMPLE rows
 * (a sheet's rows are read once, so those rows are held and handed on): wide enough for a date
 * or an id, at most MAX characters so a long title does not push the rest out of view.
 */
final class SheetColumns {
	private const SAMPLE = 100;
	public const MIN = 6;
	public const MAX = 50;

	/**
	 * @param list<int> $widths characters per column
	 * @param iterable<list<string|int|float|null>> $rows all rows of the sheet, the sampled ones first
	 */
	private function __construct(
		public readonly array $widths,
		public readonly iterable $rows,
	) {
	}

	public static function of(Sheet $sheet): self {
		$rows = $sheet->rows;
		$iterator = is_array($rows) ? new \ArrayIterator($rows) : ($rows instanceof \Iterator ? $rows : new \IteratorIterator($rows));
		$iterator->rewind();
		$sample = [];
		while (count($sample) < self::SAMPLE && $iterator->valid()) {
			$sample[] = $iterator->current();
			$iterator->next();
		}
		$widths = [];
		foreach ([$sheet->header, ...$sample] as $row) {
			foreach ($row as $i => $cell) {
				$chars = $cell === null ? 0 : mb_strlen(is_string($cell) ? $cell : Text::machineNumber($cell));
				$widths[$i] = max($widths[$i] ?? self::MIN, min(self::MAX, $chars + 2));
			}
		}
		$all = (static function () use ($sample, $iterator): \Generator {
			yield from $sample;
			while ($iterator->valid()) {
				yield $iterator->current();
				$iterator->next();
			}
		})();
		ksort($widths);
		return new self(array_values($widths), $all);
	}
}
