<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationFigures;
use OCA\PilotFeedback\Model\MonthRange;
use PHPUnit\Framework\TestCase;

final class ConsolidationFiguresTest extends TestCase {
	public function testTheMeanIsRoundedToTwoDecimalsAndNullWithoutScores(): void {
		self::assertNull(ConsolidationFigures::mean(0, 0));
		self::assertSame(4.0, ConsolidationFigures::mean(12, 3));
		self::assertSame(2.33, ConsolidationFigures::mean(7, 3));
		self::assertSame(1.67, ConsolidationFigures::mean(5, 3));
	}

	public function testTheRangeNamesItsMonths(): void {
		self::assertSame(
			['from' => '2025-12', 'to' => '2026-02', 'months' => ['2025-12', '2026-01', '2026-02']],
			ConsolidationFigures::range(MonthRange::between('2025-12', '2026-02')),
		);
	}
}
