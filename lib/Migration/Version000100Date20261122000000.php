<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use Doctrine\DBAL\Schema\Table;
use OCP\DB\ISchemaWrapper;
use OCP\DB\Types;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * The whole first schema: catalogue, organisations, periods, assessments and report items.
 *
 * Booleans and optional strings are nullable so that the schema also holds on Oracle.
 */
class Version000100Date20261122000000 extends SimpleMigrationStep {
	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();

		$table = $this->create($schema, 'pf_pilots');
		if ($table !== null) {
			$table->addColumn('title', Types::STRING, ['length' => 255]);
			$table->addColumn('description', Types::TEXT, ['notnull' => false]);
			$table->addColumn('status', Types::STRING, ['length' => 16, 'default' => 'planned']);
			$table->addColumn('start_date', Types::STRING, ['length' => 10, 'notnull' => false]);
			$table->addColumn('end_date', Types::STRING, ['length' => 10, 'notnull' => false]);
			$this->addArchived($table);
		}

		$table = $this->create($schema, 'pf_components');
		if ($table !== null) {
			$table->addColumn('name', Types::STRING, ['length' => 255]);
			$table->addColumn('category', Types::STRING, ['length' => 32]);
			$table->addColumn('product', Types::STRING, ['length' => 255, 'notnull' => false]);
			$table->addColumn('description', Types::TEXT, ['notnull' => false]);
			$this->addArchived($table);
		}

		$table = $this->create($schema, 'pf_criteria');
		if ($table !== null) {
			$table->addColumn('name', Types::STRING, ['length' => 255]);
			$table->addColumn('description', Types::TEXT, ['notnull' => false]);
			$table->addColumn('sort_order', Types::INTEGER, ['default' => 0]);
			$this->addArchived($table);
		}

		$table = $this->create($schema, 'pf_orgs');
		if ($table !== null) {
			$table->addColumn('name', Types::STRING, ['length' => 255]);
			$table->addColumn('short_name', Types::STRING, ['length' => 64]);
			$this->addArchived($table);
		}

		$table = $this->create($schema, 'pf_pilot_comps');
		if ($table !== null) {
			$table->addColumn('pilot_id', Types::BIGINT);
			$table->addColumn('component_id', Types::BIGINT);
			$table->addUniqueIndex(['pilot_id', 'component_id'], 'pf_pc_uniq');
			$table->addIndex(['component_id'], 'pf_pc_comp');
		}

		$table = $this->create($schema, 'pf_org_pilots');
		if ($table !== null) {
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('pilot_id', Types::BIGINT);
			$table->addUniqueIndex(['org_id', 'pilot_id'], 'pf_op_uniq');
			$table->addIndex(['pilot_id'], 'pf_op_pilot');
		}

		$table = $this->create($schema, 'pf_org_groups');
		if ($table !== null) {
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('group_id', Types::STRING, ['length' => 64]);
			// A group belongs to one organisation: that is how a tester's organisation is known.
			$table->addUniqueIndex(['group_id'], 'pf_og_group');
			$table->addIndex(['org_id'], 'pf_og_org');
		}

		$table = $this->create($schema, 'pf_org_coords');
		if ($table !== null) {
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addUniqueIndex(['org_id', 'user_id'], 'pf_oc_uniq');
			$table->addIndex(['user_id'], 'pf_oc_user');
		}

		$table = $this->create($schema, 'pf_periods');
		if ($table !== null) {
			$table->addColumn('month', Types::STRING, ['length' => 7]);
			$table->addColumn('status', Types::STRING, ['length' => 16, 'default' => 'open']);
			$table->addUniqueIndex(['month'], 'pf_period_month');
		}

		$table = $this->create($schema, 'pf_assessments');
		if ($table !== null) {
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('component_id', Types::BIGINT);
			$table->addColumn('period_id', Types::BIGINT);
			$table->addColumn('overall', Types::SMALLINT, ['notnull' => false]);
			$table->addColumn('comment', Types::TEXT, ['notnull' => false]);
			$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
			$table->addColumn('updated_at', Types::BIGINT, ['default' => 0]);
			$table->addUniqueIndex(['user_id', 'component_id', 'period_id'], 'pf_asmt_uniq');
			$table->addIndex(['period_id', 'component_id'], 'pf_asmt_per_comp');
			$table->addIndex(['org_id', 'period_id'], 'pf_asmt_org_per');
		}

