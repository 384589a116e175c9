<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** Where a pilot stands; only active pilots are rated. */
enum PilotStatus: string {
	case Planned = 'planned';
	case Active = 'active';
	case Closed = 'closed';

	/** @return list<string> */
	public static function values(): array {
		return array_column(self::cases(), 'value');
	}
}
