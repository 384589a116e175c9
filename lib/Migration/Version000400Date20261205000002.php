<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\ReportTextMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The consolidators' texts for reports (pf_report_texts): a foreword and a comment per
 * component, for one pilot and one month or quarter. Append-only: every save adds a row with
 * the next version, so the rows of one text are its history and the newest row is the
 * current text; an empty body means the text was removed.
 */
class Version000400Date20261205000002 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(ReportTextMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(ReportTextMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('pilot_id', Types::BIGINT, ['notnull' => true]);
		// a month (2026-11) or a quarter (2026-Q4), as reports name their period
		$table->addColumn('period', Types::STRING, ['length' => 7]);
		// the component commented on; 0 for the foreword (a unique index never matches nulls)
		$table->addColumn('component_id', Types::BIGINT, ['default' => 0]);
		// 1 for the first save of the text, raised by one with every save
		$table->addColumn('version', Types::INTEGER, ['default' => 1]);
		// Markdown as written; empty: the text was removed
		$table->addColumn('body', Types::TEXT, ['notnull' => false]);
		// the user id until the account is gone, then the pseudonym
		$table->addColumn('changed_by', Types::STRING, ['length' => 64]);
		$table->addColumn('changed_at', Types::BIGINT, ['default' => 0]);
		$table->setPrimaryKey(['id']);
		// One row per version of a text; also the index for "the current texts of (pilot, period)".
		$table->addUniqueIndex(['pilot_id', 'period', 'component_id', 'version'], 'pf_rtext_uniq');
		return $schema;
	}
}
