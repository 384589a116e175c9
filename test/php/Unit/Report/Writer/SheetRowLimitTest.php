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
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Report\Writer\Support\SheetParts;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

/**
 * A sheet with more rows than a spreadsheet's sheet holds goes on over further sheets, each with
 * the header, so that no row is lost; the sheets after it keep their order. Shown with a limit of
 * 5 rows (header included) instead of 1 048 576.
 */
final class SheetRowLimitTest extends TestCase {
	private const XLSX = ['s' => 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'];
	private const HEADER = ['Nr.', 'Komponente', 'Punkte'];

	/** Twelve ratings, numbered 1–12, then the export's description. */
	private static function workbook(): Workbook {
		$ratings = (static function () {
			for ($i = 1; $i <= 12; $i++) {
				yield [$i, 'Komponente ' . $i, $i % 5 + 1];
			}
		})();
		return new Workbook([
			new Sheet('Bewertungen', self::HEADER, $ratings, static fn (int $part): string => 'Bewertungen (Teil ' . $part . ')'),
			new Sheet('Kommentare', ['Kommentar'], []),
			new Sheet('Über diesen Export', ['Feld', 'Wert'], [['Titel', 'Datenexport'], ['Monate', 12]]),
		]);
	}

	/** The rows of a part: the header, then four of the ratings, from the given number on. */
	private static function part(int $from, int $to): array {
		$rows = [self::HEADER];
		for ($i = $from; $i <= $to; $i++) {
			$rows[] = [(string)$i, 'Komponente ' . $i, (string)($i % 5 + 1)];
		}
		return $rows;
	}

	private static function expected(): array {
		return [
			'Bewertungen' => self::part(1, 4),
			'Bewertungen (Teil 2)' => self::part(5, 8),
			'Bewertungen (Teil 3)' => self::part(9, 12),
			'Kommentare' => [['Kommentar']],
			'Über diesen Export' => [['Feld', 'Wert'], ['Titel', 'Datenexport'], ['Monate', '12']],
		];
	}

	public function testXlsxContinuesTheSheetOnFurtherWorksheetsWithTheHeader(): void {
		$parts = Samples::unzip(Samples::write(new XlsxWriter(5), self::workbook()));

		$workbook = Samples::xpath($parts['xl/workbook.xml'], self::XLSX);
		$sheets = [];
		foreach ($workbook->query('//s:sheet') as $i => $sheet) {
			\assert($sheet instanceof \DOMElement);
			$xml = Samples::xpath($parts['xl/worksheets/sheet' . ($i + 1) . '.xml'], self::XLSX);
			$rows = [];
			foreach ($xml->query('//s:row') as $row) {
				$rows[] = array_map(static fn (\DOMElement $c): string => $c->textContent, iterator_to_array($xml->query('s:c', $row)));
			}
			$sheets[$sheet->getAttribute('name')] = $rows;
			// every part's header stays in view
			$this->assertSame('frozen', $xml->evaluate('string(//s:pane/@state)'));
			$this->assertSame('1', $xml->evaluate('string(//s:row[1]/s:c[1]/@s)'), 'the header is bold');
		}
		$this->assertSame(self::expected(), $sheets);
		$this->assertStringContainsString('/xl/worksheets/sheet5.xml', $parts['[Content_Types].xml']);
		$this->assertStringContainsString('worksheets/sheet5.xml', $parts['xl/_rels/workbook.xml.rels']);
		$this->assertArrayNotHasKey('xl/worksheets/sheet6.xml', $parts);
	}

	public function testOdsContinuesTheSheetOnFurtherTablesWithTheHeader(): void {
		$parts = Samples::unzip(Samples::write(new OdsWriter(5), self::workbook()));

		$content = Samples::xpath($parts['content.xml'], Odf::NAMESPACES);
		$sheets = [];
		foreach ($content->query('//table:table') as $table) {
			\assert($table instanceof \DOMElement);
			$rows = [];
			foreach ($content->query('table:table-header-rows/table:table-row | table:table-row', $table) as $row) {
				$rows[] = array_map(static fn (\DOMElement $c): string => $c->textContent, iterator_to_array($content->query('table:table-cell', $row)));
			}
			$sheets[$table->getAttributeNS(Odf::NAMESPACES['table'], 'name')] = $rows;
			$this->assertSame(1.0, $content->evaluate('count(table:table-header-rows)', $table), 'the header is a header row in every part');
		}
		$this->assertSame(self::expected(), $sheets);
		// the header row is frozen in every part
		$settings = Samples::xpath($parts['settings.xml'], Odf::NAMESPACES);
		$this->assertSame(5.0, $settings->evaluate('count(//config:config-item-map-named[@config:name="Tables"]/config:config-item-map-entry)'));
	}

	public function testASheetThatFillsItsLastPartExactlyGetsNoEmptyOne(): void {
		$rows = array_map(static fn (int $i): array => [$i], range(1, 8));
		$parts = Samples::unzip(Samples::write(new OdsWriter(5), new Workbook([new Sheet('Zahlen', ['n'], $rows)])));

		$content = Samples::xpath($parts['content.xml'], Odf::NAMESPACES);
		$this->assertSame(['Zahlen', 'Zahlen (2)'], array_map(
			static fn (\DOMElement $e): string => $e->getAttributeNS(Odf::NAMESPACES['table'], 'name'),
			iterator_to_array($content->query('//table:table')),
		), 'without a name for the parts: the name and the part\'s number');
	}

	public function testASheetWithoutHeaderFillsEveryRow(): void {
		$parts = Samples::unzip(Samples::write(new XlsxWriter(5), new Workbook([new Sheet('Zahlen', [], array_map(static fn (int $i): array => [$i], range(1, 6)))])));

		$this->assertSame(5.0, Samples::xpath($parts['xl/worksheets/sheet1.xml'], self::XLSX)->evaluate('count(//s:row)'));
		$this->assertSame('6', Samples::xpath($parts['xl/worksheets/sheet2.xml'], self::XLSX)->evaluate('string(//s:row[1]/s:c/s:v)'));
	}

	public function testTheCsvHoldsEveryRowOfTheFirstSheet(): void {
		$lines = explode("\r\n", trim(substr(Samples::write(new CsvWriter(), self::workbook()), 3)));

		$this->assertCount(13, $lines);
		$this->assertSame('12,Komponente 12,3', $lines[12]);
	}

	public function testTheLimitLeavesRoomForTheHeaderAndARow(): void {
		$this->expectException(\InvalidArgumentException::class);
		iterator_to_array(SheetParts::of(new Sheet('Zahlen', ['n'], [[1]]), 1));
	}

	public function testTheDefaultLimitIsThatOfExcelAndLibreOfficeCalc(): void {
		$this->assertSame(1_048_576, SheetParts::MAX_ROWS);
	}
}
