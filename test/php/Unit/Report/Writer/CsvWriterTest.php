<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class CsvWriterTest extends TestCase {
	public function testWritesTheFirstSheetAfterRfc4180WithABom(): void {
		$csv = Samples::write(new CsvWriter(), Samples::workbook());

		$this->assertSame(
			"\u{FEFF}Komponente,Kriterium,Wert,Mittel\r\n"
			. "Anmeldung,Bedienbarkeit,4,3.75\r\n"
			. "\"'=HYPERLINK(\"\"http://evil\"\")\",\"Zeile\nzwei, mit \"\"Anführung\"\"\",-2,\r\n",
			$csv,
		);
	}

	/** @return iterable<string, array{0: string|int|float|null, 1: string}> */
	public static function cells(): iterable {
		yield 'formula' => ['=1+2', "'=1+2"];
		yield 'plus' => ['+49 30 1234', "'+49 30 1234"];
		yield 'minus as text' => ['-5', "'-5"];
		yield 'at' => ['@SUM(A1)', "'@SUM(A1)"];
		yield 'tab' => ["\tx", "'\tx"];
		yield 'carriage return' => ["\rx", "\"'\rx\""];
		yield 'negative number stays a number' => [-5, '-5'];
		yield 'float' => [0.1, '0.1'];
		yield 'null' => [null, ''];
		yield 'not finite' => [INF, ''];
		yield 'plain' => ['Übersicht', 'Übersicht'];
		yield 'quote inside' => ['a"b', '"a""b"'];
	}

	#[DataProvider('cells')]
	public function testField(string|int|float|null $cell, string $expected): void {
		$this->assertSame($expected, CsvWriter::field($cell));
	}

	public function testStreamsRowsAsTheGeneratorYieldsThem(): void {
		$stream = fopen('php://temp', 'w+b');
		$written = [];
		$rows = (static function () use ($stream, &$written) {
			for ($i = 0; $i < 2000; $i++) {
				$written[$i] = ftell($stream);
				yield [$i, 'row'];
			}
		})();
		(new CsvWriter())->write(new Workbook([new Sheet('S', ['n', 'text'], $rows)]), $stream);

		// Long before the last row is made, the first ones are in the stream.
		$this->assertGreaterThan(0, $written[1000]);
		$this->assertSame(2001, substr_count((string)stream_get_contents($stream, -1, 0), "\r\n"));
	}

	public function testAnEmptyWorkbookIsJustTheBom(): void {
		$this->assertSame("\u{FEFF}", Samples::write(new CsvWriter(), new Workbook([])));
	}
}
