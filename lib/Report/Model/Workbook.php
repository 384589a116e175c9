<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A data export: one or more sheets. */
final class Workbook {
	/**
	 * @param list<Sheet> $sheets
	 */
	public function __construct(
		public readonly array $sheets,
	) {
	}
}
