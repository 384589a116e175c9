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
 * The released totals per quarter (pf_quarter_released): per quarter the sums of the months its
 * organisation released. "Released only" over whole quarters reads them instead of every
 * month's rows filtered by the releases (24 months at 1 000 000 ratings on SQLite: the criterion
 * scores took 29 ms from the monthly rows, 10 ms from the quarter rows; docs/performance.md).
 */
class Version000409Date20261213000001 extends SimpleMigrationStep {
	public function __construct(
		private MonthlyTotals $totals,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(MonthTotalsMapper::RELEASED_QUARTERS)) {
			return null;
		}
		// as pf_quarter_totals (Version000407Date20261211000001)
		$table = $schema->createTable(MonthTotalsMapper::RELEASED_QUARTERS);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('quarter', Types::INTEGER, ['notnull' => true]);
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('component_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('criterion_id', Types::BIGINT, ['notnull' => true, 'default' => 0]);
		foreach (MonthTotalsMapper::COUNTS as $column) {
			$table->addColumn($column, Types::INTEGER, ['notnull' => true, 'default' => 0]);
		}
		$table->setPrimaryKey(['id']);
		$table->addUniqueIndex(['pilot_id', 'quarter', 'org_id', 'component_id', 'criterion_id'], 'pf_qrel_uniq');
		$table->addIndex(['pilot_id', 'criterion_id', 'component_id', 'org_id', 'quarter', ...MonthTotalsMapper::COUNTS], 'pf_qrel_res');
		return $schema;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$started = microtime(true);
		$this->totals->rebuildQuarters();
		$output->info(sprintf('Computed the quarterly totals of the released ratings in %.1f s.', microtime(true) - $started));
	}
}
