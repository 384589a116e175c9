<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Report\Commentary\CommentaryService;
use OCA\PilotFeedback\Report\Commentary\ReportCommentary;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\PageBreak;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCP\App\IAppManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IL10N;
use OCP\L10N\IFactory;

/**
 * The frame every report document shares: title page, management summary, method note, one
 * section per pilot (opening with the coordinating ministry's foreword, when there is one).
 * Every figure comes from ConsolidationService and ItemsOverviewService, so a document shows
 * the numbers of the UI and the API; a report of released feedback only counts only that. Documents never name testers: they hold organisations,
 * components and items, and no user id, display name or comment author.
 *
 * @psalm-import-type PilotFeedbackComponentResult from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationResults from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemsOverview from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemCount from \OCA\PilotFeedback\ResponseDefinitions
 */
abstract class ReportBuilder {
	public function __construct(
		protected ConsolidationService $consolidation,
		protected ItemsOverviewService $itemsOverview,
		protected ReportLabels $labels,
		protected PilotMapper $pilots,
		private IFactory $l10nFactory,
		private IAppManager $appManager,
		private ITimeFactory $time,
		private ManagementSummarySection $summary,
		private CommentaryService $commentary,
	) {
	}

	/** @var array<string, PilotFeedbackConsolidationResults> consolidated results of this report, by scope */
	private array $resultsMemo = [];

	/** The title of the report in its language. */
	abstract protected function title(IL10N $l): string;

	/** The blocks about one pilot, after its heading and the foreword. */
	abstract protected function pilotSection(Document $document, IL10N $l, Actor $actor, ReportRequest $request, ConsolidationScope $scope, ReportCommentary $commentary): void;

	/** The name of the previous period the management summary compares with (2026-10, 2026-Q3). */
	abstract protected function previousPeriod(ReportRequest $request): string;

	public function build(Actor $actor, ReportRequest $request): Document {
		$l = $this->l10nFactory->get(Application::APP_ID, $request->language);
		$this->labels->useLanguage($request->language);
		$now = $this->time->getTime();
		$pilots = $request->pilotId !== null
			? [$this->pilots->get($request->pilotId)]
			: $this->pilots->findAll(false);

		$this->resultsMemo = [];
		$document = new Document($this->titlePage($l, $request, $pilots, $now), $request->language);
		$scopes = [];
		$this->summary->start($document, $l, $this->previousPeriod($request));
		foreach ($pilots as $pilot) {
			$scopes[$pilot->getId()] = $this->scope($actor, $pilot->getId(), $request->range(), $request);
			$this->pilotSummary($document, $l, $actor, $request, $pilot, $scopes[$pilot->getId()]);
		}
		$document->add(new PageBreak());
		$document->add(new Heading($l->t('Method'), 1));
		foreach ($this->methodNote($l, $request) as $text) {
			$document->add(new Paragraph($text));
		}
		if ($pilots === []) {
			$document->add(new Paragraph($l->t('There is no pilot to report on.')));
		}
		foreach ($pilots as $pilot) {
			$document->add(new PageBreak());
			$document->add(new Heading($this->labels->pilot($pilot->getId()), 1));
			$commentary = $this->commentary->forReport($pilot->getId(), $request->period);
			if ($commentary->foreword !== null && trim($commentary->foreword) !== '') {
				$document->add(new Heading($l->t('Foreword of the coordinating ministry'), 2));
				foreach (MarkdownParagraphs::convert($commentary->foreword) as $paragraph) {
					$document->add($paragraph);
				}
			}
			$scope = $scopes[$pilot->getId()];
			if ($scope === null) {
				$document->add(new Paragraph($l->t('There is no reporting period in %1$s, so there are no figures for this period.', [$request->period])));
				continue;
			}
			$this->pilotSection($document, $l, $actor, $request, $scope, $commentary);
		}
		$this->resultsMemo = [];
		return $document;
	}

	/** One pilot's part of the management summary: figures of the period and the previous one. */
	private function pilotSummary(Document $document, IL10N $l, Actor $actor, ReportRequest $request, Pilot $pilot, ?ConsolidationScope $scope): void {
		if ($scope === null) {
			$this->summary->pilot($document, $l, $this->labels->pilot($pilot->getId()), $request->period, null, [], []);
			return;
		}
		$current = $this->componentResults($this->results($actor, $scope), $request->organisationId);
		$previousScope = $this->scope($actor, $pilot->getId(), $request->previousRange(), $request);
		$previous = $previousScope === null ? [] : $this->componentResults($this->results($actor, $previousScope), $request->organisationId);
		$this->summary->pilot($document, $l, $this->labels->pilot($pilot->getId()), $request->period, $current, $previous, $this->itemsOverview->openUrgentCounts($actor, $scope));
	}

