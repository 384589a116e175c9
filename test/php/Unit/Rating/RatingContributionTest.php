<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Rating;

use OCA\PilotFeedback\Rating\RatingContribution;
use PHPUnit\Framework\TestCase;

class RatingContributionTest extends TestCase {
	public function testAFirstRatingAddsOneRatingPerCriterionAndOneOverallAndARater(): void {
		$difference = RatingContribution::difference(null, new RatingContribution(1, true, 4, [20 => 5, 21 => null]));
		self::assertSame([
			'1:0' => ['orgId' => 1, 'criterionId' => 0, 'delta' => [1, 0, 0, 0, 1, 0]],
			'1:20' => ['orgId' => 1, 'criterionId' => 20, 'delta' => [1, 0, 0, 0, 0, 1]],
			'1:21' => ['orgId' => 1, 'criterionId' => 21, 'delta' => [1, 0, 0, 0, 0, 0]],
		], $difference['totals'], 'not assessed counts as a rating without a score');
		self::assertSame([1 => 1], $difference['raters']);
	}

	public function testAChangedScoreMovesOneCountAndLeavesTheRestAlone(): void {
		$difference = RatingContribution::difference(
			new RatingContribution(1, true, 4, [20 => 5, 21 => 3]),
			new RatingContribution(1, true, 4, [20 => 2, 21 => 3]),
		);
		self::assertSame(['1:20' => ['orgId' => 1, 'criterionId' => 20, 'delta' => [0, 0, 1, 0, 0, -1]]], $difference['totals']);
		self::assertSame([], $difference['raters'], 'still one rated assessment');
	}

	public function testADraftContributesNothingAndWithdrawingARatingTakesAllOfItBack(): void {
		self::assertSame(['totals' => [], 'raters' => []], RatingContribution::difference(null, new RatingContribution(1, false, null, [20 => null])));
		$withdrawn = RatingContribution::difference(new RatingContribution(2, true, null, [20 => 1]), new RatingContribution(2, false, null, [20 => null]));
		self::assertSame([
			'2:0' => ['orgId' => 2, 'criterionId' => 0, 'delta' => [-1, 0, 0, 0, 0, 0]],
			'2:20' => ['orgId' => 2, 'criterionId' => 20, 'delta' => [-1, -1, 0, 0, 0, 0]],
		], $withdrawn['totals']);
		self::assertSame([2 => -1], $withdrawn['raters']);
	}

	public function testARatingThatChangedOrganisationLeavesOneAndCountsInTheOther(): void {
		$difference = RatingContribution::difference(new RatingContribution(1, true, 3, []), new RatingContribution(2, true, 3, []));
		self::assertSame([
			'1:0' => ['orgId' => 1, 'criterionId' => 0, 'delta' => [-1, 0, 0, -1, 0, 0]],
			'2:0' => ['orgId' => 2, 'criterionId' => 0, 'delta' => [1, 0, 0, 1, 0, 0]],
		], $difference['totals']);
		self::assertSame([1 => -1, 2 => 1], $difference['raters']);
	}
}
