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
 * Indexes for the consolidation and the items overview at scale (docs/performance.md has
 * the query plans that rely on them):
 *
 * - pf_assessments (period_id, org_id, component_id, overall): the assessments of the range's
 *   periods, narrowed to organisations, with everything the aggregates read (covering);
 * - pf_scores (assessment_id, criterion_id, score): the scores of those assessments without
 *   reading the table (covering);
 * - pf_items (pilot_id, created_at): a pilot's items filed in a range (overview counts, per
 *   month, open critical and high, ranking);
 * - pf_items (duplicate_of): the duplicates of an item (ranking, merge);
 * - pf_history (field, created_at): status changes in a range (items closed per month).
 */
class Version000200Date20261201000003 extends SimpleMigrationStep {
	/** table => index name => columns */
	private const INDEXES = [
		'pf_assessments' => ['pf_asmt_per_cov' => ['period_id', 'org_id', 'component_id', 'overall']],
		'pf_scores' => ['pf_score_cov' => ['assessment_id', 'criterion_id', 'score']],
		'pf_items' => ['pf_item_pilot' => ['pilot_id', 'created_at'], 'pf_item_dup' => ['duplicate_of']],
		'pf_history' => ['pf_hist_field' => ['field', 'created_at']],
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
			foreach ($indexes as $name => $columns) {
				if (!$table->hasIndex($name)) {
					$table->addIndex($columns, $name);
					$changed = true;
				}
			}
		}
		return $changed ? $schema : null;
	}
}
