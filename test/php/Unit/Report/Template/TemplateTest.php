<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Template;

use OCA\PilotFeedback\Report\Template\DocxTemplate;
use OCA\PilotFeedback\Report\Template\OdtTemplate;
use OCA\PilotFeedback\Report\Template\Package;
use OCA\PilotFeedback\Report\Template\TemplateException;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\TestCase;

/**
 * The letterhead templates in test/fixtures/templates were made by LibreOffice from
 * letterhead.fodt: a header with a logo and "Bundesministerium des Innern", a footer with an
 * address and no page number.
 */
final class TemplateTest extends TestCase {
	private const FIXTURES = __DIR__ . '/../../../../fixtures/templates/';

	public function testOdtReportTakesTheTemplatesHeaderLogoAndFooterAndKeepsItsPageNumbers(): void {
		$report = Package::fromBytes(Samples::write(new OdtWriter(), Samples::document('de')));
		$merged = Package::fromBytes(OdtTemplate::apply($report, $this->fixture('letterhead.odt'))->toBytes());

		$styles = $merged->get('styles.xml');
		$this->assertStringContainsString('Bundesministerium des Innern', $styles);
		$this->assertStringContainsString('Alt-Moabit 140', $styles);
		$this->assertStringContainsString('<text:page-count', $styles, 'the template footer has no page number, so the report adds its own');
		$this->assertStringContainsString('DejaVu Serif', $styles);
		// The template's Heading 1 wins; the report's table styles, which the template lacks, stay.
		$this->assertStringContainsStringIgnoringCase('fo:color="#00468C"', $styles);
		$this->assertStringContainsString('style:name="Table_20_Contents"', $styles);

		preg_match('#xlink:href="(Pictures/template-[^"]+)"#', $styles, $logo);
		$this->assertNotEmpty($logo, 'the logo is referenced under its copied name');
		$this->assertSame("\x89PNG", substr($merged->get($logo[1]), 0, 4));
		$this->assertStringContainsString('manifest:full-path="' . $logo[1] . '"', $merged->get('META-INF/manifest.xml'));
		$this->assertSame('mimetype', array_key_first($merged->parts), 'an ODF package starts with its mimetype');
		$this->assertSame($report->get('content.xml'), $merged->get('content.xml'), 'the content is untouched');
	}

	public function testDocxReportTakesTheTemplatesHeaderWithItsLogoAndFooter(): void {
		$report = Package::fromBytes(Samples::write(new DocxWriter(), Samples::document('en')));
		$merged = Package::fromBytes(DocxTemplate::apply($report, $this->fixture('letterhead.docx'))->toBytes());

		$document = $merged->get('word/document.xml');
		$relations = $merged->get('word/_rels/document.xml.rels');
		$this->assertMatchesRegularExpression('#<w:headerReference w:type="default" r:id="rIdTpl\d"/>#', $document);
		$this->assertMatchesRegularExpression('#<w:footerReference w:type="default" r:id="rIdTpl\d"/>#', $document);
		$this->assertStringNotContainsString('r:id="rId2"', $document, 'the built-in footer gave way to the template\'s');
		preg_match('#Id="(rIdTpl\d)"[^>]*Target="(template-header\d\.xml)"#', $relations, $header);
		$this->assertNotEmpty($header);
		$this->assertStringContainsString('Bundesministerium des Innern', $merged->get('word/' . $header[2]));
		$headerRelations = $merged->get('word/_rels/' . $header[2] . '.rels');
		preg_match('#Target="(media/template-[^"]+)"#', $headerRelations, $logo);
		$this->assertNotEmpty($logo, 'the header\'s logo is copied with it');
		$this->assertSame("\x89PNG", substr($merged->get('word/' . $logo[1]), 0, 4));
		$this->assertStringContainsString('PartName="/word/' . $header[2] . '"', $merged->get('[Content_Types].xml'));

		$footers = array_filter(array_keys($merged->parts), static fn (string $p): bool => str_starts_with($p, 'word/template-footer'));
		$footer = $merged->get((string)reset($footers));
		$this->assertStringContainsString('Alt-Moabit 140', $footer);
		$this->assertStringContainsString('PAGE', $footer, 'the report\'s page numbers join the template footer, which had none');
	}

	public function testAFileThatIsNoDocumentIsRefusedWithAReason(): void {
		$this->expectException(TemplateException::class);
		$this->expectExceptionMessage('no zip package');
		Package::fromBytes('%PDF-1.7 not a template');
	}

	public function testAnOdsIsNoOdtTemplate(): void {
		$spreadsheet = Package::fromBytes(Samples::write(new OdtWriter(), Samples::document('en')));
		$spreadsheet->parts['mimetype'] = 'application/vnd.oasis.opendocument.spreadsheet';
		$this->expectException(TemplateException::class);
		$this->expectExceptionMessage('no OpenDocument text');
		OdtTemplate::check($spreadsheet);
	}

	public function testAnOdtIsNoDocxTemplate(): void {
		$this->expectException(TemplateException::class);
		$this->expectExceptionMessage('no Word document');
		DocxTemplate::check($this->fixture('letterhead.odt'));
	}

	private function fixture(string $name): Package {
		return Package::fromBytes((string)file_get_contents(self::FIXTURES . $name));
	}
}
