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
 * A report's runs (pf_reports): when the current run started and how many runs were started,
 * so that StaleReportsJob finds a run whose process died and queues it again (or gives up
 * after ReportRecovery::MAX_ATTEMPTS), and the index it looks them up by.
 */
class Version000302Date20261203000000 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable(ReportMapper::TABLE)) {
			return null;
		}
		$table = $schema->getTable(ReportMapper::TABLE);
		$changed = false;
		if (!$table->hasColumn('started_at')) {
			// when the current (or last) run started; null while it never ran
			$table->addColumn('started_at', Types::BIGINT, ['notnull' => false]);
			$changed = true;
		}
		if (!$table->hasColumn('attempts')) {
			// runs started since it was asked for (or tried again)
			$table->addColumn('attempts', Types::INTEGER, ['notnull' => true, 'default' => 0]);
			$changed = true;
		}
		if (!$table->hasIndex('pf_rep_status')) {
			// the unfinished reports (queued, running), which the stale-run check reads every few minutes
			$table->addIndex(['status', 'started_at'], 'pf_rep_status');
			$changed = true;
		}
		return $changed ? $schema : null;
	}
}
