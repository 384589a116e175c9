<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Catalogue\GermanTextFiller;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\IDBConnection;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * A bilingual catalogue: pilots, components and criteria get German texts next to the English
 * ones (title_de/name_de, description_de). The English name may now be empty when a German one
 * is given, so it becomes nullable. Records of the default catalogue get their German texts.
 */
class Version000400Date20261205000003 extends SimpleMigrationStep {
	/** table => its name column */
	private const TABLES = ['pf_pilots' => 'title', 'pf_components' => 'name', 'pf_criteria' => 'name'];

	public function __construct(
		private IDBConnection $db,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$changed = false;
		foreach (self::TABLES as $tableName => $nameColumn) {
			$table = $schema->getTable($tableName);
			if (!$table->hasColumn($nameColumn . '_de')) {
				$table->addColumn($nameColumn . '_de', Types::STRING, ['length' => 255, 'notnull' => false]);
				$changed = true;
			}
			if (!$table->hasColumn('description_de')) {
				$table->addColumn('description_de', Types::TEXT, ['notnull' => false]);
				$changed = true;
			}
			$name = $table->getColumn($nameColumn);
			if ($name->getNotnull()) {
				$name->setNotnull(false);
				$changed = true;
			}
		}
		return $changed ? $schema : null;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$filled = (new GermanTextFiller($this->db))->fill();
		if ($filled > 0) {
			$output->info(sprintf('German texts added to %d record(s) of the default catalogue.', $filled));
		}
	}
}
