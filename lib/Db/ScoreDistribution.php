<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

/**
 * How many gave each score 1–5, as the consolidation's queries sum it from the monthly totals
 * (columns s1…s5), and the sum of the scores that follows from it.
 */
final class ScoreDistribution {
	/** The summed columns, score 1 first. */
	public const COLUMNS = ['s1', 's2', 's3', 's4', 's5'];

	/**
	 * The distribution of a result row; a driver may give the sums as strings or integers.
	 *
	 * @param array<array-key, mixed> $row with the columns s1…s5
	 * @return list<int> how many gave each score 1–5
	 */
	public static function of(array $row): array {
		$distribution = [];
		foreach (self::COLUMNS as $column) {
			$distribution[] = isset($row[$column]) && is_numeric($row[$column]) ? (int)$row[$column] : 0;
		}
		return $distribution;
	}

	/** @param list<int> $distribution how many gave each score 1–5 */
	public static function sum(array $distribution): int {
		return $distribution[0] + 2 * $distribution[1] + 3 * $distribution[2] + 4 * $distribution[3] + 5 * $distribution[4];
	}
}
