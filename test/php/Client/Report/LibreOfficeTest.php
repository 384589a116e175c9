<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Client\Report;

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
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use PHPUnit\Framework\TestCase;
use RuntimeException;
use ZipArchive;

/**
 * Real-client check: LibreOffice (headless) opens every generated file and converts documents to
 * PDF (read back with pdftotext and pdfimages) and spreadsheets to CSV. The numbers in the
 * converted output must equal those computed here, independently, from the test's own ratings.
 * LibreOffice is a hard requirement: without soffice the suite fails, it does not skip.
 *
 * Run: composer run test:unit -- --testsuite libreoffice  (make test-documents)
 */
final class LibreOfficeTest extends TestCase {
	use ReadsCsv;

	private const COMPONENTS = ['Anmeldung', 'Übersicht', 'Suche'];
	private const CRITERIA = ['Bedienbarkeit', 'Stabilität', 'Barrierefreiheit', 'Leistung'];
	private const MONTHS = ['2026-10', '2026-11', '2026-12'];
	private const ASSESSMENTS = 40;

	private static string $dir;
	private static string $profile;

	public static function setUpBeforeClass(): void {
		foreach (['soffice' => 'libreoffice-writer-nogui libreoffice-calc-nogui', 'pdftotext' => 'poppler-utils', 'pdfimages' => 'poppler-utils'] as $program => $package) {
			exec('command -v ' . escapeshellarg($program), $output, $code);
			if ($code !== 0) {
				throw new RuntimeException("$program is required for the real-client test of the report writers: apt-get install $package");
			}
		}
		self::$dir = sys_get_temp_dir() . '/pf-lo-test-' . getmypid() . '-' . bin2hex(random_bytes(4));
		mkdir(self::$dir . '/out', 0700, true);
		// A private profile, so that parallel runs (and a running LibreOffice) do not clash.
		self::$profile = self::$dir . '/profile';
	}

	public static function tearDownAfterClass(): void {
		exec('rm -rf ' . escapeshellarg(self::$dir));
	}

	/**
	 * The test's ratings: one score 1–5 per month, component, criterion and assessment.
	 *
	 * @return \Generator<int, array{0: string, 1: string, 2: string, 3: int, 4: int}> month, component, criterion, assessment, score
	 */
	private static function ratings(): \Generator {
		foreach (self::MONTHS as $m => $month) {
			foreach (self::COMPONENTS as $c => $component) {
				foreach (self::CRITERIA as $k => $criterion) {
					for ($a = 1; $a <= self::ASSESSMENTS; $a++) {
						yield [$month, $component, $criterion, $a, ($a * 7 + $c * 3 + $k * 5 + $m * 2 + intdiv($a, 3)) % 5 + 1];
					}
				}
			}
		}
	}

	/** @return array<string, array{n: int, sum: int}> mean per component over all months */
	private static function perComponent(): array {
		$totals = [];
		foreach (self::ratings() as [, $component, , , $score]) {
			$totals[$component] ??= ['n' => 0, 'sum' => 0];
			$totals[$component]['n']++;
			$totals[$component]['sum'] += $score;
		}
		return $totals;
	}

	/** @return array<string, array<string, float>> criterion => month => mean */
	private static function perCriterionAndMonth(): array {
		$sums = [];
		foreach (self::ratings() as [$month, , $criterion, , $score]) {
			$sums[$criterion][$month][] = $score;
		}
		return array_map(static fn (array $months): array => array_map(static fn (array $s): float => array_sum($s) / count($s), $months), $sums);
	}

	private static function document(string $language): Document {
		$components = self::perComponent();
		$trend = self::perCriterionAndMonth();
		$means = array_map(static fn (array $t): float => round($t['sum'] / $t['n'], 2), $components);
		$document = new Document(new TitlePage('Quartalsbericht Testpilot', 'Q4 2026', ['Pilot: Testpilot', 'Zeitraum: 2026-10-01 bis 2026-12-31'], 'Vorläufig'), $language);
		$document->add(new Heading('Methode', 1))
			->add(new Paragraph('Mittelwert aller Bewertungen; n ist die Zahl der Bewertungen.'))
			->add(new Heading('Bewertungen je Komponente', 1))
			->add(new Chart('bar', 'Mittel je Komponente', 'Balkendiagramm der Mittelwerte je Komponente', array_keys($means), [new ChartSeries('Q4', array_values($means))]))
			->add(new Heading('Verlauf je Kriterium', 2))
			->add(new Chart('line', 'Verlauf je Kriterium', 'Liniendiagramm des Verlaufs', self::MONTHS, array_map(
				static fn (string $criterion): ChartSeries => new ChartSeries($criterion, array_values(array_map(static fn (float $v): float => round($v, 2), $trend[$criterion]))),
				self::CRITERIA,
			)))
			->add(new PageBreak())
			->add(new Heading('Alle Bewertungen', 1));
		$rows = [];
		foreach (self::ratings() as [$month, $component, $criterion, $assessment, $score]) {
			if ($month === '2026-12') {
				$rows[] = [$component . ' / ' . $criterion, $assessment, $score];
			}
		}
		return $document->add(new Table(['Komponente / Kriterium', 'Bewertung-Nr', 'Punkte'], $rows, 'Bewertungen im Dezember'));
	}

