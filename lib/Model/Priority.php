<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/**
 * The four incident priorities of the pilot's contract (Anlage 2, 3.1.5).
 * Stored as their rank so that SQL can sort by them.
 */
enum Priority: int {
	case Low = 1;
	case Medium = 2;
	case High = 3;
	case Critical = 4;

	/**
	 * The name used in the API.
	 *
	 * @return 'low'|'medium'|'high'|'critical'
	 */
	public function key(): string {
		return match ($this) {
			self::Low => 'low',
			self::Medium => 'medium',
			self::High => 'high',
			self::Critical => 'critical',
		};
	}

	public static function fromKey(string $key): self {
		foreach (self::cases() as $case) {
			if ($case->key() === $key) {
				return $case;
			}
		}
		throw new \ValueError('Unknown priority ' . $key);
	}

	/** @return list<string> */
	public static function keys(): array {
		return array_map(static fn (self $p): string => $p->key(), self::cases());
	}
}
