<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Client\Report;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Real-client check of the row limit: a sheet with more rows than a spreadsheet's sheet holds
 * goes on over further sheets, each with the header. With the limit lowered to 5 rows (header
 * included), LibreOffice opens the XLSX and the ODS and converts every sheet to its own CSV:
 * each holds at most 5 rows, every rating is there once and in order, and the export's
 * description is still the last sheet. (No file of a million rows is written.)
 */
final class SheetRowLimitTest extends TestCase {
	use ReadsCsv;

	private const LIMIT = 5;
	private const RATINGS = 12;
	private const HEADER = ['Nr.', 'Komponente', 'Punkte'];

	private static string $dir;

	public static function setUpBeforeClass(): void {
		exec('command -v soffice', $output, $code);
		if ($code !== 0) {
			throw new RuntimeException('soffice is required for the real-client test of the report writers: apt-get install libreoffice-calc-nogui');
		}
		self::$dir = sys_get_temp_dir() . '/pf-lo-rows-' . getmypid() . '-' . bin2hex(random_bytes(4));
		mkdir(self::$dir . '/csv', 0700, true);
	}

	public static function tearDownAfterClass(): void {
		exec('rm -rf ' . escapeshellarg(self::$dir));
	}

	private static function workbook(): Workbook {
		$ratings = (static function () {
			for ($i = 1; $i <= self::RATINGS; $i++) {
				yield [$i, 'Komponente ' . $i, $i % 5 + 1];
			}
		})();
		return new Workbook([
			new Sheet('Bewertungen', self::HEADER, $ratings),
			new Sheet('Über diesen Export', ['Feld', 'Wert'], [['Titel', 'Datenexport'], ['Monate', 12]]),
		]);
	}

	private static function save(WorkbookWriter $writer, string $name): string {
		$path = self::$dir . '/' . $name . '.' . $writer->format();
		$stream = fopen($path, 'wb');
		\assert($stream !== false);
		$writer->write(self::workbook(), $stream);
		fclose($stream);
		return $path;
	}

	public function testLibreOfficeOpensEverySheetWithinTheLimitAndNoRowIsLost(): void {
		$files = [self::save(new OdsWriter(self::LIMIT), 'ods'), self::save(new XlsxWriter(self::LIMIT), 'xlsx')];
		// every sheet to its own CSV, named <file>-<sheet>.csv
		$command = 'soffice -env:UserInstallation=' . escapeshellarg('file://' . self::$dir . '/profile') . ' --headless --norestore'
			. ' --convert-to ' . escapeshellarg('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1')
			. ' --outdir ' . escapeshellarg(self::$dir . '/csv') . ' ' . implode(' ', array_map('escapeshellarg', $files)) . ' 2>&1';
		exec($command, $output, $code);
		$this->assertSame(0, $code, 'soffice: ' . implode("\n", $output));

		$expectedRatings = [];
		for ($i = 1; $i <= self::RATINGS; $i++) {
			$expectedRatings[] = [(string)$i, 'Komponente ' . $i, (string)($i % 5 + 1)];
		}
		foreach (['ods', 'xlsx'] as $name) {
			$sheets = array_map(
				static fn (string $path): string => substr(basename($path, '.csv'), strlen($name) + 1),
				glob(self::$dir . "/csv/$name-*.csv") ?: [],
			);
			sort($sheets);
			$this->assertSame(['Bewertungen', 'Bewertungen (2)', 'Bewertungen (3)', 'Über diesen Export'], $sheets, "$name: the sheets LibreOffice found");

			$ratings = [];
			foreach (['Bewertungen', 'Bewertungen (2)', 'Bewertungen (3)'] as $sheet) {
				$rows = self::readCsv(self::$dir . "/csv/$name-$sheet.csv");
				$this->assertLessThanOrEqual(self::LIMIT, count($rows), "$name: $sheet within the limit");
				$this->assertSame(self::HEADER, $rows[0], "$name: $sheet starts with the header");
				$this->assertCount(self::LIMIT, $rows, "$name: $sheet holds the header and 4 ratings");
				array_push($ratings, ...array_slice($rows, 1));
			}
			$this->assertSame($expectedRatings, $ratings, "$name: every rating once, in order");
			$this->assertSame([['Feld', 'Wert'], ['Titel', 'Datenexport'], ['Monate', '12']], self::readCsv(self::$dir . "/csv/$name-Über diesen Export.csv"));
		}
	}

	public function testTheDescriptionIsStillTheLastSheet(): void {
		// The order of the sheets as LibreOffice reads it: its ODS of the XLSX lists the tables in order.
		$xlsx = self::save(new XlsxWriter(self::LIMIT), 'order');
		$command = 'soffice -env:UserInstallation=' . escapeshellarg('file://' . self::$dir . '/profile') . ' --headless --norestore'
			. ' --convert-to ods --outdir ' . escapeshellarg(self::$dir . '/ods') . ' ' . escapeshellarg($xlsx) . ' 2>&1';
		exec($command, $output, $code);
		$this->assertSame(0, $code, 'soffice: ' . implode("\n", $output));
		$zip = new \ZipArchive();
		$this->assertTrue($zip->open(self::$dir . '/ods/order.ods'));
		$content = (string)$zip->getFromName('content.xml');
		$zip->close();

		preg_match_all('/<table:table table:name="([^"]*)"/', $content, $names);
		$this->assertSame(['Bewertungen', 'Bewertungen (2)', 'Bewertungen (3)', 'Über diesen Export'], $names[1]);
	}
}