	private static function workbook(): Workbook {
		$ratings = (static function () {
			foreach (self::ratings() as $rating) {
				yield $rating;
			}
		})();
		$aggregates = (static function () {
			foreach (self::perComponent() as $component => $t) {
				yield [$component, $t['n'], $t['sum'] / $t['n']];
			}
		})();
		return new Workbook([
			new Sheet('Bewertungen', ['Monat', 'Komponente', 'Kriterium', 'Bewertung', 'Punkte'], $ratings),
			new Sheet('Je Komponente', ['Komponente', 'n', 'Mittel'], $aggregates),
		]);
	}

	private static function save(DocumentWriter|WorkbookWriter $writer, Document|Workbook $input, string $name): string {
		$path = self::$dir . '/' . $name . '.' . $writer->format();
		$stream = fopen($path, 'wb');
		\assert($stream !== false);
		/** @psalm-suppress PossiblyInvalidArgument */
		$writer->write($input, $stream);
		fclose($stream);
		return $path;
	}

	/** @param list<string> $files */
	private static function convert(array $files, string $target, string $outDir, string $inFilter = ''): void {
		@mkdir($outDir, 0700, true);
		$command = 'soffice -env:UserInstallation=' . escapeshellarg('file://' . self::$profile) . ' --headless --norestore'
			. ($inFilter === '' ? '' : ' --infilter=' . escapeshellarg($inFilter))
			. ' --convert-to ' . escapeshellarg($target) . ' --outdir ' . escapeshellarg($outDir)
			. ' ' . implode(' ', array_map('escapeshellarg', $files)) . ' 2>&1';
		exec($command, $output, $code);
		if ($code !== 0) {
			throw new RuntimeException("soffice failed ($code): " . implode("\n", $output));
		}
	}

	private static function exec(string $command): string {
		exec($command . ' 2>&1', $output, $code);
		if ($code !== 0) {
			throw new RuntimeException("$command failed ($code): " . implode("\n", $output));
		}
		return implode("\n", $output);
	}

	/** @return array{0: string, 1: int} the PDF's text and its number of pages */
	private static function pdf(string $path): array {
		$text = self::exec('pdftotext -layout ' . escapeshellarg($path) . ' -');
		preg_match('/^Pages:\s+(\d+)/m', self::exec('pdfinfo ' . escapeshellarg($path)), $pages);
		return [$text, (int)($pages[1] ?? 0)];
	}

	public function testDocumentsOpenInLibreOfficeWithTheirNumbersHeadingsChartsAndPageNumbers(): void {
		$odt = self::save(new OdtWriter(), self::document('de'), 'report');
		$docx = self::save(new DocxWriter(), self::document('de'), 'report-word');
		self::convert([$odt, $docx], 'pdf', self::$dir . '/out');

		foreach (['report', 'report-word'] as $name) {
			$pdf = self::$dir . "/out/$name.pdf";
			$this->assertFileExists($pdf, "LibreOffice converted $name");
			[$text, $pages] = self::pdf($pdf);
			$words = preg_replace('/\s+/u', ' ', $text) ?? '';
			foreach (['Quartalsbericht Testpilot', 'Vorläufig', 'Pilot: Testpilot', 'Methode', 'Bewertungen je Komponente', 'Verlauf je Kriterium', 'Alle Bewertungen'] as $heading) {
				$this->assertStringContainsString($heading, $words, "$name shows \"$heading\"");
			}
			// The chart's data table: component and its mean, computed here from the ratings, with
			// two decimals and a decimal comma like every mean of the column.
			foreach (self::perComponent() as $component => $t) {
				$mean = number_format($t['sum'] / $t['n'], 2, ',', '');
				$this->assertMatchesRegularExpression('/' . preg_quote($component, '/') . '\s+' . preg_quote($mean, '/') . '\s/u', $text, "$name: mean of $component");
			}
			foreach (self::perCriterionAndMonth()['Stabilität'] as $month => $mean) {
				$this->assertStringContainsString(number_format($mean, 2, ',', ''), $text, "$name: trend of Stabilität in $month");
			}
			// The long table: every December rating, its header repeated on each of its pages.
			$this->assertSame(count(self::COMPONENTS) * count(self::CRITERIA) * self::ASSESSMENTS, preg_match_all('/^\s*(Anmeldung|Übersicht|Suche) \/ \S+\s+\d+\s+[1-5]\s*$/mu', $text), "$name: all rows");
			$this->assertGreaterThanOrEqual(4, $pages);
			// Every page but the title page, the contents and the two pages of charts.
			$this->assertGreaterThanOrEqual($pages - 4, substr_count($text, 'Bewertung-Nr'), "$name repeats the table header");
			// Page numbers in the footer.
			$this->assertStringContainsString("Seite 1 von $pages", $words);
			$this->assertStringContainsString("Seite $pages von $pages", $words);
			// Both charts are pictures in the PDF.
			$images = array_slice(explode("\n", self::exec('pdfimages -list ' . escapeshellarg($pdf))), 2);
			$this->assertCount(2, $images, "$name has the two chart images");
		}
	}

