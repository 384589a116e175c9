<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Client\Report;

/** Reads a CSV file that LibreOffice wrote (comma, double quotes, no escape character). */
trait ReadsCsv {
	/** @return list<list<string>> the rows, each cell as text */
	private static function readCsv(string $path): array {
		$rows = [];
		$handle = fopen($path, 'rb');
		\assert($handle !== false);
		while (($row = fgetcsv($handle, null, ',', '"', '')) !== false) {
			$rows[] = array_map(static fn ($cell): string => (string)$cell, $row);
		}
		fclose($handle);
		return $rows;
	}
}
