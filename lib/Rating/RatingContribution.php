<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

/**
 * What one stored assessment adds to the monthly totals (pf_month_totals, pf_month_raters):
 * nothing unless it is rated; otherwise one rating of the overall score (criterion 0) and one
 * per criterion score row, each counted under its score 1–5 or as "not assessed" (null).
 *
 * A save turns the assessment before into the one after; difference() is what the totals
 * must change by, so that they never need the ratings read again.
 */
final class RatingContribution {
	/** The criterion id under which the totals keep the overall score. */
	public const OVERALL = 0;

	/**
	 * @param array<int, ?int> $scores criterion id => score (null: not assessed)
	 */
	public function __construct(
		public readonly int $orgId,
		public readonly bool $rated,
		public readonly ?int $overall,
		public readonly array $scores,
	) {
	}

	/**
	 * Per organisation and criterion (0: overall), the change of [ratings, s1, s2, s3, s4, s5],
	 * and per organisation the change of the rater's rated assessments; only non-zero changes.
	 *
	 * @return array{totals: array<string, array{orgId: int, criterionId: int, delta: list<int>}>, raters: array<int, int>}
	 */
	public static function difference(?self $before, ?self $after): array {
		$totals = [];
		$raters = [];
		foreach ([[$before, -1], [$after, 1]] as [$contribution, $sign]) {
			if ($contribution === null || !$contribution->rated) {
				continue;
			}
			$raters[$contribution->orgId] = ($raters[$contribution->orgId] ?? 0) + $sign;
			foreach ([self::OVERALL => $contribution->overall] + $contribution->scores as $criterionId => $score) {
				$key = $contribution->orgId . ':' . $criterionId;
				$delta = $totals[$key]['delta'] ?? [0, 0, 0, 0, 0, 0];
				$delta[0] += $sign;
				if ($score !== null) {
					$delta[$score] += $sign;
				}
				$totals[$key] = ['orgId' => $contribution->orgId, 'criterionId' => $criterionId, 'delta' => $delta];
			}
		}
		// Lock order: the rows of one assessment are always changed in the same order.
		ksort($totals, SORT_NATURAL);
		return [
			'totals' => array_filter($totals, static fn (array $row): bool => $row['delta'] !== [0, 0, 0, 0, 0, 0]),
			'raters' => array_filter($raters, static fn (int $change): bool => $change !== 0),
		];
	}
}
