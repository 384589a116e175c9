<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Chart\PngChartRenderer;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\PageBreak;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Report\Writer\Support\PagePlan;
use OCA\PilotFeedback\Report\Writer\Support\TableLayout;
use OCA\PilotFeedback\Report\Writer\Support\Text;
use OCA\PilotFeedback\Report\Writer\Support\Words;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use XMLWriter;

/**
 * OpenDocument text (.odt): a title page, a table of contents, headings with outline levels
 * (LibreOffice's navigator and a PDF's bookmarks show them), paragraphs, tables whose header row
 * repeats on each page, page breaks, "Page n of m" in the footer, and charts as PNG images with
 * title and alt text (svg:title, svg:desc) followed by their data table. A table too wide for a
 * portrait page is on a landscape page (master page "Landscape", with the same footer).
 * content.xml is written to a temporary file as it grows.
 *
 * The table of contents is filled when written: its page numbers are bookmark references that
 * LibreOffice computes when it lays out the document (so also when converting to PDF); updating
 * the index replaces them with LibreOffice's own entries.
 */
final class OdtWriter implements DocumentWriter {
	private const MIME = 'application/vnd.oasis.opendocument.text';
	private const FLUSH_ROWS = 500;
	/** Text width of an A4 page with 2 cm margins, in cm. */
	private const TEXT_WIDTH = TableLayout::PORTRAIT_CM;
	/** Paragraph styles that may start a page of the other orientation. */
	private const SWITCHING = ['Heading_20_1', 'Heading_20_2', 'Heading_20_3', 'Text_20_body', 'Table_20_caption', 'Figure', 'Standard'];

	/** Tables written so far into the current document, for their names. */
	private int $tables = 0;
	/** The master page the next paragraph switches to, if any. */
	private ?string $switchTo = null;

	public function __construct(
		private PngChartRenderer $charts = new PngChartRenderer(),
	) {
	}

	public function format(): string {
		return 'odt';
	}

	public function mimeType(): string {
		return self::MIME;
	}

	public function write(Document $document, $stream): void {
		$zip = new ZipPackage();
		try {
			Odf::start($zip, self::MIME);
			$content = $zip->newPartFile();
			$pictures = $this->writeContent($document, $content, $zip);
			$zip->addFile('content.xml', $content);
			$zip->addString('styles.xml', $this->styles($document->language));
			Odf::finish($zip, self::MIME, $document->titlePage->title, $document->language, $pictures);
			$zip->writeTo($stream);
		} catch (\Throwable $e) {
			$zip->discard();
			throw $e;
		}
	}

	/**
	 * @return array<string, string> the pictures added to the package (path => media type)
	 */
	private function writeContent(Document $document, string $path, ZipPackage $zip): array {
		$this->tables = 0;
		$this->switchTo = null;
		$plan = PagePlan::of($document);
		$xml = new XMLWriter();
		$xml->openUri($path);
		$xml->startDocument('1.0', 'UTF-8');
		$xml->writeRaw('<office:document-content' . Odf::xmlns() . '>' . $this->automaticStyles() . '<office:body><office:text>');
		$this->titlePage($xml, $document->titlePage);
		$this->contents($xml, $plan, $document->language);
		$pictures = [];
		$landscape = false;
		foreach ($document->blocks as $i => $block) {
			if ($plan->landscape[$i] !== $landscape) {
				$landscape = $plan->landscape[$i];
				$this->switchTo = $landscape ? 'Landscape' : 'Standard';
			} elseif ($i === 0 && $plan->headings !== []) {
				// The body starts on the page after the contents.
				$xml->writeRaw('<text:p text:style-name="PageBreak"/>');
			}
			if ($block instanceof Heading) {
				$level = max(1, min(3, $block->level));
				$xml->writeRaw('<text:h text:style-name="' . $this->style('Heading_20_' . $level) . '" text:outline-level="' . $level . '">'
					. '<text:bookmark text:name="' . PagePlan::bookmark($i) . '"/>' . Odf::attr($block->text) . '</text:h>');
			} elseif ($block instanceof Paragraph) {
				$this->paragraph($xml, 'Text_20_body', $block->text);
			} elseif ($block instanceof Table) {
				$this->table($xml, $block, $plan->layouts[$i]);
			} elseif ($block instanceof Chart) {
				$name = 'Pictures/chart' . (count($pictures) + 1) . '.png';
				$zip->addString($name, $this->charts->render($block, $document->language));
				$pictures[$name] = 'image/png';
				$this->chart($xml, $block, $name, count($pictures));
				$this->table($xml, $plan->tables[$i], $plan->layouts[$i]);
			} elseif ($block instanceof PageBreak) {
				// Changing the page's orientation starts a new page by itself.
				$xml->writeRaw('<text:p text:style-name="' . ($this->switchTo === null ? 'PageBreak' : $this->style('Standard')) . '"/>');
			}
			$xml->flush();
		}
		$xml->writeRaw('</office:text></office:body></office:document-content>');
		$xml->flush();
		return $pictures;
	}

