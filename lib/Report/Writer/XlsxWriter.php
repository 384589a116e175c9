<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\Support\Ooxml;
use OCA\PilotFeedback\Report\Writer\Support\SheetColumns;
use OCA\PilotFeedback\Report\Writer\Support\SheetNames;
use OCA\PilotFeedback\Report\Writer\Support\SheetParts;
use OCA\PilotFeedback\Report\Writer\Support\Text;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use XMLWriter;

/**
 * Office Open XML spreadsheet (.xlsx), one worksheet per Sheet. Each worksheet is written with
 * XMLWriter into a temporary file as the rows come from the generator (flushed every
 * FLUSH_ROWS rows), so memory does not grow with the number of rows. Text goes in inline
 * strings (no shared-string table to hold in memory); numbers are numeric cells. The header
 * row is bold and frozen. The workbook's title and language go into docProps/core.xml.
 * A Sheet with more rows than a worksheet holds (1 048 576) goes on over further worksheets,
 * each with the header (SheetParts).
 */
final class XlsxWriter implements WorkbookWriter {
	private const FLUSH_ROWS = 1000;
	private const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	private const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

	/** @param int $maxRows rows per worksheet, the header included (tests lower it) */
	public function __construct(
		private int $maxRows = SheetParts::MAX_ROWS,
	) {
	}

	public function format(): string {
		return 'xlsx';
	}

	public function mimeType(): string {
		return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
	}

	public function write(Workbook $workbook, $stream): void {
		$zip = new ZipPackage();
		try {
			$names = new SheetNames();
			$sheets = $workbook->sheets === [] ? [new Sheet('Sheet', [], [])] : $workbook->sheets;
			$titles = [];
			foreach ($sheets as $sheet) {
				foreach (SheetParts::of($sheet, $this->maxRows) as $part) {
					$titles[] = $names->next($part->name);
					$path = $zip->newPartFile();
					$this->writeSheet($part, $path);
					$zip->addFile('xl/worksheets/sheet' . count($titles) . '.xml', $path);
				}
			}
			$zip->addString('[Content_Types].xml', $this->contentTypes(count($titles)));
			$zip->addString('_rels/.rels', Ooxml::relationships([
				['officeDocument', 'xl/workbook.xml'],
				['core-properties', 'docProps/core.xml'],
			]));
			$zip->addString('docProps/core.xml', Ooxml::coreProperties($workbook->title !== '' ? $workbook->title : ($titles[0] ?? ''), $workbook->language));
			$zip->addString('xl/workbook.xml', $this->workbookXml($titles));
			$rels = [];
			foreach ($titles as $i => $title) {
				$rels[] = ['worksheet', 'worksheets/sheet' . ($i + 1) . '.xml'];
			}
			$rels[] = ['styles', 'styles.xml'];
			$zip->addString('xl/_rels/workbook.xml.rels', Ooxml::relationships($rels));
			$zip->addString('xl/styles.xml', $this->styles());
			$zip->writeTo($stream);
		} catch (\Throwable $e) {
			$zip->discard();
			throw $e;
		}
	}

	private function writeSheet(Sheet $sheet, string $path): void {
		$xml = new XMLWriter();
		$xml->openUri($path);
		$xml->startDocument('1.0', 'UTF-8', 'yes');
		$xml->startElement('worksheet');
		$xml->writeAttribute('xmlns', self::NS_MAIN);
		$xml->writeAttribute('xmlns:r', self::NS_REL);
		if ($sheet->header !== []) {
			$xml->writeRaw('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
				. '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>');
		}
		$columns = SheetColumns::of($sheet);
		if ($columns->widths !== []) {
			$xml->startElement('cols');
			foreach ($columns->widths as $i => $width) {
				$xml->writeRaw('<col min="' . ($i + 1) . '" max="' . ($i + 1) . '" width="' . $width . '" customWidth="1"/>');
			}
			$xml->endElement();
		}
		$xml->startElement('sheetData');
		$letters = [];
		$rowNumber = 0;
		if ($sheet->header !== []) {
			$this->writeRow($xml, ++$rowNumber, $sheet->header, $letters, ' s="1"');
		}
		foreach ($columns->rows as $row) {
			$this->writeRow($xml, ++$rowNumber, $row, $letters, '');
			if ($rowNumber % self::FLUSH_ROWS === 0) {
				$xml->flush();
			}
		}
		$xml->endElement();
		$xml->endElement();
		$xml->endDocument();
		$xml->flush();
	}

	/**
	 * @param list<string|int|float|null> $cells
	 * @param array<int, string> $columns column letters, filled as needed
	 */
	private function writeRow(XMLWriter $xml, int $rowNumber, array $cells, array &$columns, string $style): void {
		$xml->writeRaw('<row r="' . $rowNumber . '">');
		foreach ($cells as $i => $cell) {
			if ($cell === null || $cell === '') {
				continue;
			}
			$ref = ($columns[$i] ??= self::column($i)) . $rowNumber;
			if (Text::isNumber($cell)) {
				$xml->writeRaw('<c r="' . $ref . '"' . $style . '><v>' . Text::machineNumber($cell) . '</v></c>');
			} else {
				$xml->writeRaw('<c r="' . $ref . '"' . $style . ' t="inlineStr"><is><t xml:space="preserve">');
				$xml->writeRaw(Ooxml::escape((string)$cell));
				$xml->writeRaw('</t></is></c>');
			}
		}
		$xml->writeRaw('</row>');
	}

	/** A, B, … Z, AA, … for the zero-based column index. */
	public static function column(int $index): string {
		$letters = '';
		for ($n = $index + 1; $n > 0; $n = intdiv($n - 1, 26)) {
			$letters = chr(65 + ($n - 1) % 26) . $letters;
		}
		return $letters;
	}

	private function contentTypes(int $sheets): string {
		$overrides = [
			'/xl/workbook.xml' => 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
			'/xl/styles.xml' => 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
			'/docProps/core.xml' => 'application/vnd.openxmlformats-package.core-properties+xml',
		];
		for ($i = 1; $i <= $sheets; $i++) {
			$overrides['/xl/worksheets/sheet' . $i . '.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
		}
		return Ooxml::contentTypes($overrides);
	}

	/** @param list<string> $titles */
	private function workbookXml(array $titles): string {
		$xml = new XMLWriter();
		$xml->openMemory();
		$xml->startDocument('1.0', 'UTF-8', 'yes');
		$xml->startElement('workbook');
		$xml->writeAttribute('xmlns', self::NS_MAIN);
		$xml->writeAttribute('xmlns:r', self::NS_REL);
		$xml->startElement('sheets');
		foreach ($titles as $i => $title) {
			$xml->startElement('sheet');
			$xml->writeAttribute('name', $title);
			$xml->writeAttribute('sheetId', (string)($i + 1));
			$xml->writeAttribute('r:id', 'rId' . ($i + 1));
			$xml->endElement();
		}
		$xml->endElement();
		$xml->endElement();
		return $xml->outputMemory();
	}

	private function styles(): string {
		return Ooxml::XML_HEADER
			. '<styleSheet xmlns="' . self::NS_MAIN . '">'
			. '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
			. '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
			. '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
			. '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
			. '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
			. '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
			. '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
			. '</styleSheet>';
	}
}
