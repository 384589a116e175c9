<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Model\Actor;

/**
 * What to do this month, for the start page (GET /api/v1/month) and the dashboard widgets
 * alike, so that both show the same facts: the open period with its deadline, and a section
 * per role of the caller. A section is null for a role the caller does not have: testers
 * get their own to-do only, coordinators their organisations', consolidators the board of
 * every organisation.
 *
 * @psalm-import-type PilotFeedbackMonth from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthTester from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthCoordinator from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthConsolidator from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthItemList from \OCA\PilotFeedback\ResponseDefinitions
 */
class MonthService {
	public function __construct(
		private PeriodMapper $periods,
		private MonthDeadline $deadline,
		private SinceLastVisit $visits,
		private TesterMonth $tester,
		private CoordinatorMonth $coordinator,
		private ConsolidatorMonth $consolidator,
	) {
	}

	/** @return PilotFeedbackMonth */
	public function month(Actor $actor): array {
		$period = $this->periods->findNewestOpen();
		$since = $this->visits->since($actor->userId);
		return [
			'period' => $period?->jsonSerialize(),
			'deadline' => $period === null ? null : $this->deadline->deadline($period),
			'daysLeft' => $period === null ? null : $this->deadline->daysLeft($period),
			'lastVisit' => $since,
			'tester' => $this->testerSection($actor, $period, $since),
			'coordinator' => $this->coordinatorSection($actor, $period),
			'consolidator' => $this->consolidatorSection($actor, $period),
		];
	}

	/**
	 * The open period (the newest), or null when none is open.
	 */
	public function period(): ?Period {
		return $this->periods->findNewestOpen();
	}

	/** @return PilotFeedbackMonthTester|null null unless the actor rates for an organisation */
	public function testerSection(Actor $actor, ?Period $period, ?int $since = null): ?array {
		return $actor->isParticipant() ? $this->tester->section($actor, $period, $since ?? $this->visits->since($actor->userId)) : null;
	}

	/** @return PilotFeedbackMonthCoordinator|null null unless the actor coordinates an organisation */
	public function coordinatorSection(Actor $actor, ?Period $period): ?array {
		return $actor->coordinatorOrgIds !== [] ? $this->coordinator->section($actor, $period) : null;
	}

	/** @return PilotFeedbackMonthConsolidator|null null unless the actor is a consolidator */
	public function consolidatorSection(Actor $actor, ?Period $period): ?array {
		return $actor->isConsolidator ? $this->consolidator->section($actor, $period) : null;
	}

	/**
	 * The consolidator's lists of items alone (for the dashboard), without the release board and reports.
	 *
	 * @return array{triage: PilotFeedbackMonthItemList, urgent: PilotFeedbackMonthItemList}|null null unless the actor is a consolidator
	 */
	public function consolidatorItems(Actor $actor): ?array {
		return $actor->isConsolidator ? $this->consolidator->itemLists($actor) : null;
	}

	/** Unix time since which changes count as new to the actor. */
	public function since(Actor $actor): int {
		return $this->visits->since($actor->userId);
	}

	/**
	 * The deadline (YYYY-MM-DD) and the days left until it.
	 *
	 * @return array{deadline: string, daysLeft: int}
	 */
	public function deadlineOf(Period $period): array {
		return ['deadline' => $this->deadline->deadline($period), 'daysLeft' => $this->deadline->daysLeft($period)];
	}
}
