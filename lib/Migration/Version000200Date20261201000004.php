<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\ReportMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The generated reports and exports (pf_reports): what was asked for, by whom, its state while
 * it is made, and the Nextcloud file it was saved to.
 */
class Version000200Date20261201000004 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(ReportMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(ReportMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		// monthly | quarterly | export
		$table->addColumn('type', Types::STRING, ['length' => 16]);
		// null: all pilots
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => false]);
		// null: every organisation the requester may see
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => false]);
		// 2026-03 or 2026-Q1
		$table->addColumn('period', Types::STRING, ['length' => 7]);
		$table->addColumn('format', Types::STRING, ['length' => 8]);
		$table->addColumn('language', Types::STRING, ['length' => 8]);
		$table->addColumn('pseudonymised', Types::BOOLEAN, ['notnull' => false, 'default' => true]);
		// request | cadence
		$table->addColumn('origin', Types::STRING, ['length' => 16, 'default' => 'request']);
		// whose Files receive the file
		$table->addColumn('requested_by', Types::STRING, ['length' => 64]);
		// the folder inside the user's Files, relative, without the period
		$table->addColumn('folder', Types::STRING, ['length' => 1000]);
		// queued | running | done | failed
		$table->addColumn('status', Types::STRING, ['length' => 16, 'default' => 'queued']);
		// JSON {template, params}: translated when shown
		$table->addColumn('error', Types::TEXT, ['notnull' => false]);
		$table->addColumn('file_id', Types::BIGINT, ['notnull' => false]);
		$table->addColumn('file_name', Types::STRING, ['length' => 255, 'notnull' => false]);
		$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
		$table->addColumn('finished_at', Types::BIGINT, ['notnull' => false]);
		$table->setPrimaryKey(['id']);
		$table->addIndex(['requested_by', 'created_at'], 'pf_rep_user');
		$table->addIndex(['created_at'], 'pf_rep_created');
		// the cadence asks whether a period's report exists already
		$table->addIndex(['origin', 'type', 'period'], 'pf_rep_cadence');
		return $schema;
	}
}
