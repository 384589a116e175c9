<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\Table;

/** A chart's data as the table that documents put right after the chart's image. */
final class ChartTable {
	public static function of(Chart $chart, string $language): Table {
		$header = [Words::get('Category', $language)];
		foreach ($chart->series as $series) {
			$header[] = $series->name;
		}
		$rows = [];
		foreach ($chart->labels as $i => $label) {
			$row = [$label];
			foreach ($chart->series as $series) {
				$row[] = $series->values[$i] ?? null;
			}
			$rows[] = $row;
		}
		return new Table($header, $rows, $chart->title);
	}
}
