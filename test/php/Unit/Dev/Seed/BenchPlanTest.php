<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Dev\Seed;

use OCA\PilotFeedbackDev\Seed\BenchPlan;
use PHPUnit\Framework\TestCase;

/**
 * The arithmetic of the bench data. Organisation 1 has components 100 and 101 (100 in two of
 * its pilots), organisation 2 only component 200; users u1 and u2 are of organisation 1, u3
 * of organisation 2; periods 7 (newest) and 6.
 */
final class BenchPlanTest extends TestCase {
	private const ORG_COMPONENTS = [1 => [[100, 10], [101, 10], [100, 11]], 2 => [[200, 20]]];
	private const USER_ORGS = ['u1' => 1, 'u2' => 1, 'u3' => 2];

	/** @return list<array{0: int, 1: int, 2: string, 3: int, 4: int, 5: int}> */
	private static function slots(int $perPeriod): array {
		return iterator_to_array(BenchPlan::slots(self::ORG_COMPONENTS, self::USER_ORGS, [7, 6], $perPeriod), false);
	}

	public function testTheUsersAreSplitInBlocksBetweenTheOrganisations(): void {
		self::assertSame(
			['bench-user-0001' => 3, 'bench-user-0002' => 3, 'bench-user-0003' => 3, 'bench-user-0004' => 5, 'bench-user-0005' => 5],
			BenchPlan::users(5, [3, 5]),
		);
	}

	public function testTheAssessmentsSpreadEvenlyOverTheMonths(): void {
		// the benchmark's defaults (scripts/bench.sh): 8 334 a month, 42 components per tester
		self::assertSame(['months' => 12, 'perPeriod' => 8334, 'perUser' => 42], BenchPlan::spread(100000, 12, 200));
		self::assertSame(['months' => 1, 'perPeriod' => 10, 'perUser' => 4], BenchPlan::spread(10, 0, 3));
		self::assertSame(['months' => 0, 'perPeriod' => 0, 'perUser' => 0], BenchPlan::spread(0, 12, 200));
	}

	public function testAPartlyFilledMonthCoversEveryUserOnceEachStartingAtAnotherComponent(): void {
		self::assertSame([
			[0, 7, 'u1', 1, 100, 10], [0, 7, 'u2', 1, 101, 10], [0, 7, 'u3', 2, 200, 20],
			[1, 6, 'u1', 1, 100, 10], [1, 6, 'u2', 1, 101, 10], [1, 6, 'u3', 2, 200, 20],
		], self::slots(3));
	}

	public function testTheSlotsGoComponentByComponentUntilTheMonthIsFull(): void {
		self::assertSame([
			[0, 7, 'u1', 1, 100, 10], [0, 7, 'u2', 1, 101, 10], [0, 7, 'u3', 2, 200, 20], [0, 7, 'u1', 1, 101, 10],
			[1, 6, 'u1', 1, 100, 10], [1, 6, 'u2', 1, 101, 10], [1, 6, 'u3', 2, 200, 20], [1, 6, 'u1', 1, 101, 10],
		], self::slots(4));
	}

	public function testEveryUserRatesEveryPairOnceWhenTheMonthHasRoom(): void {
		$slots = self::slots(100);
		$u2 = array_values(array_filter($slots, static fn (array $s): bool => $s[2] === 'u2' && $s[1] === 7));
		// u2 starts at the second pair and wraps around to the first
		self::assertSame([[101, 10], [100, 11], [100, 10]], array_map(static fn (array $s): array => [$s[4], $s[5]], $u2));
	}

	public function testAMonthHoldsNoMoreThanEachUserHasComponentsAndNoSlotTwice(): void {
		$slots = self::slots(100);
		// u1 and u2 rate 100 in pilots 10 and 11 and 101 in pilot 10, u3 only 200: seven a month
		self::assertSame([7, 7], array_values(array_count_values(array_column($slots, 1))));
		$keys = array_map(static fn (array $s): string => $s[2] . '/' . $s[5] . '/' . $s[4] . '/' . $s[1], $slots);
		self::assertSame($keys, array_values(array_unique($keys)));
	}

	public function testNothingWithoutPeriodsOrRoom(): void {
		self::assertSame([], iterator_to_array(BenchPlan::slots(self::ORG_COMPONENTS, self::USER_ORGS, [], 10), false));
		self::assertSame([], self::slots(0));
	}
}
