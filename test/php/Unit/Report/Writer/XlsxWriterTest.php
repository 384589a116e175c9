<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

final class XlsxWriterTest extends TestCase {
	private const NS = ['s' => 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'];

	public function testOneWorksheetPerSheetWithNumbersAsNumbers(): void {
		$parts = Samples::unzip(Samples::write(new XlsxWriter(), Samples::workbook()));

		$workbook = Samples::xpath($parts['xl/workbook.xml'], self::NS);
		$this->assertSame(['Bewertungen', 'Meldungen'], array_map(
			static fn (\DOMElement $e): string => $e->getAttribute('name'),
			iterator_to_array($workbook->query('//s:sheet')),
		));
		$sheet = Samples::xpath($parts['xl/worksheets/sheet1.xml'], self::NS);
		// Header: bold (style 1), inline text.
		$this->assertSame('1', $sheet->evaluate('string(//s:c[@r="A1"]/@s)'));
		$this->assertSame('Komponente', $sheet->evaluate('string(//s:c[@r="A1"]/s:is/s:t)'));
		// Numbers are numeric cells (no t attribute), text is an inline string.
		$this->assertSame('', $sheet->evaluate('string(//s:c[@r="C2"]/@t)'));
		$this->assertSame('4', $sheet->evaluate('string(//s:c[@r="C2"]/s:v)'));
		$this->assertSame('3.75', $sheet->evaluate('string(//s:c[@r="D2"]/s:v)'));
		$this->assertSame('-2', $sheet->evaluate('string(//s:c[@r="C3"]/s:v)'));
		$this->assertSame('inlineStr', $sheet->evaluate('string(//s:c[@r="B3"]/@t)'));
		$this->assertSame("Zeile\nzwei, mit \"Anführung\"", $sheet->evaluate('string(//s:c[@r="B3"]/s:is/s:t)'));
		// A null leaves the cell out.
		$this->assertSame(0.0, $sheet->evaluate('count(//s:c[@r="D3"])'));
		// The header row is frozen.
		$this->assertSame('frozen', $sheet->evaluate('string(//s:pane/@state)'));
		// Columns as wide as header and cells: the formula text is wider than the numbers.
		$this->assertSame('27', $sheet->evaluate('string(//s:col[@min="1"]/@width)'));
		$this->assertSame('8', $sheet->evaluate('string(//s:col[@min="4"]/@width)'));
		$items = Samples::xpath($parts['xl/worksheets/sheet2.xml'], self::NS);
		$this->assertSame('17', $items->evaluate('string(//s:c[@r="A2"]/s:v)'));
		// Markup characters are escaped (xpath() refuses XML that is not well-formed).
		$this->assertSame('Export & Import <fehlt>', $items->evaluate('string(//s:c[@r="B2"]/s:is/s:t)'));
		$this->assertStringContainsString('/xl/worksheets/sheet2.xml', $parts['[Content_Types].xml']);
		$this->assertStringContainsString('<b/>', $parts['xl/styles.xml']);
	}

	public function testTheTitleAndLanguageOfTheWorkbookAreItsCoreProperties(): void {
		$parts = Samples::unzip(Samples::write(new XlsxWriter(), new Workbook([new Sheet('Ratings', ['A'], [[1]])], 'Datenexport - 2025-12 bis 2026-11 - Alle Erprobungen', 'de')));
		$core = Samples::xpath($parts['docProps/core.xml'], ['dc' => 'http://purl.org/dc/elements/1.1/']);

		$this->assertSame('Datenexport - 2025-12 bis 2026-11 - Alle Erprobungen', $core->evaluate('string(//dc:title)'));
		$this->assertSame('de', $core->evaluate('string(//dc:language)'));
		$this->assertStringContainsString('docProps/core.xml', $parts['_rels/.rels']);
		$this->assertStringContainsString('/docProps/core.xml', $parts['[Content_Types].xml']);
		$untitled = Samples::unzip(Samples::write(new XlsxWriter(), new Workbook([new Sheet('Ratings', [], [])])));
		$this->assertStringContainsString('<dc:title>Ratings</dc:title>', $untitled['docProps/core.xml'], 'without a title: the first sheet\'s name');
	}

	public function testControlCharactersAndBadSheetNamesAreCleaned(): void {
		$rows = (static function () {
			yield ["a\x01b\x0Bc"];
		})();
		$parts = Samples::unzip(Samples::write(new XlsxWriter(), new Workbook([
			new Sheet('Q4: [Entwurf]', ['x'], $rows),
			new Sheet('q4  entwurf', [], []),
		])));

		$sheet = Samples::xpath($parts['xl/worksheets/sheet1.xml'], self::NS);
		$this->assertSame('abc', $sheet->evaluate('string(//s:c[@r="A2"]/s:is/s:t)'));
		$workbook = Samples::xpath($parts['xl/workbook.xml'], self::NS);
		$this->assertSame('Q4 Entwurf', $workbook->evaluate('string(//s:sheet[1]/@name)'));
		$this->assertSame('q4 entwurf (2)', $workbook->evaluate('string(//s:sheet[2]/@name)'));
	}

	public function testColumnLetters(): void {
		$this->assertSame(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'], array_map(XlsxWriter::column(...), [0, 25, 26, 51, 52, 701, 702]));
	}
}
