<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

final class DocxWriterTest extends TestCase {
	private const NS = [
		'w' => 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
		'wp' => 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
		'a' => 'http://schemas.openxmlformats.org/drawingml/2006/main',
		'r' => 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
		'rel' => 'http://schemas.openxmlformats.org/package/2006/relationships',
		'dc' => 'http://purl.org/dc/elements/1.1/',
	];
	private \DOMXPath $body;
	/** @var array<string, string> */
	private array $parts;

	protected function setUp(): void {
		$this->parts = Samples::unzip(Samples::write(new DocxWriter(), Samples::document('de')));
		$this->body = Samples::xpath($this->parts['word/document.xml'], self::NS);
	}

	public function testTitlePageThenHeadingsWithOutlineLevels(): void {
		$this->assertSame('Title', $this->body->evaluate('string(//w:body/w:p[1]/w:pPr/w:pStyle/@w:val)'));
		$this->assertSame('Quartalsbericht', $this->body->evaluate('string(//w:body/w:p[1])'));
		$this->assertSame('Vorläufig', $this->body->evaluate('string(//w:p[w:pPr/w:pStyle/@w:val="Mark"])'));
		$this->assertSame('page', $this->body->evaluate('string(//w:body/w:p[6]//w:br/@w:type)'));
		$this->assertSame('Offene Meldungen & <Risiken>', $this->body->evaluate('string(//w:p[w:pPr/w:pStyle/@w:val="Heading3"])'));
		$styles = Samples::xpath($this->parts['word/styles.xml'], self::NS);
		foreach ([1 => '0', 2 => '1', 3 => '2'] as $level => $outline) {
			$this->assertSame($outline, $styles->evaluate("string(//w:style[@w:styleId='Heading$level']/w:pPr/w:outlineLvl/@w:val)"));
		}
		$this->assertSame('de-DE', $styles->evaluate('string(//w:rPrDefault//w:lang/@w:val)'));
		// A line break in a paragraph is a w:br.
		$this->assertSame(1.0, $this->body->evaluate('count(//w:p[w:pPr/w:pStyle/@w:val="BodyText"]//w:br)'));
	}

	public function testChartIsAnImageWithAltTextFollowedByItsDataTable(): void {
		$this->assertSame('Balken: Anmeldung 3,5, Suche 4,25', $this->body->evaluate('string(//wp:docPr/@descr)'));
		$this->assertSame('Bewertung je Komponente', $this->body->evaluate('string(//wp:docPr/@title)'));
		$id = $this->body->evaluate('string(//a:blip/@r:embed)');
		$rels = Samples::xpath($this->parts['word/_rels/document.xml.rels'], self::NS);
		$target = $rels->evaluate("string(//rel:Relationship[@Id='$id']/@Target)");
		$this->assertSame('media/chart1.png', $target);
		$this->assertSame("\x89PNG", substr($this->parts['word/' . $target], 0, 4));
		$table = '//w:p[.//w:drawing]/following-sibling::w:tbl[1]';
		$this->assertSame('Kategorie', $this->body->evaluate("string($table/w:tr[1]/w:tc[1])"));
		$this->assertSame('4,25', $this->body->evaluate("string($table/w:tr[3]/w:tc[2])"));
		$this->assertSame('TableContentsNumber', $this->body->evaluate("string($table/w:tr[3]/w:tc[2]//w:pStyle/@w:val)"));
	}

	public function testTablesRepeatTheirHeaderRow(): void {
		$table = '(//w:tbl)[last()]';
		$this->assertSame(1.0, $this->body->evaluate("count($table/w:tr[1]/w:trPr/w:tblHeader)"));
		$this->assertSame(0.0, $this->body->evaluate("count($table/w:tr[2]/w:trPr/w:tblHeader)"));
		$this->assertSame('Absturz beim "Speichern"', $this->body->evaluate("string($table/w:tr[2]/w:tc[1])"));
		$this->assertSame('0,13', $this->body->evaluate("string($table/w:tr[2]/w:tc[3])"));
		$this->assertSame(3.0, $this->body->evaluate("count($table/w:tblGrid/w:gridCol)"));
	}

	public function testFooterNumbersThePages(): void {
		$footer = Samples::xpath($this->parts['word/footer1.xml'], self::NS);
		$this->assertSame(' PAGE ', $footer->evaluate('string(//w:fldSimple[1]/@w:instr)'));
		$this->assertSame(' NUMPAGES ', $footer->evaluate('string(//w:fldSimple[2]/@w:instr)'));
		$this->assertSame('rId2', $this->body->evaluate('string(//w:body/w:sectPr/w:footerReference/@r:id)'));
		$rels = Samples::xpath($this->parts['word/_rels/document.xml.rels'], self::NS);
		$this->assertSame('footer1.xml', $rels->evaluate("string(//rel:Relationship[@Id='rId2']/@Target)"));
		$this->assertSame('de', Samples::xpath($this->parts['docProps/core.xml'], self::NS)->evaluate('string(//dc:language)'));
		foreach (['/word/document.xml', '/word/styles.xml', '/word/footer1.xml', '/docProps/core.xml'] as $part) {
			$this->assertStringContainsString('PartName="' . $part . '"', $this->parts['[Content_Types].xml']);
		}
	}

