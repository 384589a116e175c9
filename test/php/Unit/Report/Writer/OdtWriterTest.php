<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

final class OdtWriterTest extends TestCase {
	private \DOMXPath $content;
	/** @var array<string, string> */
	private array $parts;

	protected function setUp(): void {
		$bytes = Samples::write(new OdtWriter(), Samples::document('de'));
		$this->assertSame('application/vnd.oasis.opendocument.text', substr($bytes, 38, 39));
		$this->parts = Samples::unzip($bytes);
		$this->content = Samples::xpath($this->parts['content.xml'], Odf::NAMESPACES);
	}

	public function testTitlePageComesFirstAndEndsWithAPageBreak(): void {
		$paragraphs = $this->content->query('//office:text/*');
		$this->assertSame('Quartalsbericht', $paragraphs->item(0)?->textContent);
		$this->assertSame('Pilot Nord · Q4 2026', $paragraphs->item(1)?->textContent);
		$this->assertSame('Vorläufig', $paragraphs->item(2)?->textContent);
		$this->assertSame('PageBreak', $this->content->evaluate('string(//office:text/*[6]/@text:style-name)'));
		$this->assertStringContainsString('fo:break-before="page"', $this->parts['content.xml']);
	}

	public function testHeadingsCarryTheirOutlineLevel(): void {
		$headings = [];
		foreach ($this->content->query('//text:h') as $h) {
			\assert($h instanceof \DOMElement);
			$headings[] = [$h->getAttributeNS(Odf::NAMESPACES['text'], 'outline-level'), $h->textContent];
		}
		$this->assertSame([['1', 'Methode'], ['2', 'Bewertungen je Komponente'], ['3', 'Offene Meldungen & <Risiken>']], $headings);
		$this->assertStringContainsString('style:default-outline-level="2"', $this->parts['styles.xml']);
	}

	public function testChartIsAnImageWithAltTextFollowedByItsDataTable(): void {
		$frame = '//draw:frame[1]';
		$this->assertSame('Bewertung je Komponente', $this->content->evaluate("string($frame/svg:title)"));
		$this->assertSame('Balken: Anmeldung 3,5, Suche 4,25', $this->content->evaluate("string($frame/svg:desc)"));
		$picture = $this->content->evaluate("string($frame/draw:image/@xlink:href)");
		$this->assertSame('Pictures/chart1.png', $picture);
		$this->assertSame("\x89PNG", substr($this->parts[$picture], 0, 4));
		$this->assertStringContainsString('manifest:full-path="Pictures/chart1.png" manifest:media-type="image/png"', $this->parts['META-INF/manifest.xml']);
		// Right after the picture: the caption and the data table, numbers with a German decimal comma.
		$table = '//text:p[draw:frame]/following-sibling::table:table[1]';
		$this->assertSame('Kategorie', $this->content->evaluate("string($table/table:table-header-rows//table:table-cell[1])"));
		$this->assertSame('4,25', $this->content->evaluate("string($table/table:table-row[2]/table:table-cell[2])"));
		$this->assertSame('4.25', $this->content->evaluate("string($table/table:table-row[2]/table:table-cell[2]/@office:value)"));
		$this->assertSame('', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[3])"));
	}

	public function testTablesRepeatTheirHeaderRowAndKeepNumbers(): void {
		$table = '//table:table[last()]';
		$this->assertSame('Titel', $this->content->evaluate("string($table/table:table-header-rows/table:table-row/table:table-cell[1])"));
		$this->assertSame('Absturz beim "Speichern"', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[1])"));
		$this->assertSame('float', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[2]/@office:value-type)"));
		$this->assertSame('0,13', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[3])"));
		$this->assertSame(3.0, $this->content->evaluate("count($table/table:table-column)"));
		$this->assertSame('Tabelle 1', $this->content->evaluate("string($table/preceding-sibling::text:p[1])"));
	}

	public function testFooterNumbersThePagesAndMetadataNamesTheLanguage(): void {
		$styles = Samples::xpath($this->parts['styles.xml'], Odf::NAMESPACES);
		$this->assertSame(1.0, $styles->evaluate('count(//style:footer//text:page-number)'));
		$this->assertSame(1.0, $styles->evaluate('count(//style:footer//text:page-count)'));
		$this->assertStringStartsWith('Seite', $styles->evaluate('string(//style:footer/text:p)'));
		$meta = Samples::xpath($this->parts['meta.xml'], Odf::NAMESPACES);
		$this->assertSame('de', $meta->evaluate('string(//dc:language)'));
		$this->assertSame('Quartalsbericht', $meta->evaluate('string(//dc:title)'));
	}

	public function testEnglishDocumentsUseADecimalPoint(): void {
		$content = Samples::xpath(Samples::unzip(Samples::write(new OdtWriter(), Samples::document('en')))['content.xml'], Odf::NAMESPACES);
		$this->assertSame('Category', $content->evaluate('string(//text:p[draw:frame]/following-sibling::table:table[1]/table:table-header-rows//table:table-cell[1])'));
		$this->assertSame('0.13', $content->evaluate('string(//table:table[last()]/table:table-row[1]/table:table-cell[3])'));
	}
}
