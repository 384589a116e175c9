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
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Report\Commentary\ReportCommentary;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCP\IL10N;

/**
 * The quarterly report [Quartalsbericht] of §8 (1): per component the consolidated ratings and
 * their trend over the quarter (with the coordinating ministry's comment per component), the improvement and optimisation potentials and the
 * further-development potentials (ranked), the items by type and status, the open critical and
 * high items, and what changed since the last quarter.
 *
 * @psalm-import-type PilotFeedbackComponentResult from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemsOverview from \OCA\PilotFeedback\ResponseDefinitions
 */
class QuarterlyReportBuilder extends ReportBuilder {
	protected function title(IL10N $l): string {
		return $l->t('Quarterly report');
	}

	protected function previousPeriod(ReportRequest $request): string {
		return self::previousQuarter($request->period);
	}

	protected function pilotSection(Document $document, IL10N $l, Actor $actor, ReportRequest $request, ConsolidationScope $scope, ReportCommentary $commentary): void {
		$current = $this->componentResults($this->results($actor, $scope), $request->organisationId);
		$previousRange = $request->previousRange();
		$previousScope = $this->scope($actor, $scope->pilotId, $previousRange, $request);
		$previous = $previousScope === null ? [] : $this->componentResults($this->results($actor, $previousScope), $request->organisationId);
		$overview = $this->itemsOverview->overview($actor, $scope);

		$this->ratings($document, $l, $request, $current);
		$this->trend($document, $l, $actor, $scope, $commentary);
		$this->potentials($document, $l, $overview, $request->organisationId);
		$this->itemsByType($document, $l, $overview, $request->organisationId);
		$document->add(new Heading($l->t('Open critical and high items'), 2));
		$document->add($this->openUrgentTable($l, $overview, $request->organisationId) ?? new Paragraph($l->t('There are no open critical or high items.')));
		$previousOverview = $previousScope === null ? null : $this->itemsOverview->overview($actor, $previousScope);
		$this->changes($document, $l, $request, $current, $previous, $overview, $previousOverview);
	}

	/** @param list<PilotFeedbackComponentResult> $current */
	private function ratings(Document $document, IL10N $l, ReportRequest $request, array $current): void {
		$document->add(new Heading($l->t('Consolidated ratings per component'), 2));
		if (!$this->hasRatings($current)) {
			$document->add(new Paragraph($l->t('There are no ratings in %1$s.', [$request->period])));
			return;
		}
		$document->add($this->componentChart($l, [$request->period => $current]));
		$rows = [];
		foreach ($current as $result) {
			$component = $this->labels->component($result['componentId']);
			$rows[] = [$component, $l->t('Overall score'), $result['overall']['mean'], $result['overall']['n'], $result['overall']['notAssessed'], ...$result['overall']['distribution']];
			foreach ($result['criteria'] as $criterion) {
				$rows[] = [$component, $this->labels->criterion($criterion['criterionId']), $criterion['mean'], $criterion['n'], $criterion['notAssessed'], ...$criterion['distribution']];
			}
		}
		$document->add(new Table(
			[$l->t('Component'), $l->t('Criterion'), $l->t('Mean'), $l->t('n'), $l->t('Not assessed'), '1', '2', '3', '4', '5'],
			$rows,
			$l->t('Mean, n, "not assessed" and how many gave each score, per component and criterion'),
		));
	}

	/** The trend per component, each followed by the ministry's comment on it; comments on components without a trend follow. */
	private function trend(Document $document, IL10N $l, Actor $actor, ConsolidationScope $scope, ReportCommentary $commentary): void {
		$document->add(new Heading($l->t('Trend over the quarter'), 2));
		$trend = $this->consolidation->trend($actor, $scope);
		$byComponent = [];
		foreach ($trend['series'] as $series) {
			$byComponent[$series['componentId']][] = $series;
		}
		$any = false;
		$commented = [];
		foreach ($byComponent as $componentId => $allSeries) {
			$rated = false;
			foreach ($allSeries as $series) {
				foreach ($series['points'] as $point) {
					$rated = $rated || $point['n'] > 0;
				}
			}
			if (!$rated) {
				continue;
			}
			$any = true;
			$chartSeries = [];
			foreach ($allSeries as $series) {
				$name = $series['criterionId'] === null ? $l->t('Overall score') : $this->labels->criterion($series['criterionId']);
				$chartSeries[] = new ChartSeries($name, array_map(static fn (array $p): ?float => $p['mean'], $series['points']));
			}
			$component = $this->labels->component($componentId);
			$document->add(new Heading($component, 3));
			$document->add(new Chart(
				'line',
				$l->t('%1$s: mean score per criterion and month', [$component]),
				$l->t('Line chart of the mean score (1 to 5) of %1$s per criterion in each month of the quarter. The table after the chart holds the same figures.', [$component]),
				$trend['range']['months'],
				$chartSeries,
			));
			$this->componentComment($document, $l, $commentary, $componentId, 4);
			$commented[] = $componentId;
		}
		if (!$any) {
			$document->add(new Paragraph($l->t('There are no ratings in this quarter, so there is no trend.')));
		} else {
			$document->add(new Paragraph($l->t('A month with fewer than %1$s scores rests on few ratings; read its mean with care.', [(string)$trend['lowRatingThreshold']])));
		}
		$rest = new ReportCommentary(null, array_diff_key($commentary->components, array_flip($commented)));
		$this->componentComments($document, $l, $rest, [], 3);
	}

