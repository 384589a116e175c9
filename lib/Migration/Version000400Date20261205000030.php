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
 * Whether a report's figures count released feedback only (pf_reports.released_only). Reports
 * made before counted all feedback, released or not: null reads as false.
 */
class Version000400Date20261205000030 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable(ReportMapper::TABLE)) {
			return null;
		}
		$table = $schema->getTable(ReportMapper::TABLE);
		if ($table->hasColumn('released_only')) {
			return null;
		}
		// booleans are nullable in Nextcloud's schema (Oracle has no NOT NULL boolean with false)
		$table->addColumn('released_only', Types::BOOLEAN, ['notnull' => false, 'default' => false]);
		return $schema;
	}
}
