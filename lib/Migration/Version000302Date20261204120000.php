<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The supporting organisation's own priority on a supporter row ("concerns us too" with the
 * priority the supporter chose, Model\Priority's rank). Null on the rows made before, and on
 * those a merge moved from a duplicate's reporter: they count with the priority of the item
 * they came from, as before.
 */
class Version000302Date20261204120000 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$supporters = $schema->getTable('pf_supporters');
		if ($supporters->hasColumn('priority')) {
			return null;
		}
		$supporters->addColumn('priority', Types::SMALLINT, ['notnull' => false]);
		return $schema;
	}
}
