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
 * Triage: the version of an item (conflict detection), the vendor's URL beside the vendor
 * reference, and on a supporter row the duplicate it was moved from by a merge (so that an
 * unmerge removes exactly those rows).
 */
class Version000200Date20261201000001 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		$changed = false;

		$items = $schema->getTable('pf_items');
		if (!$items->hasColumn('version')) {
			// existing items start at version 1, as new ones do
			$items->addColumn('version', Types::INTEGER, ['notnull' => true, 'default' => 1]);
			$changed = true;
		}
		if (!$items->hasColumn('vendor_url')) {
			$items->addColumn('vendor_url', Types::STRING, ['length' => 500, 'notnull' => false]);
			$changed = true;
		}
		if (!$items->hasIndex('pf_item_dup')) {
			// the merged duplicates of an item
			$items->addIndex(['duplicate_of'], 'pf_item_dup');
			$changed = true;
		}

		$supporters = $schema->getTable('pf_supporters');
		if (!$supporters->hasColumn('merged_from')) {
			$supporters->addColumn('merged_from', Types::BIGINT, ['notnull' => false]);
			$changed = true;
		}
		return $changed ? $schema : null;
	}
}
