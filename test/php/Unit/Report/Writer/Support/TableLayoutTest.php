<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Writer\Support\TableLayout;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class TableLayoutTest extends TestCase {
	private const TITLE = 'Das Speichern einer großen Tabelle in WebOffice dauert über eine Minute und schlägt manchmal fehl';

	public function testKindsAreInferredFromTheCells(): void {
		$layout = TableLayout::of(new Table(
			['ID', 'Titel', 'Erfasst', 'Mittelwert', 'n', 'Leer', 'Gemischt'],
			[
				[16, self::TITLE, '2026-11-03', 3.0, 12, null, 'nein'],
				[7, 'Kurz', '2026-12-01', null, 0, null, 4],
			],
		), 'de');
		$this->assertSame([Table::INTEGER, Table::TEXT, Table::CODE, Table::DECIMAL, Table::INTEGER, Table::CODE, Table::TEXT], $layout->kinds);
		$this->assertTrue($layout->isNumeric(0));
		$this->assertFalse($layout->isNumeric(2));
	}

	public function testAColumnKindGivenByTheTableWins(): void {
		$layout = TableLayout::of(new Table(['Komponente', 'Veränderung'], [['Suche', 0.25], ['Anmeldung', 1]], '', [1 => Table::CHANGE]), 'de');
		$this->assertSame([Table::CODE, Table::CHANGE], $layout->kinds);
		$this->assertSame('+0,25', $layout->cell(0.25, 1));
		$this->assertSame('+1,00', $layout->cell(1, 1));
	}

	/** @return iterable<string, array{0: string, 1: list<string|int|float|null>, 2: list<string>}> */
	public static function columns(): iterable {
		yield 'means in German: two decimals each, a decimal comma' => ['de', [3.0, 3.22, 4.5, null], ['3,00', '3,22', '4,50', 'keine Daten']];
		yield 'means in English: a decimal point' => ['en', [3.0, 3.22, 4.5, null], ['3.00', '3.22', '4.50', 'no data']];
		yield 'counts stay whole numbers' => ['de', [0, 12, 1234], ['0', '12', '1234']];
		yield 'a negative mean has a real minus sign' => ['de', [-0.5, 0.004], ["\u{2212}0,50", '0,00']];
	}

	/**
	 * @param list<string|int|float|null> $cells
	 * @param list<string> $expected
	 */
	#[DataProvider('columns')]
	public function testNumbersOfAColumnAreShownAlike(string $language, array $cells, array $expected): void {
		$layout = TableLayout::of(new Table(['Wert'], array_map(static fn ($c): array => [$c], $cells)), $language);
		$this->assertSame($expected, array_map(static fn ($c): string => $layout->cell($c, 0), $cells));
	}

	public function testAChangeCarriesItsSign(): void {
		$layout = TableLayout::of(new Table(['Veränderung'], [[0.25], [-0.1], [0.0], [null]], '', [Table::CHANGE]), 'de');
		$this->assertSame(['+0,25', "\u{2212}0,10", '0,00', 'keine Daten'], array_map(static fn ($c): string => $layout->cell($c, 0), [0.25, -0.1, 0.0, null]));
	}

	public function testFixedColumnsAreAsWideAsTheirContentAndTextTakesTheRest(): void {
		$layout = TableLayout::of(new Table(['ID', 'Titel', 'Erfasst'], [[16, self::TITLE, '2026-11-03'], [123, 'Kurz', '2026-12-01']]), 'de');
		$this->assertFalse($layout->landscape);
		$this->assertEqualsWithDelta(TableLayout::PORTRAIT_CM, array_sum($layout->widths), 1e-9);
		// Each fixed column holds its widest cell on one line, and no more than a little extra.
		$this->assertGreaterThanOrEqual(TableLayout::width('123', false), $layout->widths[0]);
		$this->assertGreaterThanOrEqual(TableLayout::width('2026-11-03', false), $layout->widths[2]);
		$this->assertLessThan(3.0, $layout->widths[2]);
		// The long title gets what is left.
		$this->assertGreaterThan(11.0, $layout->widths[1]);
	}

	public function testAHeaderBreaksOnlyBetweenWords(): void {
		$layout = TableLayout::of(new Table(['Typ', 'Neu', 'Weitergeleitet', 'Nicht beurteilbar'], [['Fehler', 1, 2, 3]]), 'de');
		$this->assertGreaterThanOrEqual(TableLayout::width('Weitergeleitet', true), $layout->widths[2]);
		$this->assertGreaterThanOrEqual(TableLayout::width('beurteilbar', true), $layout->widths[3]);
	}

	public function testATableTooWideForPortraitGoesOnALandscapePage(): void {
		$statuses = ['Neu', 'In Prüfung', 'Angenommen', 'Weitergeleitet', 'In Bearbeitung', 'Erledigt', 'Abgelehnt', 'Duplikat'];
		$wide = TableLayout::of(new Table(['Typ', ...$statuses, 'Summe'], [['Anforderung', 1, 0, 2, 0, 0, 1, 1, 0, 5]]), 'de');
		$this->assertTrue($wide->landscape);
		$this->assertSame(TableLayout::LANDSCAPE_CM, $wide->textWidth());
		$this->assertEqualsWithDelta(TableLayout::LANDSCAPE_CM, array_sum($wide->widths), 1e-9);
		$this->assertFalse(TableLayout::of(new Table(['Monat', 'Erfasst', 'Geschlossen'], [['2026-11', 3, 1]]), 'de')->landscape);
	}

	public function testATableWiderThanLandscapeShrinksEvenly(): void {
		$layout = TableLayout::of(new Table(array_map(static fn (int $i): string => 'Spalte' . $i, range(1, 20)), [array_fill(0, 20, '2026-11-03')]), 'de');
		$this->assertTrue($layout->landscape);
		$this->assertEqualsWithDelta(TableLayout::LANDSCAPE_CM, array_sum($layout->widths), 1e-9);
		$this->assertEqualsWithDelta($layout->widths[0], $layout->widths[19], 1e-9);
	}

	public function testAHeaderDoesNotBreakAtAHyphenInsideAWord(): void {
		$layout = TableLayout::of(new Table(['n 2026-11', 'Mittelwert 2026-Q3', 'Ab - bis'], []), 'de');
		$this->assertSame("n 2026\u{2011}11", $layout->header('n 2026-11'));
		$this->assertSame("Mittelwert 2026\u{2011}Q3", $layout->header('Mittelwert 2026-Q3'));
		$this->assertSame('Ab - bis', $layout->header('Ab - bis'));
	}
}