	public function testAWideTableIsInALandscapeSectionWithItsHeadingAndTheFooter(): void {
		$body = Samples::xpath(Samples::unzip(Samples::write(new DocxWriter(), Samples::wideDocument('de')))['word/document.xml'], self::NS);
		// Three sections: portrait up to the heading of the wide table, landscape with it, portrait after.
		$sections = [];
		foreach ($body->query('//w:sectPr') as $section) {
			$sections[] = [
				$body->evaluate('string(w:pgSz/@w:orient)', $section),
				$body->evaluate('string(w:pgSz/@w:w)', $section),
				$body->evaluate('string(w:footerReference/@r:id)', $section),
			];
		}
		$this->assertSame([['', '11906', 'rId2'], ['landscape', '16838', 'rId2'], ['', '11906', 'rId2']], $sections);
		// The first section ends right before the wide table's heading, the second right after the table.
		$this->assertSame('Offene Meldungen', $body->evaluate('string((//w:p[w:pPr/w:sectPr])[1]/following-sibling::w:p[1])'));
		$this->assertSame('Danach', $body->evaluate('string((//w:p[w:pPr/w:sectPr])[2]/following-sibling::w:p[1])'));
		// The wide table spans the landscape text width (25.7 cm), the narrow one the portrait width.
		$this->assertSame('14570', $body->evaluate('string((//w:tbl)[2]/w:tblPr/w:tblW/@w:w)'));
		$this->assertSame('9638', $body->evaluate('string((//w:tbl)[1]/w:tblPr/w:tblW/@w:w)'));
		$this->assertSame('2026-11-03', $body->evaluate('string((//w:tbl)[2]/w:tr[2]/w:tc[8])'));
	}

	public function testTableOfContentsLinksEachHeadingWithAPageReference(): void {
		$entries = [];
		foreach ($this->body->query('//w:p[starts-with(w:pPr/w:pStyle/@w:val, "TOC")][w:hyperlink]') as $p) {
			$anchor = $this->body->evaluate('string(w:hyperlink/@w:anchor)', $p);
			$this->assertSame(" PAGEREF $anchor \\h ", $this->body->evaluate('string(w:hyperlink//w:instrText)', $p));
			$this->assertSame(1.0, $this->body->evaluate("count(//w:bookmarkStart[@w:name='$anchor'])"));
			$entries[] = [$this->body->evaluate('string(w:pPr/w:pStyle/@w:val)', $p), $this->body->evaluate('string(w:hyperlink/w:r[1])', $p)];
		}
		$this->assertSame([['TOC1', 'Methode'], ['TOC2', 'Bewertungen je Komponente'], ['TOC3', 'Offene Meldungen & <Risiken>']], $entries);
		$this->assertSame('Inhalt', $this->body->evaluate('string(//w:p[w:pPr/w:pStyle/@w:val="TOCHeading"])'));
		// Word updates the page numbers when it opens the document.
		$this->assertStringContainsString('<w:updateFields w:val="true"/>', $this->parts['word/settings.xml']);
		$this->assertStringContainsString('PartName="/word/settings.xml"', $this->parts['[Content_Types].xml']);
	}

	public function testTableCellsAreNotHyphenatedAndNumbersAreFormattedPerColumn(): void {
		$styles = Samples::xpath($this->parts['word/styles.xml'], self::NS);
		$this->assertSame(1.0, $styles->evaluate("count(//w:style[@w:styleId='TableContents']/w:pPr/w:suppressAutoHyphens)"));
		$table = '(//w:tbl)[last()]';
		$this->assertSame('TableHeadingNumber', $this->body->evaluate("string($table/w:tr[1]/w:tc[3]//w:pStyle/@w:val)"));
		$this->assertSame('keine Daten', $this->body->evaluate("string($table/w:tr[3]/w:tc[3])"));
		$this->assertSame('TableContentsNumber', $this->body->evaluate("string($table/w:tr[3]/w:tc[3]//w:pStyle/@w:val)"));
	}

	public function testABodyStartingWithAWideTableHasNoEmptyPageBeforeIt(): void {
		$wide = Samples::wideDocument('de');
		$document = new Document($wide->titlePage, 'de', array_slice($wide->blocks, 2));
		$body = Samples::xpath(Samples::unzip(Samples::write(new DocxWriter(), $document))['word/document.xml'], self::NS);
		// The contents end the first section; no page break comes between them and the landscape section.
		$this->assertSame(1.0, $body->evaluate('count(//w:p[w:hyperlink][last()]/following-sibling::w:p[1]/w:pPr/w:sectPr)'));
		$this->assertSame(1.0, $body->evaluate('count(//w:br[@w:type="page"])'), 'only the title page ends with a page break');
	}
}
