<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** What a consolidated figure covers, checked: a pilot, a range of months and the filters. */
final class ConsolidationScope {
	/**
	 * @param list<int> $organisationIds the organisations taking part in the pilot that are not
	 *                                   archived, by name: those a breakdown lists
	 * @param list<int> $takingPartIds all organisations taking part in the pilot, archived ones
	 *                                 included, by id: those whose ratings count in the figures
	 *                                 (an archived organisation's ratings still do)
	 * @param non-empty-array<string, int> $periodIds the reporting periods of the range: month => period id
	 * @param array<int, list<int>> $releasedPeriodIds with releasedOnly, the periods of the range
	 *                                                 each organisation released: organisation id => period ids
	 */
	public function __construct(
		public readonly int $pilotId,
		public readonly MonthRange $range,
		/** Only feedback that its organisation released for the month. */
		public readonly bool $releasedOnly,
		/** One organisation asked for, or null for all the viewer may see. */
		public readonly ?int $organisationId,
		public readonly array $organisationIds,
		public readonly array $takingPartIds,
		public readonly array $periodIds,
		public readonly array $releasedPeriodIds = [],
	) {
	}
}
