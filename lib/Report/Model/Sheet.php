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
	 * @param (\Closure(int): string)|null $partName the name of the sheet's n-th part (n ≥ 2), in the
	 *                                              export's language, when its rows fill more than one sheet of
	 *                                              a spreadsheet (SheetParts); null: the name and "(n)"
	 */
	public function __construct(
		public readonly string $name,
		public readonly array $header,
		public readonly iterable $rows,
		public readonly ?\Closure $partName = null,
	) {
	}

	/** The name of the sheet's n-th part (n ≥ 2) in a spreadsheet. */
	public function partName(int $part): string {
		return $this->partName !== null ? ($this->partName)($part) : $this->name . ' (' . $part . ')';
	}
}