	public function testLibreOfficeReadsHeadingLevelsAndAltTextFromTheDocx(): void {
		$docx = self::save(new DocxWriter(), self::document('en'), 'structure');
		self::convert([$docx], 'odt', self::$dir . '/odt');
		$zip = new ZipArchive();
		$this->assertTrue($zip->open(self::$dir . '/odt/structure.odt'));
		$content = (string)$zip->getFromName('content.xml');
		$zip->close();

		// (The heading may hold the bookmark the table of contents refers to.)
		$this->assertMatchesRegularExpression('/<text:h [^>]*text:outline-level="1"[^>]*>(<text:bookmark[^>]*>)*Methode</', $content);
		$this->assertMatchesRegularExpression('/<text:h [^>]*text:outline-level="2"[^>]*>(<text:bookmark[^>]*>)*Verlauf je Kriterium</', $content);
		$this->assertStringContainsString('<svg:desc>Balkendiagramm der Mittelwerte je Komponente</svg:desc>', $content);
		$this->assertStringContainsString('<table:table-header-rows>', $content);
	}

	public function testSpreadsheetsOpenInLibreOfficeWithNumbersAsNumbers(): void {
		$ods = self::save(new OdsWriter(), self::workbook(), 'data');
		$xlsx = self::save(new XlsxWriter(), self::workbook(), 'data-excel');
		// Every sheet to its own CSV; text cells quoted, numbers not, as stored (not as shown).
		self::convert([$ods, $xlsx], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1', self::$dir . '/csv');

		$expected = [['"Monat"', '"Komponente"', '"Kriterium"', '"Bewertung"', '"Punkte"']];
		foreach (self::ratings() as [$month, $component, $criterion, $assessment, $score]) {
			$expected[] = ['"' . $month . '"', '"' . $component . '"', '"' . $criterion . '"', (string)$assessment, (string)$score];
		}
		foreach (['data', 'data-excel'] as $name) {
			$lines = file(self::$dir . "/csv/$name-Bewertungen.csv", FILE_IGNORE_NEW_LINES) ?: [];
			$this->assertSame(array_map(static fn (array $row): string => implode(',', $row), $expected), $lines, "$name: every rating, numbers unquoted");
			$aggregates = self::readCsv(self::$dir . "/csv/$name-Je Komponente.csv");
			$this->assertSame(['Komponente', 'n', 'Mittel'], $aggregates[0]);
			$i = 1;
			foreach (self::perComponent() as $component => $t) {
				$this->assertSame($component, $aggregates[$i][0]);
				$this->assertSame($t['n'], (int)$aggregates[$i][1]);
				$this->assertEqualsWithDelta($t['sum'] / $t['n'], (float)$aggregates[$i][2], 1e-9, "$name: mean of $component");
				$i++;
			}
		}
	}

	public function testLibreOfficeReadsTheCsvWithUmlautsQuotesAndGuardedFormulas(): void {
		$rows = (static function () {
			yield ['Übersicht', 3.75, 'Komma, "Anführung" und' . "\n" . 'Zeilenumbruch'];
			yield ['=1+1', -2, '@SUM(A1)'];
		})();
		$csv = self::save(new CsvWriter(), new Workbook([new Sheet('Daten', ['Komponente', 'Wert', 'Text'], $rows)]), 'plain');
		// Read as UTF-8 CSV (the BOM is skipped), written back as CSV with text quoted.
		self::convert([$csv], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false', self::$dir . '/csv-back', 'CSV:44,34,76,1');

		$back = self::readCsv(self::$dir . '/csv-back/plain.csv');
		$this->assertSame([
			['Komponente', 'Wert', 'Text'],
			['Übersicht', '3.75', "Komma, \"Anführung\" und\nZeilenumbruch"],
			["'=1+1", '-2', "'@SUM(A1)"],
		], $back);
	}
}