	private function titlePage(XMLWriter $xml, TitlePage $page): void {
		$this->paragraph($xml, 'Title', $page->title);
		if ($page->subtitle !== '') {
			$this->paragraph($xml, 'Subtitle', $page->subtitle);
		}
		if ($page->mark !== null && $page->mark !== '') {
			$this->paragraph($xml, 'Mark', $page->mark);
		}
		foreach ($page->lines as $line) {
			$this->paragraph($xml, 'Title_20_line', $line);
		}
		// The body starts on the next page.
		$xml->writeRaw('<text:p text:style-name="PageBreak"/>');
	}

	/**
	 * The table of contents: headings of level 1 to 3 with the page they are on, on a page of its
	 * own after the title page.
	 */
	private function contents(XMLWriter $xml, PagePlan $plan, string $language): void {
		if ($plan->headings === []) {
			return;
		}
		$title = Odf::attr(Words::get('Contents', $language));
		$xml->writeRaw('<text:table-of-content text:style-name="Contents" text:name="Contents" text:protected="true">'
			. '<text:table-of-content-source text:outline-level="3" text:use-index-marks="false">'
			. '<text:index-title-template text:style-name="Contents_20_Heading">' . $title . '</text:index-title-template>');
		for ($level = 1; $level <= 3; $level++) {
			$xml->writeRaw('<text:table-of-content-entry-template text:outline-level="' . $level . '" text:style-name="Contents_20_' . $level . '">'
				. '<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
				. '<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>');
		}
		$xml->writeRaw('</text:table-of-content-source><text:index-body>'
			. '<text:index-title text:name="Contents_Head"><text:p text:style-name="Contents_20_Heading">' . $title . '</text:p></text:index-title>');
		foreach ($plan->headings as [$block, $level, $text]) {
			$bookmark = PagePlan::bookmark($block);
			$xml->writeRaw('<text:p text:style-name="Contents_20_' . $level . '">'
				. '<text:a xlink:type="simple" xlink:href="#' . $bookmark . '" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link">' . Odf::attr($text) . '</text:a><text:tab/>'
				. '<text:bookmark-ref text:reference-format="page" text:ref-name="' . $bookmark . '">1</text:bookmark-ref></text:p>');
		}
		$xml->writeRaw('</text:index-body></text:table-of-content>');
	}

	/** A paragraph; line breaks in the text become text:line-break. */
	private function paragraph(XMLWriter $xml, string $style, string $text): void {
		$xml->writeRaw('<text:p text:style-name="' . $this->style($style) . '">' . self::lines($text) . '</text:p>');
	}

	/** The style for the next paragraph: its variant that changes the page's orientation, once, when due. */
	private function style(string $style): string {
		if ($this->switchTo === null || !in_array($style, self::SWITCHING, true)) {
			return $style;
		}
		$variant = $style . '_' . $this->switchTo;
		$this->switchTo = null;
		return $variant;
	}

