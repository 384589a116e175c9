<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/**
 * A table with one header row; numbers stay numbers. Documents format a column after its kind:
 * TEXT wraps, CODE (ids, dates, months, short words) and the numeric kinds never wrap; INTEGER
 * as is, DECIMAL with two decimals, CHANGE with two decimals and a sign. Without $columnKinds
 * (or for a column it leaves out) the kind is inferred from the cells.
 */
final class Table implements Block {
	public const TEXT = 'text';
	public const CODE = 'code';
	public const INTEGER = 'integer';
	public const DECIMAL = 'decimal';
	public const CHANGE = 'change';

	/**
	 * @param list<string> $header
	 * @param list<list<string|int|float|null>> $rows
	 * @param array<int, self::TEXT|self::CODE|self::INTEGER|self::DECIMAL|self::CHANGE> $columnKinds column index => kind
	 */
	public function __construct(
		public readonly array $header,
		public readonly array $rows,
		public readonly string $caption = '',
		public readonly array $columnKinds = [],
	) {
	}
}
