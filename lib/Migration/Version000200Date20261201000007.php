<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * Assessments get a version (a save with an outdated one is refused, so that two tabs never
 * overwrite each other unseen) and a "rated" flag (an overall score or at least one criterion
 * score; a comment alone is a draft, not a rating), filled for the assessments that exist.
 * pf_release_log keeps who released and who reopened an organisation's feedback, and when.
 */
class Version000200Date20261201000007 extends SimpleMigrationStep {
	public function __construct(
		private AssessmentMapper $assessments,
		private ReleaseLogMapper $releaseLog,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$changed = false;
		$assessments = $schema->getTable('pf_assessments');
		if (!$assessments->hasColumn('version')) {
			$assessments->addColumn('version', Types::BIGINT, ['notnull' => true, 'default' => 1]);
			$changed = true;
		}
		if (!$assessments->hasColumn('rated')) {
			// 1 when the assessment has an overall score or a criterion score; 0 for a comment alone
			$assessments->addColumn('rated', Types::SMALLINT, ['notnull' => true, 'default' => 0]);
			$changed = true;
		}
		if (!$schema->hasTable(ReleaseLogMapper::TABLE)) {
			$table = $schema->createTable(ReleaseLogMapper::TABLE);
			$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('period_id', Types::BIGINT);
			// "released" or "reopened"
			$table->addColumn('action', Types::STRING, ['length' => 16]);
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
			$table->setPrimaryKey(['id']);
			$table->addIndex(['org_id', 'period_id'], 'pf_rlog_org_per');
			$changed = true;
		}
		return $changed ? $schema : null;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$rated = $this->assessments->backfillRated();
		if ($rated > 0) {
			$output->info(sprintf('Marked %d assessments with a score as rated', $rated));
		}
		$this->releaseLog->backfill();
	}
}
