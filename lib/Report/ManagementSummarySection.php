<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\IL10N;

/**
 * Writes the management summary that opens a report: a legend of the traffic light and the
 * change, then per pilot one sentence on where it stands and a table per component (mean, n,
 * change against the previous period, traffic light, open critical and high items). Words
 * and symbols carry the light and the change, so they read without colour.
 *
 * @psalm-import-type PilotFeedbackComponentResult from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type ManagementSummaryRow from ManagementSummary
 */
class ManagementSummarySection {
	public function __construct(
		private ReportLabels $labels,
		private SettingsService $settings,
	) {
	}

	/** The heading and the legend; the pilots follow with pilot(). */
	public function start(Document $document, IL10N $l, string $previousPeriod): void {
		$light = $this->settings->trafficLight();
		$document->add(new Heading($l->t('Management summary'), 1));
		$document->add(new Paragraph($l->t('Per component: the mean overall score of the period with n, its change against %1$s, a traffic light and the open critical and high items.', [$previousPeriod])));
		$document->add(new Paragraph($l->t('Traffic light: %1$s from a mean of %2$s, %3$s from %4$s, %5$s below; %6$s without scores. Change: %7$s, %8$s or %9$s; a change of less than %10$s counts as unchanged; %11$s when the previous period has no mean.', [
			$this->light($l, ManagementSummary::LIGHT_GREEN), self::number($l, $light['green']),
			$this->light($l, ManagementSummary::LIGHT_AMBER), self::number($l, $light['amber']),
			$this->light($l, ManagementSummary::LIGHT_RED),
			$this->light($l, ManagementSummary::LIGHT_NONE),
			$this->trend($l, ManagementSummary::TREND_IMPROVED), $this->trend($l, ManagementSummary::TREND_UNCHANGED), $this->trend($l, ManagementSummary::TREND_DECLINED),
			self::number($l, ManagementSummary::EPSILON), $this->trend($l, ManagementSummary::TREND_NEW),
		])));
	}

	/**
	 * One pilot's part: its sentence and table, or why there are no figures.
	 *
	 * @param list<PilotFeedbackComponentResult>|null $current null: no reporting period in the range
	 * @param list<PilotFeedbackComponentResult> $previous
	 * @param array<int, int> $openUrgent componentId => open critical and high items
	 */
	public function pilot(Document $document, IL10N $l, string $title, string $period, ?array $current, array $previous, array $openUrgent): void {
		$document->add(new Heading($title, 2));
		if ($current === null) {
			$document->add(new Paragraph($l->t('There is no reporting period in %1$s, so there are no figures for this period.', [$period])));
			return;
		}
		if ($current === []) {
			$document->add(new Paragraph($l->t('This pilot has no components.')));
			return;
		}
		$light = $this->settings->trafficLight();
		$rows = ManagementSummary::rows($current, $previous, $openUrgent, $light['green'], $light['amber']);
		$document->add(new Paragraph($this->sentence($l, ManagementSummary::tally($rows), count($rows))));
		$document->add(new Table(
			[$l->t('Component'), $l->t('Mean'), $l->t('n'), $l->t('Change'), $l->t('Trend'), $l->t('Traffic light'), $l->t('Open critical/high')],
			array_map(fn (array $row): array => [
				$this->labels->component($row['componentId']),
				$row['mean'],
				$row['n'],
				$row['change'],
				$this->trend($l, $row['trend']),
				$this->light($l, $row['light']),
				$row['openUrgent'],
			], $rows),
			$l->t('Management summary of %1$s in %2$s', [$title, $period]),
			[Table::TEXT, Table::DECIMAL, Table::INTEGER, Table::CHANGE, Table::TEXT, Table::TEXT, Table::INTEGER],
		));
	}

	/** @param array{green: int, amber: int, red: int, none: int, openUrgent: int} $tally */
	private function sentence(IL10N $l, array $tally, int $components): string {
		$lights = $tally['none'] > 0
			? $l->t('%1$s of %2$s components green, %3$s amber, %4$s red, %5$s without data', [(string)$tally['green'], (string)$components, (string)$tally['amber'], (string)$tally['red'], (string)$tally['none']])
			: $l->t('%1$s of %2$s components green, %3$s amber, %4$s red', [(string)$tally['green'], (string)$components, (string)$tally['amber'], (string)$tally['red']]);
		return $l->t('%1$s; open critical or high items: %2$s.', [$lights, (string)$tally['openUrgent']]);
	}

	/** @param ManagementSummary::LIGHT_* $light */
	public function light(IL10N $l, string $light): string {
		return match ($light) {
			ManagementSummary::LIGHT_GREEN => '● ' . $l->t('green'),
			ManagementSummary::LIGHT_AMBER => '▲ ' . $l->t('amber'),
			ManagementSummary::LIGHT_RED => '■ ' . $l->t('red'),
			ManagementSummary::LIGHT_NONE => '○ ' . $l->t('no data'),
		};
	}

	/** @param ManagementSummary::TREND_* $trend */
	public function trend(IL10N $l, string $trend): string {
		return match ($trend) {
			ManagementSummary::TREND_IMPROVED => $l->t('improved') . ' ↑',
			ManagementSummary::TREND_UNCHANGED => $l->t('unchanged') . ' →',
			ManagementSummary::TREND_DECLINED => $l->t('declined') . ' ↓',
			ManagementSummary::TREND_NEW => $l->t('new'),
			ManagementSummary::TREND_NONE => $l->t('no comparison'),
		};
	}

	/** A threshold as people write it in the report's language: 4, 3.5 (German 3,5), 0.05. */
	private static function number(IL10N $l, float $value): string {
		$text = rtrim(rtrim(number_format($value, 2, '.', ''), '0'), '.');
		return str_starts_with($l->getLanguageCode(), 'de') ? str_replace('.', ',', $text) : $text;
	}
}