		$table = $this->create($schema, 'pf_scores');
		if ($table !== null) {
			$table->addColumn('assessment_id', Types::BIGINT);
			$table->addColumn('criterion_id', Types::BIGINT);
			$table->addColumn('score', Types::SMALLINT, ['notnull' => false]);
			$table->addUniqueIndex(['assessment_id', 'criterion_id'], 'pf_score_uniq');
			$table->addIndex(['criterion_id'], 'pf_score_crit');
		}

		$table = $this->create($schema, 'pf_items');
		if ($table !== null) {
			$table->addColumn('type', Types::STRING, ['length' => 16]);
			$table->addColumn('title', Types::STRING, ['length' => 255]);
			$table->addColumn('body', Types::TEXT, ['notnull' => false]);
			$table->addColumn('component_id', Types::BIGINT);
			$table->addColumn('pilot_id', Types::BIGINT);
			$table->addColumn('priority', Types::SMALLINT);
			$table->addColumn('cons_priority', Types::SMALLINT, ['notnull' => false]);
			$table->addColumn('status', Types::STRING, ['length' => 16, 'default' => 'new']);
			$table->addColumn('reporter_id', Types::STRING, ['length' => 64]);
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('confidential', Types::BOOLEAN, ['notnull' => false, 'default' => false]);
			$table->addColumn('duplicate_of', Types::BIGINT, ['notnull' => false]);
			$table->addColumn('vendor_ref', Types::STRING, ['length' => 255, 'notnull' => false]);
			$table->addColumn('support_count', Types::INTEGER, ['default' => 0]);
			$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
			$table->addColumn('updated_at', Types::BIGINT, ['default' => 0]);
			$table->addIndex(['component_id', 'created_at'], 'pf_item_comp');
			$table->addIndex(['org_id', 'status'], 'pf_item_org');
			$table->addIndex(['status', 'priority'], 'pf_item_status');
			$table->addIndex(['created_at'], 'pf_item_created');
			$table->addIndex(['updated_at'], 'pf_item_updated');
			$table->addIndex(['reporter_id'], 'pf_item_reporter');
		}

		$table = $this->create($schema, 'pf_supporters');
		if ($table !== null) {
			$table->addColumn('item_id', Types::BIGINT);
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
			$table->addUniqueIndex(['item_id', 'user_id'], 'pf_sup_uniq');
			$table->addIndex(['org_id'], 'pf_sup_org');
		}

		$table = $this->create($schema, 'pf_attachments');
		if ($table !== null) {
			$table->addColumn('item_id', Types::BIGINT);
			$table->addColumn('file_id', Types::BIGINT);
			$table->addColumn('name', Types::STRING, ['length' => 255]);
			$table->addColumn('mimetype', Types::STRING, ['length' => 255, 'notnull' => false]);
			$table->addColumn('added_by', Types::STRING, ['length' => 64]);
			$table->addUniqueIndex(['item_id', 'file_id'], 'pf_att_uniq');
		}

		$table = $this->create($schema, 'pf_history');
		if ($table !== null) {
			$table->addColumn('item_id', Types::BIGINT);
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addColumn('field', Types::STRING, ['length' => 32]);
			$table->addColumn('old_value', Types::TEXT, ['notnull' => false]);
			$table->addColumn('new_value', Types::TEXT, ['notnull' => false]);
			$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
			$table->addIndex(['item_id', 'created_at'], 'pf_hist_item');
		}

		$table = $this->create($schema, 'pf_releases');
		if ($table !== null) {
			$table->addColumn('org_id', Types::BIGINT);
			$table->addColumn('period_id', Types::BIGINT);
			$table->addColumn('user_id', Types::STRING, ['length' => 64]);
			$table->addColumn('released_at', Types::BIGINT, ['default' => 0]);
			$table->addUniqueIndex(['org_id', 'period_id'], 'pf_rel_uniq');
		}

		return $schema;
	}

	/** Creates a table with an auto-increment id primary key, or returns null when it exists. */
	private function create(ISchemaWrapper $schema, string $name): ?Table {
		if ($schema->hasTable($name)) {
			return null;
		}
		$table = $schema->createTable($name);
		$table->addColumn('id', Types::BIGINT, ['autoincrement' => true, 'notnull' => true]);
		$table->setPrimaryKey(['id']);
		return $table;
	}

	private function addArchived(Table $table): void {
		$table->addColumn('archived', Types::BOOLEAN, ['notnull' => false, 'default' => false]);
		$table->addColumn('created_at', Types::BIGINT, ['default' => 0]);
		$table->addColumn('updated_at', Types::BIGINT, ['default' => 0]);
	}
}