	/**
	 * The consolidated results of a scope, fetched once per report (the summary and the pilot's
	 * section show the same figures).
	 *
	 * @return PilotFeedbackConsolidationResults
	 */
	protected function results(Actor $actor, ConsolidationScope $scope): array {
		$key = implode('|', [$scope->pilotId, $scope->range->from, $scope->range->to, $scope->releasedOnly ? 1 : 0, $scope->organisationId ?? '']);
		return $this->resultsMemo[$key] ??= $this->consolidation->results($actor, $scope);
	}

	/**
	 * The comments of the coordinating ministry on components, each under the component's
	 * name, as paragraphs; nothing when there are none.
	 *
	 * @param list<int> $componentIds the components the section shows, in order; comments on others follow
	 */
	protected function componentComments(Document $document, IL10N $l, ReportCommentary $commentary, array $componentIds, int $level): void {
		if ($commentary->components === []) {
			return;
		}
		$document->add(new Heading($l->t('Comments of the coordinating ministry'), $level));
		$ordered = array_values(array_unique([...array_filter($componentIds, static fn (int $id): bool => isset($commentary->components[$id])), ...array_keys($commentary->components)]));
		foreach ($ordered as $componentId) {
			$this->componentComment($document, $l, $commentary, $componentId, $level + 1);
		}
	}

	/** The ministry's comment on one component under a heading naming it, if there is one. */
	protected function componentComment(Document $document, IL10N $l, ReportCommentary $commentary, int $componentId, int $level): void {
		$markdown = $commentary->forComponent($componentId);
		if ($markdown === null || trim($markdown) === '') {
			return;
		}
		$document->add(new Heading($l->t('%1$s: comment of the coordinating ministry', [$this->labels->component($componentId)]), $level));
		foreach (MarkdownParagraphs::convert($markdown) as $paragraph) {
			$document->add($paragraph);
		}
	}

	/**
	 * The checked scope of a pilot's figures over a range, or null when no reporting period
	 * lies in the range (a report then says there are no figures, it does not fail).
	 */
	protected function scope(Actor $actor, int $pilotId, MonthRange $range, ReportRequest $request): ?ConsolidationScope {
		try {
			return $this->consolidation->scope($actor, $pilotId, null, null, $range->from, $range->to, $request->releasedOnly, $request->organisationId);
		} catch (NotFoundException) {
			return null;
		}
	}

	/** @param list<Pilot> $pilots */
	private function titlePage(IL10N $l, ReportRequest $request, array $pilots, int $now): TitlePage {
		$range = $request->range();
		$pilotLine = $request->pilotId !== null && $pilots !== []
			? $l->t('Pilot: %1$s', [$this->labels->pilot($pilots[0]->getId())])
			: $l->t('Pilots: all (%1$s)', [implode(', ', array_map(fn (Pilot $p): string => $this->labels->pilot($p->getId()), $pilots))]);
		$periodLine = $request->isQuarter()
			? $l->t('Period: %1$s (%2$s to %3$s)', [$request->period, $range->from, $range->to])
			: $l->t('Period: %1$s', [$request->period]);
		$lines = [
			$pilotLine,
			$periodLine,
			$request->organisationId !== null
				? $l->t('Organisation: %1$s', [$this->labels->organisation($request->organisationId)])
				: $l->t('Organisations: all taking part'),
			$l->t('Generated %1$s UTC by Pilot Feedback %2$s', [gmdate('Y-m-d H:i', $now), $this->appManager->getAppVersion(Application::APP_ID)]),
			$request->releasedOnly
				? $l->t('Figures: released feedback only')
				: $l->t('Figures: all feedback, released or not'),
			$l->t('Pseudonymised: organisations are named, testers are not.'),
		];
		$mark = $request->isPreliminary($now) ? $l->t('Preliminary: the period has not ended yet, its figures may still change.') : null;
		$subtitle = $request->pilotId !== null && $pilots !== [] ? $this->labels->pilot($pilots[0]->getId()) : $l->t('All pilots');
		return new TitlePage($this->title($l), $subtitle . ' · ' . $request->period, $lines, $mark);
	}

	/** @return list<string> */
	private function methodNote(IL10N $l, ReportRequest $request): array {
		return [
			$l->t('Testers rate each component once per month in each pilot it is part of: each criterion and an overall score on a scale from 1 to 5, or "not assessed". A rating counts in its own pilot only.'),
			$l->t('A mean is the sum of the scores divided by n, rounded to two decimals. n is the number of scores given; "not assessed" does not count. With no score the table says "no data".'),
			$request->releasedOnly
				? $l->t('The figures cover only the feedback that the organisations taking part in the pilot released for each month, and are the same as in the app and its API (consolidated results, released feedback only).')
				: $l->t('The figures cover all feedback of the organisations taking part in the pilot, released or not, and are the same as in the app and its API (consolidated results).'),
			$l->t('Items count with their current status. Open means new, in review, accepted, forwarded or in progress. Only items the requester may see are counted.'),
		];
	}

