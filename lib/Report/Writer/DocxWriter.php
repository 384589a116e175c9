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
use OCA\PilotFeedback\Report\Writer\Support\Ooxml;
use OCA\PilotFeedback\Report\Writer\Support\PagePlan;
use OCA\PilotFeedback\Report\Writer\Support\TableLayout;
use OCA\PilotFeedback\Report\Writer\Support\Text;
use OCA\PilotFeedback\Report\Writer\Support\Words;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use XMLWriter;

/**
 * Office Open XML text (.docx): a title page, a table of contents, headings with outline levels
 * (Word's navigation pane, a PDF's bookmarks), paragraphs, tables whose header row repeats on
 * each page (w:tblHeader), page breaks, "Page n of m" in the footer, and charts as PNG images
 * with title and alt text (wp:docPr title/descr) followed by their data table. A table too wide
 * for a portrait page is in a landscape section of its own (same footer, numbering goes on).
 * word/document.xml is written to a temporary file as it grows.
 *
 * The table of contents is an entry per heading, linked to it, with a PAGEREF field to a bookmark
 * at the heading for its page: LibreOffice computes those when it lays out the document (also
 * when converting to PDF), Word when it opens it (w:updateFields in word/settings.xml). It is no
 * TOC field, as LibreOffice keeps a TOC field's entries as written, page numbers included.
 */
final class DocxWriter implements DocumentWriter {
	private const FLUSH_ROWS = 500;
	private const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
	private const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	/** A4 with 2 cm margins: the text is 17 cm = 9638 twips wide, on a landscape page 25.7 cm = 14570. */
	private const TEXT_TWIPS = 9638;
	private const LANDSCAPE_TWIPS = 14570;
	/** 17 cm in EMU (360 000 per cm). */
	private const IMAGE_EMU = 6120000;
	/** Relationships of word/document.xml before the images: rId1 styles, rId2 footer, rId3 settings. */
	private const FIXED_RELATIONSHIPS = 3;

	public function __construct(
		private PngChartRenderer $charts = new PngChartRenderer(),
	) {
	}

	public function format(): string {
		return 'docx';
	}

	public function mimeType(): string {
		return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
	}

	public function write(Document $document, $stream): void {
		$zip = new ZipPackage();
		try {
			$body = $zip->newPartFile();
			$images = $this->writeBody($document, $body, $zip);
			$zip->addString('[Content_Types].xml', Ooxml::contentTypes([
				'/word/document.xml' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
				'/word/styles.xml' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
				'/word/footer1.xml' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
				'/word/settings.xml' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
				'/docProps/core.xml' => 'application/vnd.openxmlformats-package.core-properties+xml',
			]));
			$zip->addString('_rels/.rels', Ooxml::relationships([
				['officeDocument', 'word/document.xml'],
				['core-properties', 'docProps/core.xml'],
			]));
			$zip->addString('docProps/core.xml', Ooxml::coreProperties($document->titlePage->title, $document->language));
			$zip->addFile('word/document.xml', $body);
			$relationships = [['styles', 'styles.xml'], ['footer', 'footer1.xml'], ['settings', 'settings.xml']];
			foreach ($images as $image) {
				$relationships[] = ['image', $image];
			}
			$zip->addString('word/_rels/document.xml.rels', Ooxml::relationships($relationships));
			$zip->addString('word/styles.xml', $this->styles($document->language));
			$zip->addString('word/footer1.xml', $this->footer($document->language));
			$zip->addString('word/settings.xml', Ooxml::XML_HEADER . '<w:settings xmlns:w="' . self::NS_W . '"><w:updateFields w:val="true"/>'
				. '<w:defaultTabStop w:val="709"/><w:autoHyphenation w:val="false"/></w:settings>');
			$zip->writeTo($stream);
		} catch (\Throwable $e) {
			$zip->discard();
			throw $e;
		}
	}

