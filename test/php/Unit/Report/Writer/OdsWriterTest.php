<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

final class OdsWriterTest extends TestCase {
	public function testTheTitleAndLanguageOfTheWorkbookAreItsMetadata(): void {
		$parts = Samples::unzip(Samples::write(new OdsWriter(), new Workbook([new Sheet('Ratings', ['A'], [[1]])], 'Data export - 2025-12 to 2026-11 - All pilots', 'en')));
		$meta = Samples::xpath($parts['meta.xml'], Odf::NAMESPACES);

		$this->assertSame('Data export - 2025-12 to 2026-11 - All pilots', $meta->evaluate('string(//dc:title)'));
		$this->assertSame('en', $meta->evaluate('string(//dc:language)'));
	}

	public function testOneTablePerSheetWithNumbersAsFloats(): void {
		$bytes = Samples::write(new OdsWriter(), Samples::workbook());
		$parts = Samples::unzip($bytes);

		// ODF: "mimetype" first and stored, so that its text stands at byte 38.
		$this->assertSame('mimetype', array_key_first($parts));
		$this->assertSame('application/vnd.oasis.opendocument.spreadsheet', substr($bytes, 38, 46));
		$content = Samples::xpath($parts['content.xml'], Odf::NAMESPACES);
		$this->assertSame(['Bewertungen', 'Meldungen'], array_map(
			static fn (\DOMElement $e): string => $e->getAttributeNS(Odf::NAMESPACES['table'], 'name'),
			iterator_to_array($content->query('//table:table')),
		));
		$first = '//table:table[1]';
		$this->assertSame('Komponente', $content->evaluate("string($first/table:table-header-rows/table:table-row/table:table-cell[1])"));
		$this->assertSame('header', $content->evaluate("string($first/table:table-header-rows/table:table-row/table:table-cell[1]/@table:style-name)"));
		$row = "$first/table:table-row[1]";
		$this->assertSame('float', $content->evaluate("string($row/table:table-cell[3]/@office:value-type)"));
		$this->assertSame('4', $content->evaluate("string($row/table:table-cell[3]/@office:value)"));
		$this->assertSame('3.75', $content->evaluate("string($row/table:table-cell[4]/@office:value)"));
		$this->assertSame('string', $content->evaluate("string($first/table:table-row[2]/table:table-cell[1]/@office:value-type)"));
		$this->assertSame('=HYPERLINK("http://evil")', $content->evaluate("string($first/table:table-row[2]/table:table-cell[1])"));
		$this->assertSame(0.0, $content->evaluate("count($first/table:table-row[2]/table:table-cell[4]/@office:value-type)"));
		$this->assertSame('17', $content->evaluate('string(//table:table[2]/table:table-row[1]/table:table-cell[1]/@office:value)'));
		// Markup characters are escaped (xpath() refuses XML that is not well-formed).
		$this->assertSame('Export & Import <fehlt>', $content->evaluate('string(//table:table[2]/table:table-row[1]/table:table-cell[2])'));
		// Columns as wide as header and cells: the formula text is wider than the numbers.
		$this->assertSame(['co27', 'co29', 'co6', 'co8'], array_map(
			static fn (\DOMAttr $a): string => $a->value,
			iterator_to_array($content->query("$first/table:table-column/@table:style-name")),
		));
		$this->assertSame('5.4cm', $content->evaluate('string(//style:style[@style:name="co27"]/style:table-column-properties/@style:column-width)'));
		// The header row is frozen per table.
		$settings = Samples::xpath($parts['settings.xml'], Odf::NAMESPACES);
		$this->assertSame('1', $settings->evaluate('string(//config:config-item-map-entry[@config:name="Meldungen"]/config:config-item[@config:name="VerticalSplitPosition"])'));
		$this->assertStringContainsString('manifest:full-path="settings.xml"', $parts['META-INF/manifest.xml']);
	}
}
