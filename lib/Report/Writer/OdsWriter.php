<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\Support\Odf;
use OCA\PilotFeedback\Report\Writer\Support\SheetColumns;
use OCA\PilotFeedback\Report\Writer\Support\SheetNames;
use OCA\PilotFeedback\Report\Writer\Support\SheetParts;
use OCA\PilotFeedback\Report\Writer\Support\Text;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use XMLWriter;

/**
 * OpenDocument spreadsheet (.ods), one table per Sheet. ODF keeps all tables in content.xml,
 * which is written with XMLWriter into a temporary file as the rows come from the generators
 * (flushed every FLUSH_ROWS rows), so memory does not grow with the number of rows. Numbers are
 * float cells; the header row is bold and frozen (settings.xml). A Sheet with more rows than a
 * table of LibreOffice Calc holds (1 048 576) goes on over further tables, each with the header
 * (SheetParts).
 */
final class OdsWriter implements WorkbookWriter {
	private const FLUSH_ROWS = 1000;
	private const MIME = 'application/vnd.oasis.opendocument.spreadsheet';

	/** @param int $maxRows rows per table, the header included (tests lower it) */
	public function __construct(
		private int $maxRows = SheetParts::MAX_ROWS,
	) {
	}

	public function format(): string {
		return 'ods';
	}

	public function mimeType(): string {
		return self::MIME;
	}

	public function write(Workbook $workbook, $stream): void {
		$zip = new ZipPackage();
		try {
			Odf::start($zip, self::MIME);
			$content = $zip->newPartFile();
			$titles = $this->writeContent($workbook, $content);
			$zip->addFile('content.xml', $content);
			$zip->addString('styles.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-styles' . Odf::xmlns() . '><office:styles/></office:document-styles>');
			$zip->addString('settings.xml', $this->settings($titles));
			Odf::finish($zip, self::MIME, $workbook->title !== '' ? $workbook->title : ($titles[0] ?? ''), $workbook->language, ['settings.xml' => 'text/xml']);
			$zip->writeTo($stream);
		} catch (\Throwable $e) {
			$zip->discard();
			throw $e;
		}
	}

	/**
	 * @return list<string> the tables' names
	 */
	private function writeContent(Workbook $workbook, string $path): array {
		$xml = new XMLWriter();
		$xml->openUri($path);
		$xml->startDocument('1.0', 'UTF-8');
		$xml->writeRaw('<office:document-content' . Odf::xmlns() . '>'
			. '<office:automatic-styles>'
			. '<style:style style:name="header" style:family="table-cell"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>'
			. self::columnStyles()
			. '</office:automatic-styles><office:body><office:spreadsheet>');
		$names = new SheetNames();
		$titles = [];
		$sheets = $workbook->sheets === [] ? [new Sheet('Sheet', [], [])] : $workbook->sheets;
		foreach ($sheets as $whole) {
			foreach (SheetParts::of($whole, $this->maxRows) as $sheet) {
				$titles[] = $this->writeTable($xml, $sheet, $names->next($sheet->name));
			}
		}
		$xml->writeRaw('</office:spreadsheet></office:body></office:document-content>');
		$xml->flush();
		return $titles;
	}

	/** Writes one table; returns its name. */
	private function writeTable(XMLWriter $xml, Sheet $sheet, string $title): string {
		$columns = SheetColumns::of($sheet);
		$xml->writeRaw('<table:table table:name="' . Odf::attr($title) . '">');
		foreach ($columns->widths ?: [SheetColumns::MIN] as $chars) {
			$xml->writeRaw('<table:table-column table:style-name="co' . $chars . '"/>');
		}
		if ($sheet->header !== []) {
			$xml->writeRaw('<table:table-header-rows>');
			$this->writeRow($xml, $sheet->header, ' table:style-name="header"');
			$xml->writeRaw('</table:table-header-rows>');
		}
		$count = 0;
		foreach ($columns->rows as $row) {
			$this->writeRow($xml, $row, '');
			if (++$count % self::FLUSH_ROWS === 0) {
				$xml->flush();
			}
		}
		if ($count === 0 && $sheet->header === []) {
			$xml->writeRaw('<table:table-row><table:table-cell/></table:table-row>');
		}
		$xml->writeRaw('</table:table>');
		return $title;
	}

	/** Column styles co{n}: room for n characters of the default 10 pt font. */
	private static function columnStyles(): string {
		$styles = '';
		for ($chars = SheetColumns::MIN; $chars <= SheetColumns::MAX; $chars++) {
			$styles .= '<style:style style:name="co' . $chars . '" style:family="table-column"><style:table-column-properties style:column-width="'
				. round($chars * 0.2, 2) . 'cm"/></style:style>';
		}
		return $styles;
	}

	/** @param list<string|int|float|null> $cells */
	private function writeRow(XMLWriter $xml, array $cells, string $style): void {
		$xml->writeRaw('<table:table-row>');
		foreach ($cells as $cell) {
			if ($cell === null || $cell === '') {
				$xml->writeRaw('<table:table-cell/>');
			} elseif (Text::isNumber($cell)) {
				$number = Text::machineNumber($cell);
				$xml->writeRaw('<table:table-cell' . $style . ' office:value-type="float" office:value="' . $number . '"><text:p>' . $number . '</text:p></table:table-cell>');
			} else {
				$xml->writeRaw('<table:table-cell' . $style . ' office:value-type="string"><text:p>');
				$xml->writeRaw(Odf::attr((string)$cell));
				$xml->writeRaw('</text:p></table:table-cell>');
			}
		}
		$xml->writeRaw('</table:table-row>');
	}

	/** @param list<string> $titles frozen first row in each table */
	private function settings(array $titles): string {
		$tables = '';
		foreach ($titles as $title) {
			$tables .= '<config:config-item-map-entry config:name="' . Odf::attr($title) . '">'
				. '<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>'
				. '<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>'
				. '<config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item>'
				. '<config:config-item config:name="PositionTop" config:type="int">0</config:config-item>'
				. '<config:config-item config:name="PositionBottom" config:type="int">1</config:config-item>'
				. '</config:config-item-map-entry>';
		}
		return '<?xml version="1.0" encoding="UTF-8"?><office:document-settings' . Odf::xmlns() . '><office:settings>'
			. '<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
			. '<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
			. '<config:config-item-map-named config:name="Tables">' . $tables . '</config:config-item-map-named>'
			. '</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>'
			. '</office:settings></office:document-settings>';
	}
}