	/**
	 * @return list<string> the images added, relative to word/, in the order of their relationships
	 */
	private function writeBody(Document $document, string $path, ZipPackage $zip): array {
		$xml = new XMLWriter();
		$xml->openUri($path);
		$xml->startDocument('1.0', 'UTF-8', 'yes');
		$xml->writeRaw('<w:document xmlns:w="' . self::NS_W . '" xmlns:r="' . self::NS_R . '"'
			. ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
			. ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
			. ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>');
		$this->titlePage($xml, $document->titlePage);
		$plan = PagePlan::of($document);
		$this->contents($xml, $plan, $document->language);
		$images = [];
		$landscape = false;
		foreach ($document->blocks as $i => $block) {
			$switched = $plan->landscape[$i] !== $landscape;
			if ($switched) {
				// The section that ends here, in its orientation; the next one starts on a new page.
				$xml->writeRaw('<w:p><w:pPr><w:spacing w:after="0"/>' . self::section($landscape) . '</w:pPr></w:p>');
				$landscape = $plan->landscape[$i];
			} elseif ($i === 0 && $plan->headings !== []) {
				// The body starts on the page after the contents.
				$xml->writeRaw('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
			}
			if ($block instanceof Heading) {
				$bookmark = PagePlan::bookmark($i);
				$xml->writeRaw('<w:p><w:pPr><w:pStyle w:val="Heading' . max(1, min(3, $block->level)) . '"/></w:pPr>'
					. '<w:bookmarkStart w:id="' . $i . '" w:name="' . $bookmark . '"/>' . self::runs($block->text) . '<w:bookmarkEnd w:id="' . $i . '"/></w:p>');
			} elseif ($block instanceof Paragraph) {
				$this->paragraph($xml, 'BodyText', $block->text);
			} elseif ($block instanceof Table) {
				$this->table($xml, $block, $plan->layouts[$i]);
			} elseif ($block instanceof Chart) {
				$images[] = $image = 'media/chart' . (count($images) + 1) . '.png';
				$zip->addString('word/' . $image, $this->charts->render($block, $document->language));
				$this->chart($xml, $block, 'rId' . (self::FIXED_RELATIONSHIPS + count($images)), count($images));
				$this->table($xml, $plan->tables[$i], $plan->layouts[$i]);
			} elseif ($block instanceof PageBreak && !$switched) {
				$xml->writeRaw('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
			}
			$xml->flush();
		}
		$xml->writeRaw(self::section($landscape) . '</w:body></w:document>');
		$xml->flush();
		return $images;
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
			$this->paragraph($xml, 'TitleLine', $line);
		}
		$xml->writeRaw('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
	}

	/** Properties of a section: A4 in either orientation, 2 cm margins, the footer with the page numbers. */
	private static function section(bool $landscape): string {
		return '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
			. ($landscape ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' : '<w:pgSz w:w="11906" w:h="16838"/>')
			. '<w:pgMar w:top="1134" w:right="1134" w:bottom="850" w:left="1134" w:header="567" w:footer="425" w:gutter="0"/>'
			. '</w:sectPr>';
	}

	/**
	 * The table of contents on a page of its own: an entry per heading of level 1 to 3, linked to
	 * it, with a PAGEREF field for its page.
	 */
	private function contents(XMLWriter $xml, PagePlan $plan, string $language): void {
		if ($plan->headings === []) {
			return;
		}
		$this->paragraph($xml, 'TOCHeading', Words::get('Contents', $language));
		foreach ($plan->headings as [$block, $level, $text]) {
			$bookmark = PagePlan::bookmark($block);
			$xml->writeRaw('<w:p><w:pPr><w:pStyle w:val="TOC' . $level . '"/></w:pPr>'
				. '<w:hyperlink w:anchor="' . $bookmark . '" w:history="1">' . self::runs($text) . '<w:r><w:tab/></w:r>'
				. '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ' . $bookmark . ' \\h </w:instrText></w:r>'
				. '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>');
		}
	}

	/** A paragraph of a style; line breaks in the text become w:br. */
	private function paragraph(XMLWriter $xml, string $style, string $text): void {
		$xml->writeRaw('<w:p><w:pPr><w:pStyle w:val="' . $style . '"/></w:pPr>' . self::runs($text) . '</w:p>');
	}

	private static function runs(string $text): string {
		$lines = array_map(
			static fn (string $line): string => '<w:t xml:space="preserve">' . Ooxml::escape($line) . '</w:t>',
			preg_split('/\r\n|\r|\n/', $text) ?: [''],
		);
		return '<w:r>' . implode('<w:br/>', $lines) . '</w:r>';
	}

	private function table(XMLWriter $xml, Table $table, TableLayout $layout): void {
		if ($table->caption !== '') {
			$this->paragraph($xml, 'Caption', $table->caption);
		}
		if ($table->header === [] && $table->rows === []) {
			// A table without rows is not valid in either format; the caption says what it is.
			return;
		}
		$widths = self::twips($layout->widths, $layout->landscape ? self::LANDSCAPE_TWIPS : self::TEXT_TWIPS);
		$xml->writeRaw('<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="' . array_sum($widths) . '" w:type="dxa"/>'
			. '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>');
		foreach ($widths as $width) {
			$xml->writeRaw('<w:gridCol w:w="' . $width . '"/>');
		}
		$xml->writeRaw('</w:tblGrid>');
		if ($table->header !== []) {
			$this->row($xml, $table->header, $widths, $layout, true);
		}
		foreach ($table->rows as $i => $row) {
			$this->row($xml, $row, $widths, $layout, false);
			if ($i % self::FLUSH_ROWS === 0) {
				$xml->flush();
			}
		}
		$xml->writeRaw('</w:tbl><w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>');
	}

	/**
	 * Widths in whole twips that add up to the text width.
	 *
	 * @param list<float> $widths in cm
	 * @return list<int>
	 */
	private static function twips(array $widths, int $total): array {
		$sum = array_sum($widths);
		$result = [];
		$done = 0.0;
		$rounded = 0;
		foreach ($widths as $width) {
			$done += $sum > 0 ? $width * $total / $sum : 0;
			$twips = max(1, (int)round($done) - $rounded);
			$result[] = $twips;
			$rounded += $twips;
		}
		return $result;
	}

	/**
	 * @param list<string|int|float|null> $cells
	 * @param list<int> $widths
	 */
	private function row(XMLWriter $xml, array $cells, array $widths, TableLayout $layout, bool $header): void {
		$xml->writeRaw($header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>');
		foreach ($widths as $i => $width) {
			$cell = $cells[$i] ?? null;
			$style = ($header ? 'TableHeading' : 'TableContents') . ($layout->isNumeric($i) ? 'Number' : '');
			$text = $header ? $layout->header(is_string($cell) ? $cell : null) : $layout->cell($cell, $i);
			$xml->writeRaw('<w:tc><w:tcPr><w:tcW w:w="' . $width . '" w:type="dxa"/>' . ($header ? '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' : '') . '</w:tcPr>'
				. '<w:p><w:pPr><w:pStyle w:val="' . $style . '"/></w:pPr>' . self::runs($text) . '</w:p></w:tc>');
		}
		$xml->writeRaw('</w:tr>');
	}

	private function chart(XMLWriter $xml, Chart $chart, string $relationship, int $number): void {
		$height = (int)round(self::IMAGE_EMU * PngChartRenderer::HEIGHT / PngChartRenderer::WIDTH);
		$name = Ooxml::escape('Chart ' . $number);
		$title = Ooxml::escape($chart->title);
		$alt = Ooxml::escape($chart->altText);
		$xml->writeRaw('<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>'
			. '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="' . self::IMAGE_EMU . '" cy="' . $height . '"/>'
			. '<wp:docPr id="' . $number . '" name="' . $name . '" title="' . $title . '" descr="' . $alt . '"/>'
			. '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
			. '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
			. '<pic:nvPicPr><pic:cNvPr id="' . $number . '" name="' . $name . '" title="' . $title . '" descr="' . $alt . '"/><pic:cNvPicPr/></pic:nvPicPr>'
			. '<pic:blipFill><a:blip r:embed="' . $relationship . '"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
			. '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="' . self::IMAGE_EMU . '" cy="' . $height . '"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
			. '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>');
	}

	private function footer(string $language): string {
		$field = static fn (string $instruction): string => '<w:fldSimple w:instr=" ' . $instruction . ' "><w:r><w:t>1</w:t></w:r></w:fldSimple>';
		return Ooxml::XML_HEADER . '<w:ftr xmlns:w="' . self::NS_W . '" xmlns:r="' . self::NS_R . '"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
			. '<w:r><w:t xml:space="preserve">' . Words::get('Page', $language) . ' </w:t></w:r>' . $field('PAGE')
			. '<w:r><w:t xml:space="preserve"> ' . Words::get('of', $language) . ' </w:t></w:r>' . $field('NUMPAGES')
			. '</w:p></w:ftr>';
	}

	private function styles(string $language): string {
		$lang = $language === 'de' ? 'de-DE' : 'en-GB';
		$style = static fn (string $id, string $name, string $pPr, string $rPr, string $extra = ''): string =>
			'<w:style w:type="paragraph" w:styleId="' . $id . '"><w:name w:val="' . $name . '"/>' . $extra
			. ($pPr === '' ? '' : '<w:pPr>' . $pPr . '</w:pPr>') . ($rPr === '' ? '' : '<w:rPr>' . $rPr . '</w:rPr>') . '</w:style>';
		$based = static fn (string $on): string => '<w:basedOn w:val="' . $on . '"/>';
		$heading = static fn (int $level, int $halfPoints): string => $style(
			'Heading' . $level, 'heading ' . $level,
			'<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="' . ($level - 1) . '"/>',
			'<w:b/><w:sz w:val="' . $halfPoints . '"/>',
			$based('Normal') . '<w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:qFormat/>',
		);
		$toc = static fn (int $level, int $indent, string $rPr): string => $style(
			'TOC' . $level, 'toc ' . $level,
			'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="' . self::TEXT_TWIPS . '"/></w:tabs><w:spacing w:after="68"/><w:ind w:left="' . $indent . '"/>',
			$rPr, $based('Normal') . '<w:next w:val="Normal"/><w:uiPriority w:val="39"/>',
		);
		return Ooxml::XML_HEADER . '<w:styles xmlns:w="' . self::NS_W . '">'
			. '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:eastAsia="Noto Sans" w:cs="Noto Sans"/>'
			. '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="' . $lang . '"/></w:rPr></w:rPrDefault>'
			. '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
			. '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
			. $style('BodyText', 'Body Text', '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>', '', $based('Normal'))
			. $heading(1, 34) . $heading(2, 28) . $heading(3, 24)
			. $style('Title', 'Title', '<w:spacing w:before="3400" w:after="240"/>', '<w:b/><w:sz w:val="52"/>', $based('Normal') . '<w:qFormat/>')
			. $style('Subtitle', 'Subtitle', '<w:spacing w:after="680"/>', '<w:color w:val="444444"/><w:sz w:val="32"/>', $based('Normal') . '<w:qFormat/>')
			. $style('Mark', 'Mark', '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="B3261E"/><w:left w:val="single" w:sz="12" w:space="4" w:color="B3261E"/>'
				. '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="B3261E"/><w:right w:val="single" w:sz="12" w:space="4" w:color="B3261E"/></w:pBdr><w:spacing w:after="454"/>',
				'<w:b/><w:color w:val="B3261E"/><w:sz w:val="28"/>', $based('Normal'))
			. $style('TitleLine', 'Title line', '<w:spacing w:after="80"/>', '<w:sz w:val="22"/>', $based('Normal'))
			. $style('TableContents', 'Table Contents', '<w:suppressAutoHyphens/>', '<w:sz w:val="19"/>', $based('Normal'))
			. $style('TableContentsNumber', 'Table Contents Number', '<w:jc w:val="right"/>', '', $based('TableContents'))
			. $style('TableHeading', 'Table Heading', '', '<w:b/>', $based('TableContents'))
			. $style('TableHeadingNumber', 'Table Heading Number', '<w:jc w:val="right"/>', '', $based('TableHeading'))
			. $style('Caption', 'caption', '<w:keepNext/><w:spacing w:before="120" w:after="60"/>', '<w:i/>', $based('Normal'))
			. $style('Figure', 'Figure', '<w:keepNext/><w:spacing w:before="120" w:after="60"/>', '', $based('Normal'))
			. $style('AfterTable', 'After Table', '<w:spacing w:after="120"/>', '<w:sz w:val="12"/>', $based('Normal'))
			. $style('TOCHeading', 'TOC Heading', '<w:spacing w:before="240" w:after="240"/>', '<w:b/><w:sz w:val="34"/>', $based('Normal'))
			. $toc(1, 0, '<w:b/>') . $toc(2, 284, '') . $toc(3, 567, '')
			. $style('Footer', 'footer', '<w:jc w:val="center"/>', '<w:color w:val="444444"/><w:sz w:val="18"/>', $based('Normal'))
			. '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
			. '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
			. '<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
			. '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
			. '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
			. '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
			. '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
			. '</w:styles>';
	}
}
