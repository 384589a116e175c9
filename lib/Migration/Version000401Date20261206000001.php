<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use Doctrine\DBAL\Schema\Table;
use OCA\PilotFeedback\Db\MonthTotalsMapper;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The monthly totals of the ratings (MonthTotalsMapper), computed from the ratings stored so
 * far; from then on every save keeps them in step.
 */
class Version000401Date20261206000001 extends SimpleMigrationStep {
	public function __construct(
		private MonthlyTotals $totals,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$changed = false;
		if (!$schema->hasTable(MonthTotalsMapper::TOTALS)) {
			$table = $schema->createTable(MonthTotalsMapper::TOTALS);
			$this->addKeyColumns($table);
			$table->addColumn('component_id', Types::BIGINT, ['notnull' => true]);
			// 0: the overall score
			$table->addColumn('criterion_id', Types::BIGINT, ['notnull' => true, 'default' => 0]);
			foreach (MonthTotalsMapper::COUNTS as $column) {
				$table->addColumn($column, Types::INTEGER, ['notnull' => true, 'default' => 0]);
			}
			$table->setPrimaryKey(['id']);
			// pilot first: every consolidation query names one pilot and a range of periods
			$table->addUniqueIndex(['pilot_id', 'period_id', 'org_id', 'component_id', 'criterion_id'], 'pf_mtot_uniq');
			$changed = true;
		}
		if (!$schema->hasTable(MonthTotalsMapper::RATERS)) {
			$table = $schema->createTable(MonthTotalsMapper::RATERS);
			$this->addKeyColumns($table);
			$table->addColumn('user_id', Types::STRING, ['notnull' => true, 'length' => 64]);
			$table->addColumn('ratings', Types::INTEGER, ['notnull' => true, 'default' => 0]);
			$table->setPrimaryKey(['id']);
			$table->addUniqueIndex(['pilot_id', 'period_id', 'org_id', 'user_id'], 'pf_mrat_uniq');
			// user deletion replaces the user id everywhere (PseudonymMapper)
			$table->addIndex(['user_id'], 'pf_mrat_user');
			$changed = true;
		}
		return $changed ? $schema : null;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$started = microtime(true);
		$this->totals->rebuild();
		$output->info(sprintf('Computed the monthly totals of the ratings in %.1f s.', microtime(true) - $started));
	}

	private function addKeyColumns(Table $table): void {
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('period_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => true]);
	}
}
