<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\Report\Commentary\ReportCommentary;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCP\IL10N;

/**
 * The monthly status report [Statusbericht] of §8 (1): per pilot the participation per
 * organisation, the month's ratings against the previous month (with the coordinating ministry's
 * comments per component), the items filed or changed in the month by priority and status, the
 * items filed and closed, and the open critical and high items.
 *
 * @psalm-import-type PilotFeedbackItemsOverview from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemCount from \OCA\PilotFeedback\ResponseDefinitions
 */
class MonthlyReportBuilder extends ReportBuilder {
	protected function title(IL10N $l): string {
		return $l->t('Monthly status report');
	}

	protected function previousPeriod(ReportRequest $request): string {
		return $request->previousRange()->from;
	}

	protected function pilotSection(Document $document, IL10N $l, Actor $actor, ReportRequest $request, ConsolidationScope $scope, ReportCommentary $commentary): void {
		$this->participation($document, $l, $actor, $scope);
		$shown = $this->ratings($document, $l, $actor, $request, $scope);
		$this->componentComments($document, $l, $commentary, $shown, 3);
		$overview = $this->itemsOverview->overview($actor, $scope);
		$this->items($document, $l, $this->itemsOverview->filedOrChangedCounts($actor, $scope), $overview, $request->organisationId);
		$document->add(new Heading($l->t('Open critical and high items'), 2));
		$table = $this->openUrgentTable($l, $overview, $request->organisationId);
		$document->add($table ?? new Paragraph($l->t('There are no open critical or high items.')));
	}

	private function participation(Document $document, IL10N $l, Actor $actor, ConsolidationScope $scope): void {
		$document->add(new Heading($l->t('Participation per organisation'), 2));
		$participation = $this->consolidation->participation($actor, $scope);
		$rows = [];
		foreach ($participation['rows'] as $row) {
			$rows[] = [
				$this->labels->organisation($row['organisationId']),
				$row['testers'],
				$row['testersWithAssessment'],
				$row['componentsRated'],
				$participation['componentsInPilot'],
				$row['assessments'],
				$row['release'] === null ? $l->t('no') : gmdate('Y-m-d', $row['release']['releasedAt']),
			];
		}
		if ($rows === []) {
			$document->add(new Paragraph($l->t('No organisation takes part in this pilot.')));
			return;
		}
		$document->add(new Table(
			[$l->t('Organisation'), $l->t('Testers'), $l->t('Testers who rated'), $l->t('Components rated'), $l->t('Components in the pilot'), $l->t('Assessments'), $l->t('Released')],
			$rows,
			$l->t('Participation in %1$s', [$scope->range->from]),
		));
	}

	/**
	 * The ratings of the month against the previous month.
	 *
	 * @return list<int> the components of the pilot, in the order shown
	 */
	private function ratings(Document $document, IL10N $l, Actor $actor, ReportRequest $request, ConsolidationScope $scope): array {
		$previousRange = $request->previousRange();
		$document->add(new Heading($l->t('Ratings of %1$s against %2$s', [$scope->range->from, $previousRange->from]), 2));
		$current = $this->componentResults($this->results($actor, $scope), $request->organisationId);
		$componentIds = array_map(static fn (array $r): int => $r['componentId'], $current);
		$previousScope = $this->scope($actor, $scope->pilotId, $previousRange, $request);
		$previous = $previousScope === null ? [] : $this->componentResults($this->results($actor, $previousScope), $request->organisationId);
		$previousById = [];
		foreach ($previous as $result) {
			$previousById[$result['componentId']] = $result;
		}

		$rated = array_sum(array_map(static fn (array $r): int => $r['overall']['n'] + array_sum(array_map(static fn (array $c): int => $c['n'], $r['criteria'])), $current));
		if ($rated === 0) {
			$document->add(new Paragraph($l->t('There are no ratings in %1$s.', [$scope->range->from])));
			return $componentIds;
		}
		$document->add($this->componentChart($l, [$scope->range->from => $current, $previousRange->from => array_map(
			static fn (array $r): array => $previousById[$r['componentId']] ?? ['componentId' => $r['componentId'], 'assessments' => 0, 'overall' => ['mean' => null, 'n' => 0, 'sum' => 0, 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 0], 'criteria' => []],
			$current,
		)]));

		$rows = [];
		foreach ($current as $result) {
			$before = $previousById[$result['componentId']] ?? null;
			$component = $this->labels->component($result['componentId']);
			$rows[] = [$component, $l->t('Overall score'), $result['overall']['mean'], $result['overall']['n'], $before['overall']['mean'] ?? null, $before['overall']['n'] ?? 0, $this->change($result['overall']['mean'], $before['overall']['mean'] ?? null)];
			$beforeCriteria = [];
			foreach ($before['criteria'] ?? [] as $criterion) {
				$beforeCriteria[$criterion['criterionId']] = $criterion;
			}
			foreach ($result['criteria'] as $criterion) {
				$was = $beforeCriteria[$criterion['criterionId']] ?? null;
				$rows[] = [$component, $this->labels->criterion($criterion['criterionId']), $criterion['mean'], $criterion['n'], $was['mean'] ?? null, $was['n'] ?? 0, $this->change($criterion['mean'], $was['mean'] ?? null)];
			}
		}
		$document->add(new Table(
			[$l->t('Component'), $l->t('Criterion'), $l->t('Mean %1$s', [$scope->range->from]), $l->t('n %1$s', [$scope->range->from]), $l->t('Mean %1$s', [$previousRange->from]), $l->t('n %1$s', [$previousRange->from]), $l->t('Change')],
			$rows,
			$l->t('Mean score and n per component and criterion'),
			[2 => Table::DECIMAL, 3 => Table::INTEGER, 4 => Table::DECIMAL, 5 => Table::INTEGER, 6 => Table::CHANGE],
		));
		return $componentIds;
	}

	/**
	 * @param list<PilotFeedbackItemCount> $counts items filed or changed in the month
	 * @param PilotFeedbackItemsOverview $overview
	 */
	private function items(Document $document, IL10N $l, array $counts, array $overview, ?int $organisationId): void {
		$document->add(new Heading($l->t('New and changed items by priority and status'), 2));
		if ($counts === []) {
			$document->add(new Paragraph($l->t('No items were filed or changed in this period.')));
		} else {
			$statuses = ItemStatus::values();
			$rows = $this->countGrid($counts, 'priority', array_reverse(Priority::keys()), fn (string $p): string => $this->labels->priority($l, $p), false);
			$document->add(new Table(
				[$l->t('Priority'), ...array_map(fn (string $s): string => $this->labels->status($l, $s), $statuses), $l->t('Total')],
				$rows,
				$l->t('Items filed or changed (a new status) in the period, by priority and their current status'),
			));
		}
		if ($organisationId === null) {
			$document->add(new Table(
				[$l->t('Month'), $l->t('Items filed'), $l->t('Items closed')],
				array_map(static fn (array $m): array => [$m['month'], $m['filed'], $m['closed']], $overview['perMonth']),
				$l->t('Items filed and closed (done, rejected or duplicate) in the month'),
			));
		}
	}
}
