<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\PseudonymMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * Pseudonyms (pf_pseudonyms): the stable number that replaces a user's id in the app's
 * records when the user is deleted or their reporter data expires. Only a keyed hash of the
 * user id is kept, so that the same person gets the same number and the id is not stored.
 */
class Version000200Date20261201000005 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(PseudonymMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(PseudonymMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('user_hash', Types::STRING, ['length' => 64]);
		$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
		$table->setPrimaryKey(['id']);
		$table->addUniqueIndex(['user_hash'], 'pf_pseud_hash');
		return $schema;
	}
}
