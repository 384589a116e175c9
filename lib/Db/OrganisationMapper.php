<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** @template-extends CatalogueMapper<Organisation> */
class OrganisationMapper extends CatalogueMapper {
	public function __construct(IDBConnection $db) {
		parent::__construct($db, 'pf_orgs', Organisation::class);
	}

	protected function orderColumn(): string {
		return 'name';
	}

	protected function nameColumn(): string {
		return 'name';
	}

	/**
	 * Locks the organisation's row until the transaction ends (a write that changes nothing):
	 * a rating save and a release of the same organisation wait for each other, so that a
	 * release counts every rating saved before it and none after (ReleaseService).
	 */
	public function lock(int $orgId): void {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('updated_at', 'updated_at')
			->where($qb->expr()->eq('id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)));
		$qb->executeStatement();
	}
}
