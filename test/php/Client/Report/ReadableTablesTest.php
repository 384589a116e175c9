<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Client\Report;

use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Real-client check that a report reads like a report: LibreOffice lays out the ODT and the
 * DOCX of ReportFixture and converts them to PDF; the text of each page (pdftotext -layout) must
 * show ids and dates unbroken, headers broken only between words, numbers in the document's
 * language with the same decimals down a column, "no data" in words, the wide tables on
 * landscape pages, a filled table of contents and "Page n of m" on every page.
 *
 * Run: make test-documents
 */
final class ReadableTablesTest extends TestCase {
	private static string $dir;

	public static function setUpBeforeClass(): void {
		foreach (['soffice', 'pdftotext', 'pdfinfo'] as $program) {
			exec('command -v ' . escapeshellarg($program), $output, $code);
			if ($code !== 0) {
				throw new RuntimeException("$program is required: apt-get install libreoffice-writer-nogui poppler-utils");
			}
		}
		self::$dir = sys_get_temp_dir() . '/pf-lo-tables-' . getmypid() . '-' . bin2hex(random_bytes(4));
		mkdir(self::$dir, 0700, true);
		$files = [];
		foreach (['de', 'en'] as $language) {
			foreach ([new OdtWriter(), new DocxWriter()] as $writer) {
				$files[] = self::save($writer, $language);
			}
		}
		self::shell('soffice -env:UserInstallation=' . escapeshellarg('file://' . self::$dir . '/profile') . ' --headless --norestore --convert-to pdf --outdir '
			. escapeshellarg(self::$dir . '/pdf') . ' ' . implode(' ', array_map('escapeshellarg', $files)));
	}

	public static function tearDownAfterClass(): void {
		exec('rm -rf ' . escapeshellarg(self::$dir));
	}

	private static function save(DocumentWriter $writer, string $language): string {
		// Different names: LibreOffice names each PDF after its source.
		$path = self::$dir . "/report-$language-" . $writer->format() . '.' . $writer->format();
		$stream = fopen($path, 'wb');
		\assert($stream !== false);
		$writer->write(ReportFixture::document($language), $stream);
		fclose($stream);
		return $path;
	}

	private static function shell(string $command): string {
		exec($command . ' 2>&1', $output, $code);
		if ($code !== 0) {
			throw new RuntimeException("$command failed ($code): " . implode("\n", $output));
		}
		return implode("\n", $output);
	}

	/**
	 * The PDF's pages: text as laid out, and whether the page is landscape.
	 *
	 * @return list<array{text: string, landscape: bool}>
	 */
	private static function pages(string $pdf): array {
		preg_match_all('/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/m', self::shell('pdfinfo -f 1 -l 999 ' . escapeshellarg($pdf)), $sizes, PREG_SET_ORDER);
		$pages = [];
		foreach ($sizes as [, $page, $width, $height]) {
			$pages[] = [
				'text' => self::shell('pdftotext -layout -f ' . $page . ' -l ' . $page . ' ' . escapeshellarg($pdf) . ' -'),
				'landscape' => (float)$width > (float)$height,
			];
		}
		return $pages;
	}

	/** @return iterable<string, array{0: string, 1: string}> */
	public static function documents(): iterable {
		foreach (['de', 'en'] as $language) {
			foreach (['odt', 'docx'] as $format) {
				yield "$language $format" => [$language, $format];
			}
		}
	}

