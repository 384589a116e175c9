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
 * Covering indexes for the item list and the items overview at 100 000 items and more
 * (docs/performance.md has the query plans that rely on them). Each holds every column its
 * queries filter, group or sort by (never title or body), so that counts and pages are
 * answered from the index alone and only the rows of a page are read from the table:
 *
 * - pf_items (status, type, cons_priority, priority, confidential, reporter_id, org_id,
 *   pilot_id, component_id, support_count, created_at, updated_at, id): the list's filters,
 *   the visibility rule and its sort keys;
 * - pf_items (pilot_id, created_at, type, status, priority, cons_priority, org_id,
 *   component_id, confidential, reporter_id, support_count, id): a pilot's items filed in a
 *   range (overview counts, per month, open critical and high, ranking);
 * - pf_supporters (item_id, org_id, priority, merged_from): the ranking's supporters of an item.
 *
 * Both end in id, which SQLite keeps in every index anyway but PostgreSQL needs in the index
 * for an index-only scan that returns the ids of a page or joins the items by id.
 */
class Version000401Date20261206000002 extends SimpleMigrationStep {
	/** table => index name => columns */
	private const INDEXES = [
		'pf_items' => [
			'pf_item_list' => ['status', 'type', 'cons_priority', 'priority', 'confidential', 'reporter_id', 'org_id', 'pilot_id', 'component_id', 'support_count', 'created_at', 'updated_at', 'id'],
			'pf_item_ov' => ['pilot_id', 'created_at', 'type', 'status', 'priority', 'cons_priority', 'org_id', 'component_id', 'confidential', 'reporter_id', 'support_count', 'id'],
		],
		'pf_supporters' => ['pf_sup_item_cov' => ['item_id', 'org_id', 'priority', 'merged_from']],
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
