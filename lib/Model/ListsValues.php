<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** For string-backed enums: their values, as the API and Validator::oneOf() accept them. */
trait ListsValues {
	/** @return list<string> */
	public static function values(): array {
		return array_column(self::cases(), 'value');
	}
}
