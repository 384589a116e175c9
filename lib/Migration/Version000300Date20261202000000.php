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
 * Replaces pf_asmt_per_cov (period_id, org_id, component_id, overall) by
 * pf_asmt_rated_cov (period_id, org_id, component_id, rated, overall): the consolidation
 * counts only rated assessments, and without `rated` in the index every assessment of the
 * range was read from the table as well (docs/performance.md: a third of the results query).
 */
class Version000300Date20261202000000 extends SimpleMigrationStep {
	private const TABLE = 'pf_assessments';
	private const OLD_INDEX = 'pf_asmt_per_cov';
	private const NEW_INDEX = 'pf_asmt_rated_cov';

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable(self::TABLE)) {
			return null;
		}
		$table = $schema->getTable(self::TABLE);
		$changed = false;
		if (!$table->hasIndex(self::NEW_INDEX)) {
			$table->addIndex(['period_id', 'org_id', 'component_id', 'rated', 'overall'], self::NEW_INDEX);
			$changed = true;
		}
		if ($table->hasIndex(self::OLD_INDEX)) {
			$table->dropIndex(self::OLD_INDEX);
			$changed = true;
		}
		return $changed ? $schema : null;
	}
}
