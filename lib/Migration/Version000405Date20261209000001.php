<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\ItemMonthsMapper;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The monthly item totals (pf_item_months, see ItemMonthsMapper): items filed and closed per
 * pilot, organisation, month and confidentiality, counted from the items stored so far; from
 * then on every filing, closing and move keeps them in step (ItemMonthTotals).
 */
class Version000405Date20261209000001 extends SimpleMigrationStep {
	public function __construct(
		private ItemMonthTotals $totals,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(ItemMonthsMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(ItemMonthsMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true]);
		// 00:00 UTC on the 1st of the month, Unix seconds (the bounds of MonthRange)
		$table->addColumn('month_start', Types::BIGINT, ['notnull' => true]);
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => true]);
		// 1: confidential items (security findings), which not every viewer may count
		$table->addColumn('confidential', Types::SMALLINT, ['notnull' => true, 'default' => 0]);
		$table->addColumn('filed', Types::INTEGER, ['notnull' => true, 'default' => 0]);
		$table->addColumn('closed', Types::INTEGER, ['notnull' => true, 'default' => 0]);
		$table->setPrimaryKey(['id']);
		// pilot and months first: the overview asks for one pilot and a range of months
		$table->addUniqueIndex(['pilot_id', 'month_start', 'org_id', 'confidential'], 'pf_imon_uniq');
		return $schema;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$started = microtime(true);
		$this->totals->rebuild();
		$output->info(sprintf('Counted the monthly item totals in %.1f s.', microtime(true) - $started));
	}
}