	/**
	 * The per-component results the report shows: across all organisations, or the one
	 * organisation the report is about.
	 *
	 * @param PilotFeedbackConsolidationResults $results
	 * @return list<PilotFeedbackComponentResult>
	 */
	protected function componentResults(array $results, ?int $organisationId): array {
		if ($organisationId === null) {
			return $results['components'];
		}
		foreach ($results['organisations'] as $org) {
			if ($org['organisationId'] === $organisationId) {
				return $org['components'];
			}
		}
		return [];
	}

	/**
	 * The item counts the report shows: across all organisations, or of its one organisation.
	 *
	 * @param PilotFeedbackItemsOverview $overview
	 * @return list<PilotFeedbackItemCount>
	 */
	protected function itemCounts(array $overview, ?int $organisationId): array {
		if ($organisationId === null) {
			return $overview['counts'];
		}
		foreach ($overview['organisations'] ?? [] as $org) {
			if ($org['organisationId'] === $organisationId) {
				return $org['counts'];
			}
		}
		return [];
	}

	/**
	 * A bar chart of the mean overall score per component, one series per range.
	 *
	 * @param array<array-key, list<PilotFeedbackComponentResult>> $byLabel series name => results
	 */
	protected function componentChart(IL10N $l, array $byLabel): Chart {
		$labels = [];
		$series = [];
		foreach ($byLabel as $name => $results) {
			$values = [];
			foreach ($results as $result) {
				$labels[$result['componentId']] = $this->labels->component($result['componentId']);
				$values[] = $result['overall']['mean'];
			}
			$series[] = new ChartSeries((string)$name, $values);
		}
		$names = implode(', ', array_map('strval', array_keys($byLabel)));
		return new Chart(
			'bar',
			$l->t('Mean overall score per component'),
			$l->t('Bar chart of the mean overall score (1 to 5) of each component for %1$s. The table after the chart holds the same figures.', [$names]),
			array_values($labels),
			$series,
		);
	}

	/** @param PilotFeedbackItemsOverview $overview */
	protected function openUrgentTable(IL10N $l, array $overview, ?int $organisationId): ?Table {
		$rows = [];
		foreach ($overview['openUrgent'] as $item) {
			if ($organisationId !== null && $item['organisationId'] !== $organisationId) {
				continue;
			}
			$rows[] = [
				$item['id'],
				$item['title'],
				$this->labels->type($l, $item['type']),
				$this->labels->priority($l, $item['priority']),
				$this->labels->status($l, $item['status']),
				$this->labels->component($item['componentId']),
				$this->labels->organisation($item['organisationId']),
				gmdate('Y-m-d', $item['createdAt']),
			];
		}
		if ($rows === []) {
			return null;
		}
		return new Table(
			[$l->t('ID'), $l->t('Title'), $l->t('Type'), $l->t('Priority'), $l->t('Status'), $l->t('Component'), $l->t('Organisation'), $l->t('Filed')],
			$rows,
			$l->t('Open critical and high items, most urgent and oldest first'),
		);
	}

	/**
	 * Counts of items per row key (priority or type) and status, with a total per row.
	 *
	 * @param list<array{componentId: int, type: string, priority: string, status: string, count: int}> $counts
	 * @param 'priority'|'type' $by
	 * @param list<string> $rowKeys the rows, in order
	 * @param callable(string): string $label the row's name
	 * @return list<list<string|int>>
	 */
	protected function countGrid(array $counts, string $by, array $rowKeys, callable $label, bool $skipEmpty): array {
		$cells = [];
		$totals = [];
		foreach ($counts as $count) {
			$key = $count[$by] . '|' . $count['status'];
			$cells[$key] = ($cells[$key] ?? 0) + $count['count'];
			$totals[$count[$by]] = ($totals[$count[$by]] ?? 0) + $count['count'];
		}
		$rows = [];
		foreach ($rowKeys as $rowKey) {
			if ($skipEmpty && !isset($totals[$rowKey])) {
				continue;
			}
			$row = [$label($rowKey)];
			foreach (\OCA\PilotFeedback\Model\ItemStatus::values() as $status) {
				$row[] = $cells[$rowKey . '|' . $status] ?? 0;
			}
			$row[] = $totals[$rowKey] ?? 0;
			$rows[] = $row;
		}
		return $rows;
	}

	/** The change between two means, or null when one is missing. */
	protected function change(?float $now, ?float $before): ?float {
		return ManagementSummary::change($now, $before);
	}
}
