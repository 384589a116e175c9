<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Model\PilotStatus;

/**
 * Which pilot an assessment made before assessments named their pilot belongs to (0.4.0):
 * a pilot that contains the component, in which the tester's organisation took part, and
 * that ran in the assessment's month (not planned; its dates, where set, cover the month).
 * Where several ran, the one that started first (earliest start date, then lowest id); where
 * none ran that month, the first-started pilot of the organisation that contains the
 * component; where the organisation takes part in none, the first-started pilot that
 * contains the component at all.
 *
 * @psalm-type PilotDates = array{id: int, status: string, startDate: ?string, endDate: ?string}
 */
class AssessmentPilotRule {
	/** The only pilot of the organisation with the component that ran that month. */
	public const ONLY = 'only';
	/** The first-started of several such pilots. */
	public const EARLIEST = 'earliest';
	/** The organisation's pilots with the component did not run that month (dates or status): its first-started one. */
	public const OUTSIDE_DATES = 'outsideDates';
	/** The organisation takes part in no pilot with the component: the first-started pilot that contains it. */
	public const FALLBACK = 'fallback';
	/** The component is in no pilot: the assessment stays without one (pilot id 0) and counts nowhere, as before. */
	public const NONE = 'none';

	/**
	 * @param list<PilotDates> $componentPilots the pilots that contain the component
	 * @param list<int> $organisationPilotIds the pilots the organisation takes part in
	 * @param string $month the assessment's month, YYYY-MM
	 * @return array{0: int, 1: string} the pilot id (0: none) and the rule that chose it
	 */
	public function choose(array $componentPilots, array $organisationPilotIds, string $month): array {
		if ($componentPilots === []) {
			return [0, self::NONE];
		}
		$ofOrganisation = array_values(array_filter($componentPilots, static fn (array $p): bool => in_array($p['id'], $organisationPilotIds, true)));
		$ran = array_values(array_filter($ofOrganisation, fn (array $p): bool => $this->ranIn($p, $month)));
		if (count($ran) === 1) {
			return [$ran[0]['id'], self::ONLY];
		}
		if ($ran !== []) {
			return [$this->firstStarted($ran), self::EARLIEST];
		}
		if ($ofOrganisation !== []) {
			return [$this->firstStarted($ofOrganisation), self::OUTSIDE_DATES];
		}
		return [$this->firstStarted($componentPilots), self::FALLBACK];
	}

	/** @param PilotDates $pilot */
	private function ranIn(array $pilot, string $month): bool {
		if ($pilot['status'] === PilotStatus::Planned->value) {
			return false;
		}
		$first = $month . '-01';
		$last = $month . '-31';
		return ($pilot['startDate'] === null || $pilot['startDate'] === '' || $pilot['startDate'] <= $last)
			&& ($pilot['endDate'] === null || $pilot['endDate'] === '' || $pilot['endDate'] >= $first);
	}

	/**
	 * The pilot that started first: earliest start date (a pilot without one after those
	 * with one), then lowest id.
	 *
	 * @param non-empty-list<PilotDates> $pilots
	 */
	private function firstStarted(array $pilots): int {
		usort($pilots, static fn (array $a, array $b): int => [($a['startDate'] ?? '') === '' ? 1 : 0, $a['startDate'] ?? '', $a['id']] <=> [($b['startDate'] ?? '') === '' ? 1 : 0, $b['startDate'] ?? '', $b['id']]);
		return $pilots[0]['id'];
	}
}
