<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\FormerTesterMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * Former testers (pf_former_testers): which organisations a deleted user was a tester of in
 * the month the account was deleted, under their pseudonym, so that the participation of that
 * month keeps counting them (their group memberships end with the account).
 */
class Version000300Date20261202000001 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(FormerTesterMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(FormerTesterMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('org_id', Types::BIGINT, ['notnull' => true]);
		// the user id until the account is gone, then the pseudonym
		$table->addColumn('user_id', Types::STRING, ['length' => 64]);
		// the month the account was deleted in (YYYY-MM)
		$table->addColumn('last_month', Types::STRING, ['length' => 7]);
		$table->setPrimaryKey(['id']);
		$table->addIndex(['org_id', 'last_month'], 'pf_former_org');
		return $schema;
	}
}
