<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\IDBConnection;

/** @template-extends CatalogueMapper<Criterion> */
class CriterionMapper extends CatalogueMapper {
	public function __construct(IDBConnection $db) {
		parent::__construct($db, 'pf_criteria', Criterion::class);
	}

	protected function orderColumn(): string {
		return 'sort_order';
	}

	protected function nameColumn(): string {
		return 'name';
	}
}
