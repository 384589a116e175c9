<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A table with one header row; numbers stay numbers. */
final class Table implements Block {
	/**
	 * @param list<string> $header
	 * @param list<list<string|int|float|null>> $rows
	 */
	public function __construct(
		public readonly array $header,
		public readonly array $rows,
		public readonly string $caption = '',
	) {
	}
}
