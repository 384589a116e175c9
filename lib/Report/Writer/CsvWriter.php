<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Model\Workbook;
use RuntimeException;

/**
 * CSV after RFC 4180 (comma, CRLF, fields with a comma, quote or line break in double quotes),
 * UTF-8 with a byte order mark so that Excel and LibreOffice read umlauts. Writes the FIRST
 * sheet only, row by row as the generator yields them (constant memory).
 *
 * Numbers are written with a point as decimal separator. A text cell that starts with
 * = + - @, a tab or a carriage return gets a leading single quote, so that a spreadsheet does not
 * run it as a formula (CSV formula injection, OWASP); numeric cells are never changed.
 */
final class CsvWriter implements WorkbookWriter {
	private const BOM = "\u{FEFF}";
	/** First characters that make a spreadsheet read a cell as a formula. */
	private const FORMULA_STARTS = ['=', '+', '-', '@', "\t", "\r"];
	/** Rows collected before one fwrite. */
	private const BATCH = 500;

	public function format(): string {
		return 'csv';
	}

	public function mimeType(): string {
		return 'text/csv';
	}

	public function write(Workbook $workbook, $stream): void {
		$sheet = $workbook->sheets[0] ?? null;
		$header = $sheet?->header ?? [];
		$buffer = self::BOM . ($header === [] ? '' : self::line($header));
		$count = 0;
		foreach ($sheet?->rows ?? [] as $row) {
			$buffer .= self::line($row);
			if (++$count % self::BATCH === 0) {
				self::put($stream, $buffer);
				$buffer = '';
			}
		}
		self::put($stream, $buffer);
	}

	/** @param list<string|int|float|null> $cells */
	public static function line(array $cells): string {
		$fields = [];
		foreach ($cells as $cell) {
			$fields[] = self::field($cell);
		}
		return implode(',', $fields) . "\r\n";
	}

	public static function field(string|int|float|null $cell): string {
		if ($cell === null) {
			return '';
		}
		if (!is_string($cell)) {
			return is_finite((float)$cell) ? (string)$cell : '';
		}
		if ($cell !== '' && in_array($cell[0], self::FORMULA_STARTS, true)) {
			$cell = "'" . $cell;
		}
		if (strpbrk($cell, "\",\r\n") !== false) {
			return '"' . str_replace('"', '""', $cell) . '"';
		}
		return $cell;
	}

	/** @param resource $stream */
	private static function put($stream, string $data): void {
		if ($data !== '' && fwrite($stream, $data) !== strlen($data)) {
			throw new RuntimeException('Cannot write the CSV file to the target');
		}
	}
}