	private static function lines(string $text): string {
		return implode('<text:line-break/>', array_map(Odf::attr(...), preg_split('/\r\n|\r|\n/', $text) ?: ['']));
	}

	private function table(XMLWriter $xml, Table $table, TableLayout $layout): void {
		$this->tables++;
		if ($table->caption !== '') {
			$this->paragraph($xml, 'Table_20_caption', $table->caption);
		} elseif ($this->switchTo !== null) {
			$xml->writeRaw('<text:p text:style-name="' . $this->style('Standard') . '"/>');
		}
		if ($table->header === [] && $table->rows === []) {
			// A table without rows is not valid in either format; the caption says what it is.
			return;
		}
		$xml->writeRaw('<table:table table:name="Table' . $this->tables . '" table:style-name="' . ($layout->landscape ? 'TableLandscape' : 'Table') . '">');
		foreach (self::millimetres($layout->widths) as $mm) {
			$xml->writeRaw('<table:table-column table:style-name="W' . $mm . '"/>');
		}
		if ($table->header !== []) {
			$xml->writeRaw('<table:table-header-rows>');
			$this->row($xml, $table->header, $layout, true);
			$xml->writeRaw('</table:table-header-rows>');
		}
		foreach ($table->rows as $i => $row) {
			$this->row($xml, $row, $layout, false);
			if ($i % self::FLUSH_ROWS === 0) {
				$xml->flush();
			}
		}
		$xml->writeRaw('</table:table>');
	}

	/**
	 * Widths in whole millimetres that add up to the rounded total.
	 *
	 * @param list<float> $widths in cm
	 * @return list<int>
	 */
	private static function millimetres(array $widths): array {
		$result = [];
		$done = 0.0;
		$rounded = 0;
		foreach ($widths as $width) {
			$done += $width * 10;
			$mm = max(1, (int)round($done) - $rounded);
			$result[] = $mm;
			$rounded += $mm;
		}
		return $result;
	}

	/** @param list<string|int|float|null> $cells */
	private function row(XMLWriter $xml, array $cells, TableLayout $layout, bool $header): void {
		$xml->writeRaw('<table:table-row>');
		$cellStyle = $header ? 'HeadCell' : 'Cell';
		$style = $header ? 'Table_20_Heading' : 'Table_20_Contents';
		for ($i = 0; $i < $layout->columns; $i++) {
			$cell = $cells[$i] ?? null;
			$text = self::lines($header ? $layout->header(is_string($cell) ? $cell : null) : $layout->cell($cell, $i));
			$paragraph = $style . ($layout->isNumeric($i) ? '_20_number' : '');
			if (!$header && Text::isNumber($cell)) {
				$xml->writeRaw('<table:table-cell table:style-name="' . $cellStyle . '" office:value-type="float" office:value="' . Text::machineNumber($cell) . '">'
					. '<text:p text:style-name="' . $paragraph . '">' . $text . '</text:p></table:table-cell>');
			} else {
				$xml->writeRaw('<table:table-cell table:style-name="' . $cellStyle . '" office:value-type="string"><text:p text:style-name="' . $paragraph . '">' . $text . '</text:p></table:table-cell>');
			}
		}
		$xml->writeRaw('</table:table-row>');
	}

	private function chart(XMLWriter $xml, Chart $chart, string $picture, int $number): void {
		$height = self::TEXT_WIDTH * PngChartRenderer::HEIGHT / PngChartRenderer::WIDTH;
		$xml->writeRaw('<text:p text:style-name="Figure">'
			. '<draw:frame draw:style-name="Chart" draw:name="Chart ' . $number . '" text:anchor-type="as-char"'
			. ' svg:width="' . self::TEXT_WIDTH . 'cm" svg:height="' . round($height, 3) . 'cm" draw:z-index="0">'
			. '<draw:image xlink:href="' . $picture . '" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"/>'
			. '<svg:title>' . Odf::attr($chart->title) . '</svg:title>'
			. '<svg:desc>' . Odf::attr($chart->altText) . '</svg:desc>'
			. '</draw:frame></text:p>');
	}

