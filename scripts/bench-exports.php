<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// Usage: php scripts/bench-exports.php [rows]   (make bench-exports)
// Writes ROWS (default 100 000) generated rating rows as CSV, ODS and XLSX, each format in its
// own PHP process, and prints wall time, PHP peak memory and file size per format. The rows come
// from a generator, as the exports' rows come from the database. Then a document with two
// charts and a table of 20 000 items as ODT and DOCX (the model holds those rows in memory; the
// figures include them).

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;

require __DIR__ . '/../vendor/autoload.php';

$rows = (int)($argv[1] ?? 100000);
$format = $argv[2] ?? null;

if ($format === null) {
	printf("Export writers, %d rows of 10 columns (PHP %s, one process per format)\n", $rows, PHP_VERSION);
	printf("  %-6s %10s %14s %12s\n", 'format', 'time', 'peak memory', 'file size');
	foreach (['csv', 'ods', 'xlsx', 'odt', 'docx'] as $each) {
		if ($each === 'odt') {
			printf("Document writers, 2 charts and a table of 20 000 items of 6 columns\n");
		}
		passthru(escapeshellarg(PHP_BINARY) . ' -d memory_limit=512M ' . escapeshellarg(__FILE__) . ' ' . $rows . ' ' . $each, $code);
		if ($code !== 0) {
			exit($code);
		}
	}
	exit(0);
}

$generate = static function () use ($rows): Generator {
	$components = ['Anmeldung', 'Übersicht', 'Suche', 'Export', 'Benachrichtigungen'];
	$criteria = ['Bedienbarkeit', 'Stabilität', 'Barrierefreiheit', 'Leistung', 'Sicherheit', 'Dokumentation'];
	$organisations = ['Robert Koch-Institut', 'Bundesamt für Seeschifffahrt und Hydrographie'];
	for ($i = 0; $i < $rows; $i++) {
		yield [
			intdiv($i, 6) + 1,
			'Pilot ' . ($i % 3 + 1),
			$organisations[$i % 2],
			'2026-' . str_pad((string)($i % 12 + 1), 2, '0', STR_PAD_LEFT),
			$components[$i % 5],
			$criteria[$i % 6],
			$i % 5 + 1,
			($i % 50) / 10 + 0.25,
			$i % 4 === 0 ? 'Ladezeit über drei Sekunden, "Speichern" reagiert spät' : null,
			'2026-11-' . str_pad((string)($i % 28 + 1), 2, '0', STR_PAD_LEFT) . ' 10:' . str_pad((string)($i % 60), 2, '0', STR_PAD_LEFT),
		];
	}
};
$document = static function (): Document {
	$document = new Document(new TitlePage('Quartalsbericht', 'Alle Piloten · Q4 2026', ['Erstellt von Pilot Feedback']), 'de');
	$labels = ['Anmeldung', 'Übersicht', 'Suche', 'Export', 'Benachrichtigungen'];
	$document->add(new Heading('Bewertungen'))
		->add(new Chart('bar', 'Mittel je Komponente', 'Balken', $labels, [new ChartSeries('Q3', [3.1, 3.5, 2.25, 4.0, 3.0]), new ChartSeries('Q4', [3.4, 3.25, 2.5, 4.1, 3.2])]))
		->add(new Chart('line', 'Verlauf', 'Linien', ['2026-10', '2026-11', '2026-12'], [new ChartSeries('Bedienbarkeit', [3.0, 3.2, 3.5]), new ChartSeries('Stabilität', [2.5, 2.75, 3.0])]))
		->add(new Heading('Meldungen'));
	$rows = [];
	for ($i = 1; $i <= 20000; $i++) {
		$rows[] = [$i, 'Meldung ' . $i . ': Ladezeit der Übersicht zu lang', $labels[$i % 5], ['niedrig', 'mittel', 'hoch', 'kritisch'][$i % 4], $i % 7, round(($i % 50) / 10, 2)];
	}
	return $document->add(new Table(['Nr.', 'Titel', 'Komponente', 'Priorität', 'Organisationen', 'Mittel'], $rows));
};
$writer = match ($format) {
	'csv' => new CsvWriter(),
	'ods' => new OdsWriter(),
	'xlsx' => new XlsxWriter(),
	'odt' => new OdtWriter(),
	'docx' => new DocxWriter(),
	default => throw new InvalidArgumentException("unknown format $format"),
};
$header = ['Bewertung', 'Pilot', 'Organisation', 'Zeitraum', 'Komponente', 'Kriterium', 'Punkte', 'Mittel', 'Kommentar', 'Erstellt'];
$path = tempnam(sys_get_temp_dir(), 'pf-bench-');
$stream = fopen($path, 'wb');
$start = hrtime(true);
if ($writer instanceof DocumentWriter) {
	$writer->write($document(), $stream);
} else {
	$writer->write(new Workbook([new Sheet('Bewertungen', $header, $generate())]), $stream);
}
fclose($stream);
$seconds = (hrtime(true) - $start) / 1e9;
printf("  %-6s %8.2f s %11.1f MB %9.1f MB\n", $format, $seconds, memory_get_peak_usage(true) / 1048576, filesize($path) / 1048576);
unlink($path);
