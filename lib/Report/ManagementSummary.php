<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

/**
 * The rules of the management summary that opens every report: the traffic light of a mean
 * against the administrator's thresholds, and the word for its change against the previous
 * period. The figures themselves come from the consolidation services; only the change is
 * computed here.
 *
 * @psalm-type ManagementSummaryRow = array{componentId: int, mean: ?float, n: int, previousMean: ?float, change: ?float, trend: self::TREND_*, light: self::LIGHT_*, openUrgent: int}
 */
final class ManagementSummary {
	/** A change smaller than this (in absolute value) counts as unchanged: 0.05 is half of the smallest step a mean is shown with in words (one decimal). */
	public const EPSILON = 0.05;

	public const TREND_IMPROVED = 'improved';
	public const TREND_UNCHANGED = 'unchanged';
	public const TREND_DECLINED = 'declined';
	/** A mean in this period, none in the previous one. */
	public const TREND_NEW = 'new';
	/** No mean in this period: nothing to compare. */
	public const TREND_NONE = 'none';

	public const LIGHT_GREEN = 'green';
	public const LIGHT_AMBER = 'amber';
	public const LIGHT_RED = 'red';
	/** No score in the period. */
	public const LIGHT_NONE = 'none';

	/** The change of a mean, rounded to two decimals as the means are; null when either is missing. */
	public static function change(?float $now, ?float $before): ?float {
		return $now === null || $before === null ? null : round($now - $before, 2);
	}

	/** @return self::TREND_* */
	public static function trend(?float $now, ?float $before): string {
		if ($now === null) {
			return self::TREND_NONE;
		}
		$change = self::change($now, $before);
		if ($change === null) {
			return self::TREND_NEW;
		}
		if (abs($change) < self::EPSILON) {
			return self::TREND_UNCHANGED;
		}
		return $change > 0 ? self::TREND_IMPROVED : self::TREND_DECLINED;
	}

	/**
	 * Green from $green, amber from $amber, red below; none without a mean.
	 *
	 * @return self::LIGHT_*
	 */
	public static function light(?float $mean, float $green, float $amber): string {
		if ($mean === null) {
			return self::LIGHT_NONE;
		}
		if ($mean >= $green) {
			return self::LIGHT_GREEN;
		}
		return $mean >= $amber ? self::LIGHT_AMBER : self::LIGHT_RED;
	}

	/**
	 * One row per component of the period's results, in their order.
	 *
	 * @param list<array{componentId: int, overall: array{mean: ?float, n: int, ...}, ...}> $current
	 * @param list<array{componentId: int, overall: array{mean: ?float, n: int, ...}, ...}> $previous
	 * @param array<int, int> $openUrgent componentId => open critical and high items
	 * @return list<ManagementSummaryRow>
	 */
	public static function rows(array $current, array $previous, array $openUrgent, float $green, float $amber): array {
		$before = [];
		foreach ($previous as $result) {
			$before[$result['componentId']] = $result['overall']['mean'];
		}
		$rows = [];
		foreach ($current as $result) {
			$mean = $result['overall']['mean'];
			$was = $before[$result['componentId']] ?? null;
			$rows[] = [
				'componentId' => $result['componentId'],
				'mean' => $mean,
				'n' => $result['overall']['n'],
				'previousMean' => $was,
				'change' => self::change($mean, $was),
				'trend' => self::trend($mean, $was),
				'light' => self::light($mean, $green, $amber),
				'openUrgent' => $openUrgent[$result['componentId']] ?? 0,
			];
		}
		return $rows;
	}

	/**
	 * How many components have each light, and the open critical and high items of them all.
	 *
	 * @param list<ManagementSummaryRow> $rows
	 * @return array{green: int, amber: int, red: int, none: int, openUrgent: int}
	 */
	public static function tally(array $rows): array {
		$tally = ['green' => 0, 'amber' => 0, 'red' => 0, 'none' => 0, 'openUrgent' => 0];
		foreach ($rows as $row) {
			$tally[$row['light']]++;
			$tally['openUrgent'] += $row['openUrgent'];
		}
		return $tally;
	}
}
