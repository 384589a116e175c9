<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\PageBreak;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use ZipArchive;

/** A small document and workbook for the writer tests, and helpers to read what was written. */
final class Samples {
	public static function document(string $language = 'de'): Document {
		$document = new Document(new TitlePage('Quartalsbericht', 'Pilot Nord · Q4 2026', ['Pilot: Nord', 'Zeitraum: 2026-10-01 – 2026-12-31'], 'Vorläufig'), $language);
		return $document
			->add(new Heading('Methode', 1))
			->add(new Paragraph("Mittelwerte der Bewertungen.\nn ist die Zahl der Bewertungen."))
			->add(new Heading('Bewertungen je Komponente', 2))
			->add(new Chart('bar', 'Bewertung je Komponente', 'Balken: Anmeldung 3,5, Suche 4,25', ['Anmeldung', 'Suche'], [
				new ChartSeries('Oktober', [3.5, 4.25]),
				new ChartSeries('November', [null, 2.0]),
			]))
			->add(new PageBreak())
			->add(new Heading('Offene Meldungen & <Risiken>', 3))
			->add(new Table(['Titel', 'Priorität', 'Anteil'], [['Absturz beim "Speichern"', 4, 0.125], ['Langsam', 2, null]], 'Tabelle 1'));
	}

	/**
	 * A narrow table, then a table too wide for a portrait page (ids, long title, dates, many
	 * columns) after its heading, then a heading after it.
	 */
	public static function wideDocument(string $language = 'de'): Document {
		return (new Document(new TitlePage('Monatsbericht', '', []), $language))
			->add(new Heading('Schmal', 2))
			->add(new Table(['Monat', 'Erfasst'], [['2026-11', 3]], 'Schmal'))
			->add(new Heading('Offene Meldungen', 2))
			->add(new Table(
				['ID', 'Titel', 'Typ', 'Priorität', 'Status', 'Komponente', 'Organisation', 'Erfasst', 'Unterstützende Organisationen'],
				[[16, 'Das Speichern einer großen Tabelle dauert über eine Minute', 'Fehler', 'Kritisch', 'In Bearbeitung', 'WebOffice', 'Bundesamt', '2026-11-03', 'BSH, RKI']],
				'Offene kritische und hohe Meldungen',
			))
			->add(new Heading('Danach', 2))
			->add(new Paragraph('Wieder hochkant.'));
	}

	public static function workbook(): Workbook {
		$ratings = (static function () {
			yield ['Anmeldung', 'Bedienbarkeit', 4, 3.75];
			yield ['=HYPERLINK("http://evil")', "Zeile\nzwei, mit \"Anführung\"", -2, null];
		})();
		$items = (static function () {
			// Markup characters, as in the demo pilot's title "File-Sharing & WebOffice".
			yield [17, 'Export & Import <fehlt>'];
		})();
		return new Workbook([
			new Sheet('Bewertungen', ['Komponente', 'Kriterium', 'Wert', 'Mittel'], $ratings),
			new Sheet('Meldungen', ['Nr.', 'Titel'], $items),
		]);
	}

	/** What the writer writes, as a string. */
	public static function write(DocumentWriter|WorkbookWriter $writer, Document|Workbook $input): string {
		$stream = fopen('php://temp', 'w+b');
		assert($stream !== false);
		/** @psalm-suppress PossiblyInvalidArgument the pairs match in every test */
		$writer->write($input, $stream);
		rewind($stream);
		$bytes = (string)stream_get_contents($stream);
		fclose($stream);
		return $bytes;
	}

	/**
	 * The entries of a zip file, in their order in the archive.
	 *
	 * @return array<string, string> name => content
	 */
	public static function unzip(string $bytes): array {
		$path = tempnam(sys_get_temp_dir(), 'pf-test-');
		file_put_contents($path, $bytes);
		$zip = new ZipArchive();
		if ($zip->open($path) !== true) {
			unlink($path);
			throw new \RuntimeException('not a zip file');
		}
		$entries = [];
		for ($i = 0; $i < $zip->numFiles; $i++) {
			$name = (string)$zip->getNameIndex($i);
			$entries[$name] = (string)$zip->getFromIndex($i);
		}
		$zip->close();
		unlink($path);
		return $entries;
	}

	/** An XPath over a well-formed XML part (fails the test when it is not well-formed). */
	public static function xpath(string $xml, array $namespaces): \DOMXPath {
		$dom = new \DOMDocument();
		if (!$dom->loadXML($xml)) {
			throw new \RuntimeException('not well-formed XML');
		}
		$xpath = new \DOMXPath($dom);
		foreach ($namespaces as $prefix => $uri) {
			$xpath->registerNamespace($prefix, $uri);
		}
		return $xpath;
	}
}
