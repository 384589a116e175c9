<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\MonthRange;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** The organisations deleted users were testers of, and until which month. */
class FormerTesterMapper {
	public const TABLE = 'pf_former_testers';

	public function __construct(
		private IDBConnection $db,
	) {
	}

	public function record(int $orgId, string $userId, string $lastMonth): void {
		$qb = $this->db->getQueryBuilder();
		$qb->insert(self::TABLE)->values([
			'org_id' => $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT),
			'user_id' => $qb->createNamedParameter($userId),
			'last_month' => $qb->createNamedParameter($lastMonth),
		])->executeStatement();
	}

	/**
	 * The former testers of the organisations whose accounts were deleted in the range.
	 *
	 * @param list<int> $organisationIds
	 * @return list<array{organisationId: int, userId: string, lastMonth: string}>
	 */
	public function deletedIn(array $organisationIds, MonthRange $range): array {
		if ($organisationIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'user_id', 'last_month')->from(self::TABLE)
			->where($qb->expr()->in('org_id', $qb->createNamedParameter($organisationIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->andWhere($qb->expr()->gte('last_month', $qb->createNamedParameter($range->from)))
			->andWhere($qb->expr()->lte('last_month', $qb->createNamedParameter($range->to)));
		$result = $qb->executeQuery();
		$rows = [];
		while ($row = $result->fetch()) {
			$rows[] = ['organisationId' => (int)$row['org_id'], 'userId' => (string)$row['user_id'], 'lastMonth' => (string)$row['last_month']];
		}
		$result->closeCursor();
		return $rows;
	}
}
