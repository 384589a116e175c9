<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Sheet;

/**
 * A sheet cut into parts that a spreadsheet holds: at most a given number of rows each, its header
 * repeated at the top of every part, the parts after the first named by Sheet::partName() ("Ratings
 * (2)"). XLSX (Excel) and ODS (LibreOffice Calc) hold MAX_ROWS rows per sheet; a year's export of
 * a million ratings needs more, and a row beyond it would be lost when the file is opened.
 *
 * Streams like the writers: each part's rows are read from the sheet's generator as the part is
 * written, so the caller writes a part completely before it asks for the next one.
 */
final class SheetParts {
	/** Rows of one sheet, the header included, in XLSX (Excel) and ODS (LibreOffice Calc). */
	public const MAX_ROWS = 1_048_576;

	/**
	 * @param int $maxRows rows per part, the header included (tests lower it)
	 * @return \Generator<int, Sheet> the first part (named as the sheet), then the others; one part
	 *                                for a sheet without rows
	 */
	public static function of(Sheet $sheet, int $maxRows = self::MAX_ROWS): \Generator {
		$perPart = $maxRows - ($sheet->header === [] ? 0 : 1);
		if ($perPart < 1) {
			throw new \InvalidArgumentException('A sheet needs room for its header and at least one row, not ' . $maxRows . ' rows');
		}
		$rows = $sheet->rows;
		$iterator = is_array($rows) ? new \ArrayIterator($rows) : ($rows instanceof \Iterator ? $rows : new \IteratorIterator($rows));
		$iterator->rewind();
		yield new Sheet($sheet->name, $sheet->header, self::take($iterator, $perPart));
		for ($part = 2; $iterator->valid(); $part++) {
			yield new Sheet($sheet->partName($part), $sheet->header, self::take($iterator, $perPart));
		}
	}

	/**
	 * The next rows of the iterator, at most $count; leaves it at the row after them.
	 *
	 * @param \Iterator<mixed, list<string|int|float|null>> $iterator
	 * @return \Generator<int, list<string|int|float|null>>
	 */
	private static function take(\Iterator $iterator, int $count): \Generator {
		for ($taken = 0; $taken < $count && $iterator->valid(); $taken++) {
			yield $iterator->current();
			$iterator->next();
		}
	}
}
