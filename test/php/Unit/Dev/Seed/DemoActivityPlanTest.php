<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Dev\Seed;

use OCA\PilotFeedbackDev\Seed\DemoActivityPlan;
use PHPUnit\Framework\TestCase;

final class DemoActivityPlanTest extends TestCase {
	private const CLOSING = ['done', 'rejected', 'duplicate'];

	/** @return array{0: array<string, array{orgId: int, testers: list<string>, coordinator: string, components: list<array{componentId: int, pilotId: int}>}>, 1: list<int>, 2: array<string, int>, 3: int} */
	private static function input(): array {
		$orgs = [
			'RKI' => ['orgId' => 1, 'testers' => ['rki-tester1', 'rki-tester2'], 'coordinator' => 'rki-coord', 'components' => [['componentId' => 10, 'pilotId' => 1], ['componentId' => 11, 'pilotId' => 1], ['componentId' => 12, 'pilotId' => 2]]],
			'BSH' => ['orgId' => 2, 'testers' => ['bsh-tester1', 'bsh-tester2'], 'coordinator' => 'bsh-coord', 'components' => [['componentId' => 10, 'pilotId' => 1], ['componentId' => 12, 'pilotId' => 2]]],
		];
		$starts = [];
		foreach (['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] as $month) {
			$starts[$month] = (new \DateTimeImmutable($month . '-01 00:00:00', new \DateTimeZone('UTC')))->getTimestamp();
		}
		$now = $starts['2026-12'] + 10 * 86400;
		return [$orgs, [101, 102, 103], $starts, $now];
	}

	public function testTheSameInputGivesTheSamePlan(): void {
		[$orgs, $criteria, $starts, $now] = self::input();
		$first = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		mt_srand(1);
		mt_rand();
		self::assertSame($first, DemoActivityPlan::build($orgs, $criteria, $starts, $now));
	}

	public function testRatingsCoverEveryMonthAndBothOrganisationsWithVariedScores(): void {
		[$orgs, $criteria, $starts, $now] = self::input();
		$plan = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		$months = array_unique(array_column($plan['ratings'], 'month'));
		sort($months);
		self::assertSame(array_keys($starts), $months);
		self::assertEqualsCanonicalizing([1, 2], array_values(array_unique(array_column($plan['ratings'], 'orgId'))));
		$overall = array_filter(array_column($plan['ratings'], 'overall'), static fn (?int $v): bool => $v !== null);
		self::assertGreaterThanOrEqual(3, count(array_unique($overall)), 'scores vary');
		foreach ($plan['ratings'] as $rating) {
			self::assertGreaterThanOrEqual($starts[$rating['month']], $rating['at']);
			self::assertLessThan($now, $rating['at']);
			self::assertSame($criteria, array_keys($rating['scores']));
			foreach ($rating['scores'] as $score) {
				self::assertTrue($score === null || ($score >= 1 && $score <= 5));
			}
		}
		// (user, pilot, component, month) is unique, as the database requires
		$keys = array_map(static fn (array $r): string => $r['userId'] . '/' . $r['pilotId'] . '/' . $r['componentId'] . '/' . $r['month'], $plan['ratings']);
		self::assertSame(count($keys), count(array_unique($keys)));
	}

	public function testOnlyTheFirstTesterOfEachOrganisationRatedTheCurrentMonthAndNotEverything(): void {
		[$orgs, $criteria, $starts, $now] = self::input();
		$plan = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		$current = array_filter($plan['ratings'], static fn (array $r): bool => $r['month'] === '2026-12');
		self::assertEqualsCanonicalizing(['rki-tester1', 'bsh-tester1'], array_values(array_unique(array_column($current, 'userId'))));
		$rated = [];
		foreach ($current as $rating) {
			$rated[$rating['userId']][] = $rating['componentId'];
		}
		// RKI has three components: the first two are rated, the third is left for the dashboard.
		self::assertSame([10, 11], $rated['rki-tester1']);
		// BSH has two, both rated.
		self::assertSame([10, 12], $rated['bsh-tester1']);
	}

	public function testPastMonthsAreReleasedUpToSomeMonthsAgoAfterTheirEnd(): void {
		[$orgs, $criteria, $starts, $now] = self::input();
		$plan = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		$released = [];
		foreach ($plan['releases'] as $release) {
			$released[$release['orgId']][] = $release['month'];
			self::assertGreaterThan($starts[$release['month']], $release['at']);
			self::assertLessThan($now, $release['at']);
		}
		self::assertSame(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], $released[1]);
		self::assertSame(['2026-06', '2026-07', '2026-08', '2026-09'], $released[2]);
	}

	public function testItemsAcrossMonthsSomeClosedInPastMonthsThroughTheirHistory(): void {
		[$orgs, $criteria, $starts, $now] = self::input();
		$plan = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		$items = $plan['items'];
		self::assertGreaterThanOrEqual(20, count($items));
		$filedMonths = array_unique(array_map(static fn (array $i): string => gmdate('Y-m', $i['createdAt']), $items));
		self::assertCount(7, $filedMonths);
		self::assertGreaterThanOrEqual(5, count(array_unique(array_column($items, 'status'))));
		$closedInPast = 0;
		foreach ($items as $item) {
			self::assertLessThan($now, $item['createdAt']);
			$status = 'new';
			$previous = $item['createdAt'];
			foreach ($item['history'] as $step) {
				self::assertGreaterThanOrEqual($previous, $step['at'], 'history in order');
				self::assertLessThan($now, $step['at']);
				$previous = $step['at'];
				if ($step['field'] === 'status') {
					self::assertSame($status, $step['old'], $item['title']);
					$status = (string)$step['new'];
					if (in_array($status, self::CLOSING, true) && $step['at'] < $starts['2026-12']) {
						$closedInPast++;
					}
				}
			}
			self::assertSame($status, $item['status'], 'the status is where the history ends');
			foreach ($item['supporters'] as $supporter) {
				self::assertNotSame($item['reporterId'], $supporter['userId']);
			}
		}
		self::assertGreaterThanOrEqual(4, $closedInPast);
		self::assertContains('security', array_column($items, 'type'));
		self::assertNotEmpty(array_filter(array_column($items, 'consPriority')));
	}

	public function testNothingIsPlannedAfterNow(): void {
		[$orgs, $criteria, $starts] = self::input();
		$now = $starts['2026-12'] + 3600;
		$plan = DemoActivityPlan::build($orgs, $criteria, $starts, $now);
		foreach ($plan['items'] as $item) {
			self::assertLessThan($now, $item['createdAt']);
			foreach ($item['history'] as $step) {
				self::assertLessThan($now, $step['at']);
			}
		}
		foreach ($plan['ratings'] as $rating) {
			self::assertLessThan($now, $rating['at']);
		}
	}
}