	private function automaticStyles(): string {
		// Column widths in millimetres: W1 … W257 (content.xml is written in one pass, so the
		// styles a table needs cannot be added after the table).
		$styles = '';
		for ($mm = 1; $mm <= (int)round(TableLayout::LANDSCAPE_CM * 10); $mm++) {
			$styles .= '<style:style style:name="W' . $mm . '" style:family="table-column"><style:table-column-properties style:column-width="' . ($mm / 10) . 'cm"/></style:style>';
		}
		// A paragraph of a *_Landscape or *_Standard style starts a page of that master page.
		foreach (self::SWITCHING as $parent) {
			foreach (['Landscape', 'Standard'] as $master) {
				$styles .= '<style:style style:name="' . $parent . '_' . $master . '" style:family="paragraph" style:parent-style-name="' . $parent . '" style:master-page-name="' . $master . '"/>';
			}
		}
		$table = static fn (string $name, float $width): string => '<style:style style:name="' . $name . '" style:family="table"><style:table-properties style:width="' . $width . 'cm" table:align="margins" table:border-model="collapsing" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>';
		return '<office:automatic-styles>' . $styles
			. '<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>'
			. $table('Table', TableLayout::PORTRAIT_CM) . $table('TableLandscape', TableLayout::LANDSCAPE_CM)
			. '<style:style style:name="Contents" style:family="section"><style:section-properties style:editable="false"/></style:style>'
			. '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.04cm" fo:padding-bottom="0.04cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border="0.5pt solid #808080"/></style:style>'
			. '<style:style style:name="HeadCell" style:family="table-cell" style:parent-style-name="Cell"><style:table-cell-properties fo:background-color="#E8E8E8" fo:padding-top="0.04cm" fo:padding-bottom="0.04cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border="0.5pt solid #808080"/></style:style>'
			. '<style:style style:name="Chart" style:family="graphic" style:parent-style-name="Graphics"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>'
			. '</office:automatic-styles>';
	}

