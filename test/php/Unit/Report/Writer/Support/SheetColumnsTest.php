<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Writer\Support\SheetColumns;
use PHPUnit\Framework\TestCase;

final class SheetColumnsTest extends TestCase {
	public function testWidthsFollowHeaderAndCellsWithinBounds(): void {
		$columns = SheetColumns::of(new Sheet('Meldungen', ['Nr.', 'Titel', 'Erfasst', 'Mittel'], [
			[16, str_repeat('Lang ', 30), '2026-11-03', 3.25],
			[123456, 'Kurz', null, null],
		]));
		$this->assertSame([SheetColumns::MIN + 2, SheetColumns::MAX, 12, 8], $columns->widths);
	}

	public function testEveryRowOfAGeneratorIsHandedOnOnceInOrder(): void {
		$rows = (static function (): \Generator {
			for ($i = 1; $i <= 250; $i++) {
				yield [$i, 'Zeile ' . $i];
			}
		})();
		$columns = SheetColumns::of(new Sheet('Daten', ['n', 'Text'], $rows));
		$seen = [];
		foreach ($columns->rows as $row) {
			$seen[] = $row[0];
		}
		$this->assertSame(range(1, 250), $seen);
	}
}
