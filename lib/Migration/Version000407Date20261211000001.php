<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\MonthTotalsMapper;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The totals per quarter (pf_quarter_totals), summed from the monthly ones: a range's whole
 * quarters are read from them, so that 24 months read a third of the rows (at 1 000 000
 * ratings, 63 648 monthly rows of criterion scores; docs/performance.md).
 */
class Version000407Date20261211000001 extends SimpleMigrationStep {
	public function __construct(
		private MonthlyTotals $totals,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(MonthTotalsMapper::QUARTERS)) {
			return null;
		}
		$table = $schema->createTable(MonthTotalsMapper::QUARTERS);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		// year × 10 + 1…4: 20264 is 2026's fourth quarter
		$table->addColumn('quarter', Types::INTEGER, ['notnull' => true]);
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('component_id', Types::BIGINT, ['notnull' => true]);
		// 0: the overall score
		$table->addColumn('criterion_id', Types::BIGINT, ['notnull' => true, 'default' => 0]);
		foreach (MonthTotalsMapper::COUNTS as $column) {
			$table->addColumn($column, Types::INTEGER, ['notnull' => true, 'default' => 0]);
		}
		$table->setPrimaryKey(['id']);
		$table->addUniqueIndex(['pilot_id', 'quarter', 'org_id', 'component_id', 'criterion_id'], 'pf_qtot_uniq');
		// as pf_mtot_res: grouped by criterion and component while the index is read
		$table->addIndex(['pilot_id', 'criterion_id', 'component_id', 'org_id', 'quarter', ...MonthTotalsMapper::COUNTS], 'pf_qtot_res');
		return $schema;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$started = microtime(true);
		$this->totals->rebuildQuarters();
		$output->info(sprintf('Computed the quarterly totals of the ratings in %.1f s.', microtime(true) - $started));
	}
}