	private function styles(string $language): string {
		[$lang, $country] = $language === 'de' ? ['de', 'DE'] : ['en', 'GB'];
		$paragraph = static fn (string $name, string $display, string $parent, string $props, string $text = '', string $extra = ''): string =>
			'<style:style style:name="' . $name . '" style:display-name="' . $display . '" style:family="paragraph" style:parent-style-name="' . $parent . '"' . $extra . '>'
			. ($props === '' ? '' : '<style:paragraph-properties ' . $props . '/>')
			. ($text === '' ? '' : '<style:text-properties ' . $text . '/>')
			. '</style:style>';
		$bold = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"';
		$contents = static fn (int $level, float $indent): string => '<style:style style:name="Contents_20_' . $level . '" style:display-name="Contents ' . $level . '" style:family="paragraph" style:parent-style-name="Standard" style:class="index">'
			. '<style:paragraph-properties fo:margin-left="' . $indent . 'cm" fo:margin-bottom="0.12cm"><style:tab-stops>'
			. '<style:tab-stop style:position="' . (self::TEXT_WIDTH - $indent) . 'cm" style:type="right" style:leader-style="dotted" style:leader-text="."/>'
			. '</style:tab-stops></style:paragraph-properties>' . ($level === 1 ? '<style:text-properties ' . $bold . '/>' : '') . '</style:style>';
		$layout = static fn (string $name, string $width, string $height, string $orientation): string => '<style:page-layout style:name="' . $name . '">'
			. '<style:page-layout-properties fo:page-width="' . $width . '" fo:page-height="' . $height . '" style:print-orientation="' . $orientation . '" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
			. '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>'
			. '</style:page-layout>';
		$master = static fn (string $name, string $layout): string => '<style:master-page style:name="' . $name . '" style:page-layout-name="' . $layout . '"><style:footer>'
			. '<text:p text:style-name="Footer">' . Words::get('Page', $language) . ' <text:page-number text:select-page="current">1</text:page-number> '
			. Words::get('of', $language) . ' <text:page-count>1</text:page-count></text:p>'
			. '</style:footer></style:master-page>';
		return '<?xml version="1.0" encoding="UTF-8"?><office:document-styles' . Odf::xmlns() . '>'
			. '<office:font-face-decls><style:font-face style:name="Noto Sans" svg:font-family="\'Noto Sans\'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
			. '<office:styles>'
			. '<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/>'
			. '<style:text-properties style:font-name="Noto Sans" fo:font-size="10.5pt" fo:language="' . $lang . '" fo:country="' . $country . '"/></style:default-style>'
			. '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
			. $paragraph('Text_20_body', 'Text body', 'Standard', 'fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="120%"')
			. $paragraph('Heading', 'Heading', 'Standard', 'fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"', $bold, ' style:next-style-name="Text_20_body"')
			. $paragraph('Heading_20_1', 'Heading 1', 'Heading', '', 'fo:font-size="17pt" ' . $bold, ' style:default-outline-level="1"')
			. $paragraph('Heading_20_2', 'Heading 2', 'Heading', '', 'fo:font-size="14pt" ' . $bold, ' style:default-outline-level="2"')
			. $paragraph('Heading_20_3', 'Heading 3', 'Heading', '', 'fo:font-size="12pt" ' . $bold, ' style:default-outline-level="3"')
			. $paragraph('Title', 'Title', 'Standard', 'fo:margin-top="6cm" fo:margin-bottom="0.4cm"', 'fo:font-size="26pt" ' . $bold)
			. $paragraph('Subtitle', 'Subtitle', 'Standard', 'fo:margin-bottom="1.2cm"', 'fo:font-size="16pt" fo:color="#444444"')
			. $paragraph('Mark', 'Mark', 'Standard', 'fo:margin-bottom="0.8cm" fo:padding="0.15cm" fo:border="1.5pt solid #B3261E"', 'fo:font-size="14pt" fo:color="#B3261E" ' . $bold)
			. $paragraph('Title_20_line', 'Title line', 'Standard', 'fo:margin-bottom="0.15cm"', 'fo:font-size="11pt"')
			. $paragraph('Table_20_Contents', 'Table Contents', 'Standard', '', 'fo:font-size="9.5pt" fo:hyphenate="false"')
			. $paragraph('Table_20_Contents_20_number', 'Table Contents number', 'Table_20_Contents', 'fo:text-align="end"')
			. $paragraph('Table_20_Heading', 'Table Heading', 'Table_20_Contents', '', $bold)
			. $paragraph('Table_20_Heading_20_number', 'Table Heading number', 'Table_20_Heading', 'fo:text-align="end"')
			. $paragraph('Table_20_caption', 'Table caption', 'Standard', 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"', 'fo:font-style="italic"')
			. $paragraph('Figure', 'Figure', 'Standard', 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"')
			. $paragraph('Contents_20_Heading', 'Contents Heading', 'Standard', 'fo:margin-top="0.42cm" fo:margin-bottom="0.42cm"', 'fo:font-size="17pt" ' . $bold)
			. $contents(1, 0.0) . $contents(2, 0.5) . $contents(3, 1.0)
			. $paragraph('Footer', 'Footer', 'Standard', 'fo:text-align="center"', 'fo:font-size="9pt" fo:color="#444444"')
			. '<style:style style:name="Index_20_Link" style:display-name="Index Link" style:family="text"/>'
			. '<style:style style:name="Graphics" style:family="graphic"/>'
			. '</office:styles>'
			. '<office:automatic-styles>' . $layout('A4', '21cm', '29.7cm', 'portrait') . $layout('A4Landscape', '29.7cm', '21cm', 'landscape') . '</office:automatic-styles>'
			. '<office:master-styles>' . $master('Standard', 'A4') . $master('Landscape', 'A4Landscape') . '</office:master-styles>'
			. '</office:document-styles>';
	}
}
