<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Report\ManagementSummary;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * The management summary's rules: a mean is green from the green threshold, amber from the
 * amber one, red below and "none" without scores; a change of less than 0.05 is unchanged,
 * a mean without a previous one is new, no mean has nothing to compare.
 */
final class ManagementSummaryTest extends TestCase {
	/** @return iterable<string, array{?float, string}> */
	public static function lights(): iterable {
		yield 'no score' => [null, ManagementSummary::LIGHT_NONE];
		yield 'the top' => [5.0, ManagementSummary::LIGHT_GREEN];
		yield 'exactly green' => [4.0, ManagementSummary::LIGHT_GREEN];
		yield 'just below green' => [3.99, ManagementSummary::LIGHT_AMBER];
		yield 'exactly amber' => [3.0, ManagementSummary::LIGHT_AMBER];
		yield 'just below amber' => [2.99, ManagementSummary::LIGHT_RED];
		yield 'the bottom' => [1.0, ManagementSummary::LIGHT_RED];
	}

	#[DataProvider('lights')]
	public function testTheLightFollowsTheThresholds(?float $mean, string $light): void {
		self::assertSame($light, ManagementSummary::light($mean, 4.0, 3.0));
	}

	public function testTheLightFollowsOtherThresholds(): void {
		self::assertSame(ManagementSummary::LIGHT_AMBER, ManagementSummary::light(4.2, 4.5, 3.5));
		self::assertSame(ManagementSummary::LIGHT_RED, ManagementSummary::light(3.4, 4.5, 3.5));
		self::assertSame(ManagementSummary::LIGHT_GREEN, ManagementSummary::light(4.5, 4.5, 3.5));
	}

	/** @return iterable<string, array{?float, ?float, string, ?float}> */
	public static function changes(): iterable {
		yield 'up' => [4.0, 3.5, ManagementSummary::TREND_IMPROVED, 0.5];
		yield 'down' => [3.0, 3.5, ManagementSummary::TREND_DECLINED, -0.5];
		yield 'same' => [3.5, 3.5, ManagementSummary::TREND_UNCHANGED, 0.0];
		yield 'a little up' => [3.54, 3.5, ManagementSummary::TREND_UNCHANGED, 0.04];
		yield 'a little down' => [3.46, 3.5, ManagementSummary::TREND_UNCHANGED, -0.04];
		yield 'exactly epsilon up' => [3.55, 3.5, ManagementSummary::TREND_IMPROVED, 0.05];
		yield 'exactly epsilon down' => [3.45, 3.5, ManagementSummary::TREND_DECLINED, -0.05];
		yield 'no previous mean' => [3.5, null, ManagementSummary::TREND_NEW, null];
		yield 'no mean now' => [null, 3.5, ManagementSummary::TREND_NONE, null];
		yield 'neither' => [null, null, ManagementSummary::TREND_NONE, null];
	}

	#[DataProvider('changes')]
	public function testTheChangeIsAWord(?float $now, ?float $before, string $trend, ?float $change): void {
		self::assertSame($trend, ManagementSummary::trend($now, $before));
		self::assertSame($change, ManagementSummary::change($now, $before));
	}

	public function testRowsTakeTheFiguresAsGivenAndCountTheLights(): void {
		$result = static fn (int $id, ?float $mean, int $n): array => ['componentId' => $id, 'overall' => ['mean' => $mean, 'n' => $n]];
		$rows = ManagementSummary::rows(
			[$result(1, 4.25, 8), $result(2, 3.0, 4), $result(3, 2.5, 2), $result(4, null, 0)],
			[$result(1, 4.0, 6), $result(2, 3.02, 5), $result(3, 3.0, 3)],
			[2 => 3, 3 => 1, 9 => 5],
			4.0,
			3.0,
		);
		self::assertSame([
			['componentId' => 1, 'mean' => 4.25, 'n' => 8, 'previousMean' => 4.0, 'change' => 0.25, 'trend' => 'improved', 'light' => 'green', 'openUrgent' => 0],
			['componentId' => 2, 'mean' => 3.0, 'n' => 4, 'previousMean' => 3.02, 'change' => -0.02, 'trend' => 'unchanged', 'light' => 'amber', 'openUrgent' => 3],
			['componentId' => 3, 'mean' => 2.5, 'n' => 2, 'previousMean' => 3.0, 'change' => -0.5, 'trend' => 'declined', 'light' => 'red', 'openUrgent' => 1],
			['componentId' => 4, 'mean' => null, 'n' => 0, 'previousMean' => null, 'change' => null, 'trend' => 'none', 'light' => 'none', 'openUrgent' => 0],
		], $rows);
		// items of a component outside the results (9) are not the pilot's components' items
		self::assertSame(['green' => 1, 'amber' => 1, 'red' => 1, 'none' => 1, 'openUrgent' => 4], ManagementSummary::tally($rows));
	}
}
