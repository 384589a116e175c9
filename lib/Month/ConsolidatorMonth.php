<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\Report\ReportPresenter;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * A consolidator's month: the release board of every active organisation (ReleaseBoard), the
 * items waiting for triage, the open critical and high items, and the reports that are still
 * being made or failed lately.
 *
 * @psalm-import-type PilotFeedbackMonthConsolidator from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReport from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthItemList from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidatorMonth {
	/** How many of the newest reports are looked at for those waiting or failed. */
	private const REPORTS_LOOKED_AT = 50;
	/** Failed reports older than this (seconds) are no longer shown. */
	private const FAILED_SHOWN_FOR = 31 * 86400;

	public function __construct(
		private People $people,
		private ReleaseBoard $board,
		private MonthItems $items,
		private ReportMapper $reports,
		private ReportPresenter $presenter,
		private ITimeFactory $time,
	) {
	}

	/** @return PilotFeedbackMonthConsolidator */
	public function section(Actor $actor, ?Period $period): array {
		$earlier = $this->board->earlierPeriods($period);
		return [
			'board' => array_map(fn ($organisation): array => $this->board->row($organisation, $period, $earlier), $this->people->activeOrganisations()),
			...$this->itemLists($actor),
			'reports' => $this->pendingReports(),
		];
	}

	/**
	 * The items waiting for triage and the open critical and high items.
	 *
	 * @return array{triage: PilotFeedbackMonthItemList, urgent: PilotFeedbackMonthItemList}
	 */
	public function itemLists(Actor $actor): array {
		return [
			'triage' => $this->items->waitingForTriage($actor),
			'urgent' => $this->items->openUrgent($actor),
		];
	}

	/**
	 * Every consolidator sees every report (ReportService): those queued or running, and those
	 * that failed within FAILED_SHOWN_FOR, newest first.
	 *
	 * @return list<PilotFeedbackReport>
	 */
	private function pendingReports(): array {
		$failedSince = $this->time->getTime() - self::FAILED_SHOWN_FOR;
		$pending = array_filter(
			$this->reports->findPage(null, 0, self::REPORTS_LOOKED_AT),
			static fn (Report $r): bool => in_array($r->getStatus(), [Report::STATUS_QUEUED, Report::STATUS_RUNNING], true)
				|| ($r->getStatus() === Report::STATUS_FAILED && $r->getCreatedAt() >= $failedSince),
		);
		return array_map($this->presenter->present(...), array_slice(array_values($pending), 0, MonthItems::LIMIT));
	}
}
