<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** A score on the pilot's scale of 1 to 5; null means "not assessed". */
final class Score {
	public const MIN = 1;
	public const MAX = 5;

	/**
	 * A stored score as the API types it. The Validator admits only 1 to 5, so anything
	 * else in the database can only mean "not assessed".
	 *
	 * @return int<1, 5>|null
	 */
	public static function fromStored(mixed $value): ?int {
		if ($value === null || $value === '') {
			return null;
		}
		$score = (int)$value;
		return $score >= self::MIN && $score <= self::MAX ? $score : null;
	}
}
