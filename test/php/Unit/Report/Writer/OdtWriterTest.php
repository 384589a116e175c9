<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Document;
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
		// No value is said in words, in the document's language.
		$this->assertSame('keine Daten', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[3])"));
		$this->assertSame('string', $this->content->evaluate("string($table/table:table-row[1]/table:table-cell[3]/@office:value-type)"));
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
		// Portrait and landscape pages both carry the footer.
		foreach (['Standard', 'Landscape'] as $master) {
			$footer = "//style:master-page[@style:name='$master']/style:footer";
			$this->assertSame(1.0, $styles->evaluate("count($footer//text:page-number)"), $master);
			$this->assertSame(1.0, $styles->evaluate("count($footer//text:page-count)"), $master);
			$this->assertStringStartsWith('Seite', $styles->evaluate("string($footer/text:p)"));
		}
		$meta = Samples::xpath($this->parts['meta.xml'], Odf::NAMESPACES);
		$this->assertSame('de', $meta->evaluate('string(//dc:language)'));
		$this->assertSame('Quartalsbericht', $meta->evaluate('string(//dc:title)'));
	}

	public function testEnglishDocumentsUseADecimalPoint(): void {
		$content = Samples::xpath(Samples::unzip(Samples::write(new OdtWriter(), Samples::document('en')))['content.xml'], Odf::NAMESPACES);
		$this->assertSame('Category', $content->evaluate('string(//text:p[draw:frame]/following-sibling::table:table[1]/table:table-header-rows//table:table-cell[1])'));
		$this->assertSame('0.13', $content->evaluate('string(//table:table[last()]/table:table-row[1]/table:table-cell[3])'));
	}

	public function testAWideTableIsOnALandscapePageWithItsHeadingAndThePageAfterIsPortrait(): void {
		$content = Samples::xpath(Samples::unzip(Samples::write(new OdtWriter(), Samples::wideDocument('de')))['content.xml'], Odf::NAMESPACES);
		// The heading leads to the wide table, so it starts the landscape page; the page after is portrait again.
		$this->assertSame('Heading_20_2_Landscape', $content->evaluate("string(//text:h[.='Offene Meldungen']/@text:style-name)"));
		$this->assertSame('TableLandscape', $content->evaluate('string(//table:table[2]/@table:style-name)'));
		$this->assertSame('Heading_20_2_Standard', $content->evaluate("string(//text:h[.='Danach']/@text:style-name)"));
		$this->assertSame('Table', $content->evaluate('string(//table:table[1]/@table:style-name)'));
		$this->assertSame('Heading_20_2', $content->evaluate("string(//text:h[.='Schmal']/@text:style-name)"));
		$this->assertSame(1.0, $content->evaluate("count(//style:style[@style:name='Heading_20_2_Landscape'][@style:master-page-name='Landscape'])"));
		$this->assertSame(1.0, $content->evaluate("count(//style:style[@style:name='Heading_20_2_Standard'][@style:master-page-name='Standard'])"));
		// Its columns add up to the landscape text width (25.7 cm).
		$widths = [];
		foreach ($content->query('//table:table[2]/table:table-column/@table:style-name') as $name) {
			$widths[] = (float)$content->evaluate("string(//style:style[@style:name='{$name->nodeValue}']/style:table-column-properties/@style:column-width)");
		}
		$this->assertEqualsWithDelta(25.7, array_sum($widths), 0.01);
		$parts = Samples::unzip(Samples::write(new OdtWriter(), Samples::wideDocument('de')));
		$styles = Samples::xpath($parts['styles.xml'], Odf::NAMESPACES);
		$this->assertSame('A4Landscape', $styles->evaluate("string(//style:master-page[@style:name='Landscape']/@style:page-layout-name)"));
		$this->assertSame('29.7cm', $styles->evaluate("string(//style:page-layout[@style:name='A4Landscape']/style:page-layout-properties/@fo:page-width)"));
		$this->assertSame('landscape', $styles->evaluate("string(//style:page-layout[@style:name='A4Landscape']/style:page-layout-properties/@style:print-orientation)"));
	}

	public function testTableCellsAreNotHyphenatedAndNumberColumnsAlignRight(): void {
		$styles = Samples::xpath($this->parts['styles.xml'], Odf::NAMESPACES);
		$this->assertSame('false', $styles->evaluate("string(//style:style[@style:name='Table_20_Contents']/style:text-properties/@fo:hyphenate)"));
		$table = '//table:table[last()]';
		// The header of a number column aligns with its numbers.
		$this->assertSame('Table_20_Heading_20_number', $this->content->evaluate("string($table/table:table-header-rows//table:table-cell[2]/text:p/@text:style-name)"));
		$this->assertSame('Table_20_Contents_20_number', $this->content->evaluate("string($table/table:table-row[2]/table:table-cell[3]/text:p/@text:style-name)"));
	}

	public function testTableOfContentsListsTheHeadingsWithTheirPage(): void {
		$toc = '//text:table-of-content';
		$this->assertSame('Inhalt', $this->content->evaluate("string($toc//text:index-title)"));
		$this->assertSame('3', $this->content->evaluate("string($toc/text:table-of-content-source/@text:outline-level)"));
		$entries = [];
		foreach ($this->content->query("$toc/text:index-body/text:p") as $p) {
			\assert($p instanceof \DOMElement);
			$ref = $this->content->evaluate('string(text:bookmark-ref/@text:ref-name)', $p);
			// Each page number refers to a bookmark in its heading, computed when LibreOffice lays out the pages.
			$this->assertSame(1.0, $this->content->evaluate("count(//text:h/text:bookmark[@text:name='$ref'])"));
			$this->assertSame('page', $this->content->evaluate('string(text:bookmark-ref/@text:reference-format)', $p));
			$entries[] = [$p->getAttributeNS(Odf::NAMESPACES['text'], 'style-name'), $this->content->evaluate('string(text:a)', $p)];
		}
		$this->assertSame([['Contents_20_1', 'Methode'], ['Contents_20_2', 'Bewertungen je Komponente'], ['Contents_20_3', 'Offene Meldungen & <Risiken>']], $entries);
		// It sits between the title page and the body, on a page of its own.
		$this->assertSame('PageBreak', $this->content->evaluate("string($toc/following-sibling::*[1]/@text:style-name)"));
	}

	public function testABodyStartingWithAWideTableHasNoEmptyPageBeforeIt(): void {
		$wide = Samples::wideDocument('de');
		$document = new Document($wide->titlePage, 'de', array_slice($wide->blocks, 2));
		$content = Samples::xpath(Samples::unzip(Samples::write(new OdtWriter(), $document))['content.xml'], Odf::NAMESPACES);
		// Right after the contents the landscape page starts, with no page break of its own.
		$this->assertSame('Heading_20_2_Landscape', $content->evaluate('string(//text:table-of-content/following-sibling::*[1]/@text:style-name)'));
	}
}
