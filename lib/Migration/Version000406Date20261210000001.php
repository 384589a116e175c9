<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCP\DB\ISchemaWrapper;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * Covering indexes in the order the consolidation groups by, so that a long range is counted
 * while the index is read, without sorting its rows first (docs/performance.md).
 *
 * SQLite groups only by sorting. The monthly totals come from pf_mtot_cover (pilot, period,
 * organisation, …) in the order of the months: 24 months of results sorted 63 648 rows (54 ms).
 * From pf_mtot_res and pf_mtot_trend one criterion's rows come grouped already (28 and 25 ms).
 * The items overview's counts sorted the range's items by component, type, priority and status
 * (24 months of 200 000 items: 80 ms); from pf_item_counts, 18 ms. SQLite reads these for a
 * month too, a few ms more than before (results 4 → 8 ms); PostgreSQL, with its statistics,
 * still starts a month's item counts from pf_item_ov.
 */
class Version000406Date20261210000001 extends SimpleMigrationStep {
	/** Per table, each index's columns: the groups, then the filters and what is summed. */
	public const INDEXES = [
		'pf_month_totals' => [
			'pf_mtot_res' => ['pilot_id', 'criterion_id', 'component_id', 'org_id', 'period_id', 'ratings', 's1', 's2', 's3', 's4', 's5'],
			'pf_mtot_trend' => ['pilot_id', 'criterion_id', 'component_id', 'period_id', 'org_id', 'ratings', 's1', 's2', 's3', 's4', 's5'],
		],
		'pf_items' => [
			'pf_item_counts' => ['pilot_id', 'component_id', 'type', 'status', 'cons_priority', 'priority', 'org_id', 'created_at', 'confidential', 'reporter_id'],
		],
	];

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$changed = false;
		foreach (self::INDEXES as $tableName => $indexes) {
			if (!$schema->hasTable($tableName)) {
				continue;
			}
			$table = $schema->getTable($tableName);
			foreach ($indexes as $indexName => $columns) {
				if (!$table->hasIndex($indexName)) {
					$table->addIndex($columns, $indexName);
					$changed = true;
				}
			}
		}
		return $changed ? $schema : null;
	}
}
