<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Rating;

use OCA\PilotFeedback\Db\AssessmentPilotMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Rating\AssessmentPilotAssigner;
use OCA\PilotFeedback\Rating\AssessmentPilotRule;
use PHPUnit\Framework\TestCase;

/**
 * Which pilot an assessment made before 0.4.0 belongs to. Pilots: 1 "PoC 1" active since
 * 2026-03, 2 "PoC 2" active since 2026-01, 3 "PoC 3" planned, 4 closed after 2026-05, 5
 * active without dates. Organisation 7 takes part in 1, 2, 3 and 4; organisation 8 in none.
 */
final class AssessmentPilotAssignerTest extends TestCase {
	private const PILOTS = [
		1 => ['id' => 1, 'status' => 'active', 'startDate' => '2026-03-01', 'endDate' => null],
		2 => ['id' => 2, 'status' => 'active', 'startDate' => '2026-01-15', 'endDate' => null],
		3 => ['id' => 3, 'status' => 'planned', 'startDate' => null, 'endDate' => null],
		4 => ['id' => 4, 'status' => 'closed', 'startDate' => '2025-06-01', 'endDate' => '2026-05-31'],
		5 => ['id' => 5, 'status' => 'active', 'startDate' => null, 'endDate' => null],
	];

	/** @param list<int> $pilotIds */
	private static function choose(array $pilotIds, array $organisationPilots, string $month): array {
		return (new AssessmentPilotRule())->choose(array_map(static fn (int $id): array => self::PILOTS[$id], $pilotIds), $organisationPilots, $month);
	}

	public function testTheOnlyPilotOfTheOrganisationWithTheComponentThatRanThatMonth(): void {
		// PoC 3 is only planned: nothing was rated in it
		self::assertSame([1, AssessmentPilotRule::ONLY], self::choose([1, 3], [1, 3], '2026-11'));
		// PoC 1 started in March: in February only PoC 2 ran
		self::assertSame([2, AssessmentPilotRule::ONLY], self::choose([1, 2], [1, 2], '2026-02'));
		// the closed pilot ran until May
		self::assertSame([4, AssessmentPilotRule::ONLY], self::choose([4, 3], [3, 4], '2026-05'));
		// a pilot the organisation does not take part in does not count
		self::assertSame([1, AssessmentPilotRule::ONLY], self::choose([1, 2], [1], '2026-11'));
	}

	public function testOfSeveralThatRanTheOneThatStartedFirst(): void {
		self::assertSame([2, AssessmentPilotRule::EARLIEST], self::choose([1, 2], [1, 2], '2026-04'));
		self::assertSame([4, AssessmentPilotRule::EARLIEST], self::choose([1, 2, 4], [1, 2, 4], '2026-04'));
		// a pilot without a start date comes after those with one; among those without, the lowest id
		self::assertSame([1, AssessmentPilotRule::EARLIEST], self::choose([5, 1], [1, 5], '2026-04'));
		self::assertSame([5, AssessmentPilotRule::ONLY], self::choose([5], [5], '2020-01'));
	}

	public function testWhenNoneRanThatMonthTheOrganisationsFirstStartedPilot(): void {
		// rated in 2025-01, before any of its pilots started
		self::assertSame([4, AssessmentPilotRule::OUTSIDE_DATES], self::choose([1, 4], [1, 4], '2025-01'));
		self::assertSame([3, AssessmentPilotRule::OUTSIDE_DATES], self::choose([3], [3], '2026-11'));
	}

	public function testFallbackToTheFirstStartedPilotWithTheComponent(): void {
		self::assertSame([2, AssessmentPilotRule::FALLBACK], self::choose([1, 2, 3], [], '2026-11'));
		self::assertSame([0, AssessmentPilotRule::NONE], self::choose([], [1, 2], '2026-11'));
	}

	public function testTheAssignerDecidesPerGroupWritesInBatchesAndCountsPerRule(): void {
		$mapper = $this->createMock(AssessmentPilotMapper::class);
		$mapper->method('unassignedGroups')->willReturn([
			['orgId' => 7, 'componentId' => 100, 'periodId' => 11, 'month' => '2026-11'],
			['orgId' => 7, 'componentId' => 101, 'periodId' => 11, 'month' => '2026-11'],
			['orgId' => 7, 'componentId' => 102, 'periodId' => 11, 'month' => '2026-11'],
			['orgId' => 8, 'componentId' => 100, 'periodId' => 11, 'month' => '2026-11'],
			['orgId' => 7, 'componentId' => 103, 'periodId' => 11, 'month' => '2026-11'],
		]);
		$mapper->method('pilots')->willReturn(self::PILOTS);
		$mapper->method('countUnassigned')->willReturn(2);
		$written = [];
		$mapper->method('assign')->willReturnCallback(static function (int $orgId, int $periodId, array $componentIds, int $pilotId) use (&$written): int {
			$written[] = [$orgId, $periodId, $componentIds, $pilotId];
			return count($componentIds) * 3;
		});
		$links = $this->createMock(LinkMapper::class);
		// 100 and 101 only in PoC 1; 102 in PoC 1 and PoC 2; 103 in no pilot
		$links->method('leftsByRight')->with(Link::PilotComponents, [100, 101, 102, 103])->willReturn([100 => [1], 101 => [1], 102 => [1, 2]]);
		$links->method('rightsByLeft')->with(Link::OrganisationPilots)->willReturn([7 => [1, 2, 3, 4]]);

		$counts = (new AssessmentPilotAssigner($mapper, $links, new AssessmentPilotRule()))->assign();

		self::assertSame([
			[7, 11, [100, 101], 1],
			[7, 11, [102], 2],
			[8, 11, [100], 1],
		], $written, 'one update per organisation, period and pilot; nothing for the component in no pilot');
		self::assertSame([
			AssessmentPilotRule::ONLY => 6,
			AssessmentPilotRule::EARLIEST => 3,
			AssessmentPilotRule::OUTSIDE_DATES => 0,
			AssessmentPilotRule::FALLBACK => 3,
			AssessmentPilotRule::NONE => 2,
		], $counts);
	}

	public function testNothingToAssignReadsNothingElse(): void {
		$mapper = $this->createMock(AssessmentPilotMapper::class);
		$mapper->method('unassignedGroups')->willReturn([]);
		$mapper->expects(self::never())->method('assign');
		$links = $this->createMock(LinkMapper::class);
		$links->expects(self::never())->method('rightsByLeft');
		self::assertSame(0, array_sum((new AssessmentPilotAssigner($mapper, $links, new AssessmentPilotRule()))->assign()));
	}
}