	/** @param PilotFeedbackItemsOverview $overview */
	private function potentials(Document $document, IL10N $l, array $overview, ?int $organisationId): void {
		$sections = [
			ItemType::Improvement->value => $l->t('Improvement and optimisation potentials'),
			ItemType::Requirement->value => $l->t('Further-development potentials'),
		];
		foreach ($sections as $type => $heading) {
			$document->add(new Heading($heading, 2));
			if ($organisationId !== null) {
				$document->add(new Paragraph($l->t('The ranking across organisations is part of the report for all organisations.')));
				continue;
			}
			$rows = [];
			foreach ($overview['ranking'] as $item) {
				if ($item['type'] !== $type) {
					continue;
				}
				$rows[] = [count($rows) + 1, $item['id'], $item['title'], $this->labels->priority($l, $item['priority']), $item['organisations'], $item['supportCount'], $item['score']];
			}
			if ($rows === []) {
				$document->add(new Paragraph($l->t('There are no open items of this kind.')));
				continue;
			}
			$weights = $overview['rankingWeights'];
			$document->add(new Paragraph($l->t('Ranked by score: each supporting organisation counts once, with the weight of the highest priority it gave (low %1$s, medium %2$s, high %3$s, critical %4$s); ties break on the number of supporters.', [(string)$weights['low'], (string)$weights['medium'], (string)$weights['high'], (string)$weights['critical']])));
			$document->add(new Table(
				[$l->t('Rank'), $l->t('ID'), $l->t('Title'), $l->t('Priority'), $l->t('Supporting organisations'), $l->t('Supporters'), $l->t('Score')],
				$rows,
				$heading,
			));
		}
	}

	/** @param PilotFeedbackItemsOverview $overview */
	private function itemsByType(Document $document, IL10N $l, array $overview, ?int $organisationId): void {
		$document->add(new Heading($l->t('Items by type and status'), 2));
		$counts = $this->itemCounts($overview, $organisationId);
		if ($counts === []) {
			$document->add(new Paragraph($l->t('No items were filed in this period.')));
			return;
		}
		$statuses = ItemStatus::values();
		$rows = $this->countGrid($counts, 'type', ItemType::values(), fn (string $t): string => $this->labels->type($l, $t), true);
		$document->add(new Table(
			[$l->t('Type'), ...array_map(fn (string $s): string => $this->labels->status($l, $s), $statuses), $l->t('Total')],
			$rows,
			$l->t('Items filed in the period by type and their current status'),
		));
	}

	/**
	 * @param list<PilotFeedbackComponentResult> $current
	 * @param list<PilotFeedbackComponentResult> $previous
	 * @param PilotFeedbackItemsOverview $overview
	 * @param PilotFeedbackItemsOverview|null $previousOverview
	 */
	private function changes(Document $document, IL10N $l, ReportRequest $request, array $current, array $previous, array $overview, ?array $previousOverview): void {
		$previousPeriod = self::previousQuarter($request->period);
		$document->add(new Heading($l->t('Changes since the last quarter (%1$s)', [$previousPeriod]), 2));
		$before = [];
		foreach ($previous as $result) {
			$before[$result['componentId']] = $result;
		}
		$rows = [];
		foreach ($current as $result) {
			$was = $before[$result['componentId']] ?? null;
			$rows[] = [
				$this->labels->component($result['componentId']),
				$was['overall']['mean'] ?? null,
				$was['overall']['n'] ?? 0,
				$result['overall']['mean'],
				$result['overall']['n'],
				$this->change($result['overall']['mean'], $was['overall']['mean'] ?? null),
			];
		}
		if ($rows !== []) {
			$document->add(new Table(
				[$l->t('Component'), $l->t('Mean %1$s', [$previousPeriod]), $l->t('n %1$s', [$previousPeriod]), $l->t('Mean %1$s', [$request->period]), $l->t('n %1$s', [$request->period]), $l->t('Change')],
				$rows,
				$l->t('Mean overall score per component in this and the last quarter'),
				[1 => Table::DECIMAL, 2 => Table::INTEGER, 3 => Table::DECIMAL, 4 => Table::INTEGER, 5 => Table::CHANGE],
			));
		}
		if ($request->organisationId === null) {
			$document->add(new Table(
				[$l->t('Quarter'), $l->t('Items filed'), $l->t('Items closed')],
				[
					[$previousPeriod, self::total($previousOverview, 'filed'), self::total($previousOverview, 'closed')],
					[$request->period, self::total($overview, 'filed'), self::total($overview, 'closed')],
				],
				$l->t('Items filed and closed (done, rejected or duplicate) per quarter'),
			));
		}
	}

	/** @param list<PilotFeedbackComponentResult> $results */
	private function hasRatings(array $results): bool {
		foreach ($results as $result) {
			if ($result['overall']['n'] > 0) {
				return true;
			}
			foreach ($result['criteria'] as $criterion) {
				if ($criterion['n'] > 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * @param PilotFeedbackItemsOverview|null $overview
	 * @param 'filed'|'closed' $key
	 */
	private static function total(?array $overview, string $key): int {
		$total = 0;
		foreach ($overview['perMonth'] ?? [] as $month) {
			$total += $month[$key];
		}
		return $total;
	}

	private static function previousQuarter(string $quarter): string {
		$year = (int)substr($quarter, 0, 4);
		$q = (int)substr($quarter, 6, 1);
		return $q === 1 ? sprintf('%d-Q4', $year - 1) : sprintf('%d-Q%d', $year, $q - 1);
	}
}
