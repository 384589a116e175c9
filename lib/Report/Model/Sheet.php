<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** One sheet of a data export; its rows come from a generator and are consumed once. */
final class Sheet {
	/**
	 * @param list<string> $header
	 * @param iterable<list<string|int|float|null>> $rows
	 */
	public function __construct(
		public readonly string $name,
		public readonly array $header,
		public readonly iterable $rows,
	) {
	}
}
