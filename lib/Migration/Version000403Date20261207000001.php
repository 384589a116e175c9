<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Item\RankingWeights;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The ranking weight of each item (pf_items.rank_score, from rank_orgs organisations; see
 * RankingWeights) and the index pf_item_rank, from which the items overview reads only the top
 * of a pilot's ranking. The weights of existing items are computed after the schema change.
 */
class Version000403Date20261207000001 extends SimpleMigrationStep {
	public function __construct(
		private RankingWeights $weights,
	) {
	}

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable('pf_items')) {
			return null;
		}
		$items = $schema->getTable('pf_items');
		$changed = false;
		foreach (['rank_score', 'rank_orgs'] as $column) {
			if (!$items->hasColumn($column)) {
				$items->addColumn($column, Types::INTEGER, ['notnull' => true, 'default' => 0]);
				$changed = true;
			}
		}
		if (!$items->hasIndex('pf_item_rank')) {
			$items->addIndex(['pilot_id', 'rank_score', 'support_count'], 'pf_item_rank');
			$changed = true;
		}
		return $changed ? $schema : null;
	}

	public function postSchemaChange(IOutput $output, Closure $schemaClosure, array $options): void {
		$differences = $this->weights->verify(true, 0)['differ'];
		if ($differences > 0) {
			$output->info(sprintf('Computed the ranking weight of %d item(s).', $differences));
		}
	}
}
