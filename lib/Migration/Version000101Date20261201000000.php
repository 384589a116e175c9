<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\ItemWordMapper;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The word index of the item titles (pf_item_words) for the title suggestions, filled for
 * the items that exist already.
 */
class Version000101Date20261201000000 extends SimpleMigrationStep {
	public function __construct(
		private ItemWordMapper $words,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if ($schema->hasTable(ItemWordMapper::TABLE)) {
			return null;
		}
		$table = $schema->createTable(ItemWordMapper::TABLE);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->addColumn('item_id', Types::BIGINT);
		// the first 3 characters of the word, looked up by equality (TitleWords::MIN_LENGTH)
		$table->addColumn('prefix', Types::STRING, ['length' => 3]);
		$table->addColumn('word', Types::STRING, ['length' => 64]);
		$table->setPrimaryKey(['id']);
		// covers the suggestion query: prefix = ?, word LIKE '…%', → item_id
		$table->addIndex(['prefix', 'word', 'item_id'], 'pf_iw_word');
		$table->addIndex(['item_id'], 'pf_iw_item');
		return $schema;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$indexed = $this->words->backfill();
		if ($indexed > 0) {
			$output->info(sprintf('Indexed the title words of %d items', $indexed));
		}
	}
}
