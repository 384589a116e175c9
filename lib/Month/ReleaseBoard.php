<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\UserNames;

/**
 * Where an organisation's release stands this month, as its coordinators and the
 * consolidators see it: released; not yet (before the deadline); or overdue, when the current
 * period's last day has passed without a release, or an earlier period in which its testers
 * rated was never released (the last EARLIER_PERIODS periods are looked at).
 *
 * @psalm-import-type PilotFeedbackMonthRelease from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReleaseBoard {
	/** How many periods before the current one are checked for a missing release. */
	public const EARLIER_PERIODS = 6;

	public function __construct(
		private PeriodMapper $periods,
		private ReleaseMapper $releases,
		private AssessmentMapper $assessments,
		private MonthDeadline $deadline,
		private People $people,
		private UserNames $names,
	) {
	}

	/**
	 * The periods before the current one (every period when none is open), newest first.
	 *
	 * @return list<Period>
	 */
	public function earlierPeriods(?Period $current): array {
		$earlier = array_filter($this->periods->findAll(), static fn (Period $p): bool => $current === null || strcmp($p->getMonth(), $current->getMonth()) < 0);
		return array_slice(array_values($earlier), 0, self::EARLIER_PERIODS);
	}

	/**
	 * @param list<Period> $earlier the result of earlierPeriods($current)
	 * @return PilotFeedbackMonthRelease
	 */
	public function row(Organisation $organisation, ?Period $current, array $earlier): array {
		$orgId = $organisation->getId();
		$release = $current === null ? null : $this->releases->find($orgId, $current->getId());
		$unreleased = [];
		foreach ($earlier as $period) {
			if ($this->releases->find($orgId, $period->getId()) === null && $this->assessments->ratedComponentsByUser($orgId, $period->getId()) !== []) {
				$unreleased[] = $period->getMonth();
			}
		}
		if ($current !== null && $release !== null) {
			$state = 'released';
		} elseif ($unreleased !== [] || ($current !== null && $this->deadline->hasPassed($current))) {
			$state = 'overdue';
		} else {
			$state = $current === null ? 'none' : 'pending';
		}
		return [
			'organisationId' => $orgId,
			'name' => $organisation->getName(),
			'shortName' => $organisation->getShortName(),
			'state' => $state,
			'release' => $release?->jsonSerialize(),
			'unreleasedMonths' => $unreleased,
			'coordinators' => array_map(fn (string $userId): array => ['userId' => $this->names->id($userId), 'displayName' => $this->names->name($userId)], $this->people->coordinators($orgId)),
		];
	}
}