	#[DataProvider('documents')]
	public function testTablesReadLikeAReport(string $language, string $format): void {
		$de = $language === 'de';
		$pages = self::pages(self::$dir . "/pdf/report-$language-$format.pdf");
		$count = count($pages);
		$this->assertGreaterThanOrEqual(5, $count);
		$text = implode("\n", array_column($pages, 'text'));

		// Ids and dates on one line: the id before the start of its title, the date whole.
		$this->assertMatchesRegularExpression('/^\s*16\s+' . ($de ? 'Das Speichern' : 'Saving a') . '/mu', $text, 'id 16 unbroken');
		$this->assertMatchesRegularExpression('/^\s*123\s+' . ($de ? 'Anmeldeschleife' : 'Login loop') . '/mu', $text, 'id 123 unbroken');
		$this->assertMatchesRegularExpression('/\s2026-11-03\s*$/mu', $text, 'date unbroken');
		$this->assertMatchesRegularExpression('/\s2026-12-01\s*$/mu', $text, 'date unbroken');
		// Headers break between words only: every word of every header is whole somewhere.
		$words = $de
			? ['Kategorie', 'Komponente', 'Kriterium', 'Mittelwert', 'beurteilbar', 'Unterstützende', 'Organisationen', 'Unterstützer', 'Punktzahl', 'Weitergeleitet', 'Bearbeitung', 'Angenommen', 'Abgelehnt', 'Duplikat', 'Priorität', 'Organisation', 'Erfasst', 'Veränderung']
			: ['Category', 'Component', 'Criterion', 'assessed', 'Supporting', 'organisations', 'Supporters', 'Forwarded', 'progress', 'Accepted', 'Rejected', 'Duplicate', 'Priority', 'Organisation', 'Filed', 'Change'];
		foreach ($words as $word) {
			$this->assertMatchesRegularExpression('/(?<!\w)' . preg_quote($word, '/') . '(?!\w)/u', $text, "header word \"$word\" whole");
		}
		// Nothing breaks after a hyphen ("n 2026-" over "Q3").
		$this->assertDoesNotMatchRegularExpression('/\d[\-\x{2011}](?=\s)/u', $text, 'no "2026-" without what follows its hyphen');
		$this->assertMatchesRegularExpression('/\sn 2026[\-\x{2011}]Q3\s/u', $text, 'the header keeps its period in one piece');
		// Numbers in the document's language, two decimals for every mean, a sign on a change.
		$n = static fn (string $number): string => $de ? $number : strtr($number, ',', '.');
		$noData = $de ? 'keine Daten' : 'no data';
		$this->assertMatchesRegularExpression('/Dateiablage\s+' . ($de ? 'Gesamtbewertung' : 'Overall score') . '\s+' . preg_quote($n('3,00')) . '\s+12\s/u', $text);
		$this->assertMatchesRegularExpression('/WebOffice\s+' . ($de ? 'Gesamtbewertung' : 'Overall score') . '\s+' . $noData . '\s+0\s+4\s/u', $text);
		$this->assertMatchesRegularExpression('/Dateiablage\s+' . preg_quote($n('2,75')) . '\s+8\s+' . preg_quote($n('3,00')) . '\s+12\s+\+' . preg_quote($n('0,25')) . '\s*$/mu', $text);
		$this->assertMatchesRegularExpression('/WebOffice\s+' . preg_quote($n('3,32')) . '\s+5\s+' . preg_quote($n('3,22')) . "\\s+9\\s+\u{2212}" . preg_quote($n('0,10')) . '\s*$/mu', $text);
		$this->assertMatchesRegularExpression('/Kalender\s+' . $noData . '\s+0\s+' . preg_quote($n('4,50')) . '\s+2\s+' . $noData . '\s*$/mu', $text);
		$this->assertDoesNotMatchRegularExpression('/\d' . ($de ? ',' : '\.') . '\d(?!\d)/u', preg_replace('/\d{4}-\d{2}(-\d{2})?|\(\d{4}-Q\d\)/', '', $text) ?? '', 'no number with one decimal');

		// The wide tables (statuses as columns, the open items) are on a landscape page, the narrow ones not.
		$pageOf = static function (string $needle) use ($pages): int {
			foreach ($pages as $i => $page) {
				if (str_contains(preg_replace('/\s+/u', ' ', $page['text']) ?? '', $needle)) {
					return $i + 1;
				}
			}
			return 0;
		};
		$openItems = $pageOf($de ? 'Offene kritische und hohe Meldungen, dringendste' : 'Open critical and high items, most urgent');
		$byStatus = $pageOf($de ? 'Im Zeitraum erfasste Meldungen' : 'Items filed in the period by type');
		$changes = $pageOf($de ? 'Mittlere Gesamtbewertung je Komponente in diesem' : 'Mean overall score per component in this');
		$this->assertTrue($pages[$openItems - 1]['landscape'], 'open items on a landscape page');
		$this->assertTrue($pages[$byStatus - 1]['landscape'], 'items by status on a landscape page');
		$this->assertFalse($pages[$changes - 1]['landscape'], 'changes on a portrait page');
		$this->assertFalse($pages[0]['landscape'], 'title page portrait');

		// Page numbers on every page, landscape ones included.
		foreach ($pages as $i => $page) {
			$this->assertStringContainsString(($de ? 'Seite ' : 'Page ') . ($i + 1) . ($de ? ' von ' : ' of ') . $count, $page['text'], 'page number on page ' . ($i + 1));
		}
		// The table of contents on page 2, filled in, with the pages the headings are on.
		$this->assertStringContainsString($de ? 'Inhalt' : 'Contents', $pages[1]['text']);
		$heading = $de ? 'Offene kritische und hohe Meldungen' : 'Open critical and high items';
		$this->assertMatchesRegularExpression('/' . preg_quote($heading, '/') . '\s*\.{3,}\s*' . $openItems . '\s*$/mu', $pages[1]['text'], 'contents give the page of the open items');
		// The title page keeps its mark.
		$this->assertStringContainsString($de ? 'Vorläufig' : 'Preliminary', $pages[0]['text']);
	}
}
