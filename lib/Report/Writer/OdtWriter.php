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
use OCA\PilotFeedback\Report\Writer\Support\ChartTable;
use OCA\PilotFeedback\Report\Writer\Support\ColumnWidths;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Report\Writer\Support\Text;
use OCA\PilotFeedback\Report\Writer\Support\Words;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use XMLWriter;

/**
 * OpenDocument text (.odt): a title page, headings with outline levels (LibreOffice's navigator
 * and a PDF's bookmarks show them), paragraphs, tables whose header row repeats on each page,
 * page breaks, "Page n of m" in the footer, and charts as PNG images with title and alt text
 * (svg:title, svg:desc) followed by their data table. content.xml is written to a temporary
 * file as it grows.
 */
final class OdtWriter implements DocumentWriter {
	private const MIME = 'application/vnd.oasis.opendocument.text';
	private const FLUSH_ROWS = 500;
	/** Text width of an A4 page with 2 cm margins, in cm. */
	private const TEXT_WIDTH = 17.0;
	private const COLUMN_STEP = 0.5;

	/** Tables written so far into the current document, for their names. */
	private int $tables = 0;

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
		$xml = new XMLWriter();
		$xml->openUri($path);
		$xml->startDocument('1.0', 'UTF-8');
		$xml->writeRaw('<office:document-content' . Odf::xmlns() . '>' . $this->automaticStyles() . '<office:body><office:text>');
		$this->titlePage($xml, $document->titlePage);
		$pictures = [];
		foreach ($document->blocks as $block) {
			if ($block instanceof Heading) {
				$level = max(1, min(3, $block->level));
				$xml->writeRaw('<text:h text:style-name="Heading_20_' . $level . '" text:outline-level="' . $level . '">' . Odf::attr($block->text) . '</text:h>');
			} elseif ($block instanceof Paragraph) {
				$this->paragraph($xml, 'Text_20_body', $block->text);
			} elseif ($block instanceof Table) {
				$this->table($xml, $block, $document->language);
			} elseif ($block instanceof Chart) {
				$name = 'Pictures/chart' . (count($pictures) + 1) . '.png';
				$zip->addString($name, $this->charts->render($block, $document->language));
				$pictures[$name] = 'image/png';
				$this->chart($xml, $block, $name, count($pictures));
				$this->table($xml, ChartTable::of($block, $document->language), $document->language);
			} elseif ($block instanceof PageBreak) {
				$xml->writeRaw('<text:p text:style-name="PageBreak"/>');
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

	/** A paragraph; line breaks in the text become text:line-break. */
	private function paragraph(XMLWriter $xml, string $style, string $text): void {
		$xml->writeRaw('<text:p text:style-name="' . $style . '">' . self::lines($text) . '</text:p>');
	}

	private static function lines(string $text): string {
		return implode('<text:line-break/>', array_map(Odf::attr(...), preg_split('/\r\n|\r|\n/', $text) ?: ['']));
	}

	private function table(XMLWriter $xml, Table $table, string $language): void {
		$this->tables++;
		if ($table->caption !== '') {
			$this->paragraph($xml, 'Table_20_caption', $table->caption);
		}
		if ($table->header === [] && $table->rows === []) {
			// A table without rows is not valid in either format; the caption says what it is.
			return;
		}
		$columns = max(1, count($table->header), ...array_map('count', $table->rows ?: [[]]));
		$xml->writeRaw('<table:table table:name="Table' . $this->tables . '" table:style-name="Table">');
		foreach (ColumnWidths::of($table, $columns, self::TEXT_WIDTH / self::COLUMN_STEP, $language) as $steps) {
			$xml->writeRaw('<table:table-column table:style-name="W' . max(1, (int)round($steps)) . '"/>');
		}
		if ($table->header !== []) {
			$xml->writeRaw('<table:table-header-rows>');
			$this->row($xml, $table->header, $columns, 'Table_20_Heading', $language);
			$xml->writeRaw('</table:table-header-rows>');
		}
		foreach ($table->rows as $i => $row) {
			$this->row($xml, $row, $columns, 'Table_20_Contents', $language);
			if ($i % self::FLUSH_ROWS === 0) {
				$xml->flush();
			}
		}
		$xml->writeRaw('</table:table>');
	}

	/** @param list<string|int|float|null> $cells */
	private function row(XMLWriter $xml, array $cells, int $columns, string $style, string $language): void {
		$xml->writeRaw('<table:table-row>');
		$cellStyle = $style === 'Table_20_Heading' ? 'HeadCell' : 'Cell';
		for ($i = 0; $i < $columns; $i++) {
			$cell = $cells[$i] ?? null;
			$text = self::lines(Text::cell($cell, $language));
			if (Text::isNumber($cell)) {
				$xml->writeRaw('<table:table-cell table:style-name="' . $cellStyle . '" office:value-type="float" office:value="' . Text::machineNumber($cell) . '">'
					. '<text:p text:style-name="' . $style . '_20_number">' . $text . '</text:p></table:table-cell>');
			} else {
				$xml->writeRaw('<table:table-cell table:style-name="' . $cellStyle . '" office:value-type="string"><text:p text:style-name="' . $style . '">' . $text . '</text:p></table:table-cell>');
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
		// Column widths in steps of COLUMN_STEP cm: W1 … W34 (content.xml is written in one pass,
		// so the styles a table needs cannot be added after the table).
		$widths = '';
		for ($step = 1; $step <= (int)round(self::TEXT_WIDTH / self::COLUMN_STEP); $step++) {
			$widths .= '<style:style style:name="W' . $step . '" style:family="table-column"><style:table-column-properties style:column-width="' . ($step * self::COLUMN_STEP) . 'cm"/></style:style>';
		}
		return '<office:automatic-styles>' . $widths
			. '<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>'
			. '<style:style style:name="Table" style:family="table"><style:table-properties style:width="' . self::TEXT_WIDTH . 'cm" table:align="margins" table:border-model="collapsing" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>'
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
			. $paragraph('Table_20_Contents', 'Table Contents', 'Standard', '', 'fo:font-size="9.5pt"')
			. $paragraph('Table_20_Contents_20_number', 'Table Contents number', 'Table_20_Contents', 'fo:text-align="end"')
			. $paragraph('Table_20_Heading', 'Table Heading', 'Table_20_Contents', '', $bold)
			. $paragraph('Table_20_Heading_20_number', 'Table Heading number', 'Table_20_Heading', 'fo:text-align="end"')
			. $paragraph('Table_20_caption', 'Table caption', 'Standard', 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"', 'fo:font-style="italic"')
			. $paragraph('Figure', 'Figure', 'Standard', 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"')
			. $paragraph('Footer', 'Footer', 'Standard', 'fo:text-align="center"', 'fo:font-size="9pt" fo:color="#444444"')
			. '<style:style style:name="Graphics" style:family="graphic"/>'
			. '</office:styles>'
			. '<office:automatic-styles><style:page-layout style:name="A4">'
			. '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
			. '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>'
			. '</style:page-layout></office:automatic-styles>'
			. '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer>'
			. '<text:p text:style-name="Footer">' . Words::get('Page', $language) . ' <text:page-number text:select-page="current">1</text:page-number> '
			. Words::get('of', $language) . ' <text:page-count>1</text:page-count></text:p>'
			. '</style:footer></style:master-page></office:master-styles>'
			. '</office:document-styles>';
	}
}
