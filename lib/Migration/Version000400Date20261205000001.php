<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Rating\AssessmentPilotAssigner;
use OCA\PilotFeedback\Rating\AssessmentPilotRule;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * An assessment belongs to one pilot: pf_assessments gets pilot_id, the key becomes
 * (user_id, period_id, pilot_id, component_id), and the covering index of the consolidation
 * leads with (period_id, pilot_id, …) since every figure now filters by the pilot
 * (docs/performance.md). The column is added NOT NULL with the default 0 (which SQLite,
 * PostgreSQL and MariaDB all accept on a table with rows); after the schema change every
 * existing assessment gets the pilot AssessmentPilotAssigner chooses, and the counts per rule
 * are printed.
 */
class Version000400Date20261205000001 extends SimpleMigrationStep {
	private const TABLE = 'pf_assessments';
	private const OLD_UNIQUE = 'pf_asmt_uniq';
	private const NEW_UNIQUE = 'pf_asmt_pilot_uniq';
	private const OLD_COVERING = 'pf_asmt_rated_cov';
	private const NEW_COVERING = 'pf_asmt_pilot_cov';

	public function __construct(
		private AssessmentPilotAssigner $assigner,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable(self::TABLE)) {
			return null;
		}
		$table = $schema->getTable(self::TABLE);
		$changed = false;
		if (!$table->hasColumn('pilot_id')) {
			$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true, 'default' => 0]);
			$changed = true;
		}
		if (!$table->hasIndex(self::NEW_UNIQUE)) {
			$table->addUniqueIndex(['user_id', 'period_id', 'pilot_id', 'component_id'], self::NEW_UNIQUE);
			$changed = true;
		}
		if ($table->hasIndex(self::OLD_UNIQUE)) {
			$table->dropIndex(self::OLD_UNIQUE);
			$changed = true;
		}
		if (!$table->hasIndex(self::NEW_COVERING)) {
			$table->addIndex(['period_id', 'pilot_id', 'org_id', 'component_id', 'rated', 'overall'], self::NEW_COVERING);
			$changed = true;
		}
		if ($table->hasIndex(self::OLD_COVERING)) {
			$table->dropIndex(self::OLD_COVERING);
			$changed = true;
		}
		return $changed ? $schema : null;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$counts = $this->assigner->assign();
		$output->info(sprintf(
			'Assigned %d assessments to the only pilot of their organisation with the component that ran that month, %d to the earliest of several such pilots, %d to the first of their organisation\'s pilots with the component although none ran that month, %d by fallback to the first pilot with the component (the organisation takes part in none); %d stay without a pilot (their component is in no pilot).',
			$counts[AssessmentPilotRule::ONLY],
			$counts[AssessmentPilotRule::EARLIEST],
			$counts[AssessmentPilotRule::OUTSIDE_DATES],
			$counts[AssessmentPilotRule::FALLBACK],
			$counts[AssessmentPilotRule::NONE],
		));
	}
}
