<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The history of an organisation's release for a period (pf_release_log): who released it
 * and who reopened it, and when. pf_releases holds only the release in force.
 */
class ReleaseLogMapper {
	public const TABLE = 'pf_release_log';
	public const RELEASED = 'released';
	public const REOPENED = 'reopened';

	public function __construct(
		private IDBConnection $db,
	) {
	}

	public function add(int $orgId, int $periodId, string $action, string $userId, int $at): void {
		$qb = $this->db->getQueryBuilder();
		$qb->insert(self::TABLE)->values([
			'org_id' => $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT),
			'period_id' => $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT),
			'action' => $qb->createNamedParameter($action),
			'user_id' => $qb->createNamedParameter($userId),
			'created_at' => $qb->createNamedParameter($at, IQueryBuilder::PARAM_INT),
		])->executeStatement();
	}

	/**
	 * @return list<array{action: string, userId: string, at: int}> oldest first
	 */
	public function find(int $orgId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('action', 'user_id', 'created_at')->from(self::TABLE)
			->where($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->orderBy('created_at')->addOrderBy('id');
		$result = $qb->executeQuery();
		$entries = [];
		while ($row = $result->fetch()) {
			$entries[] = ['action' => (string)$row['action'], 'userId' => (string)$row['user_id'], 'at' => (int)$row['created_at']];
		}
		$result->closeCursor();
		return $entries;
	}

	/** How many releases and reopenings of the period, by any organisation, are recorded. */
	public function countForPeriod(int $periodId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from(self::TABLE)
			->where($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/** Records the releases made before this log existed, once. */
	public function backfill(): void {
		$count = $this->db->getQueryBuilder();
		$count->select($count->func()->count('*'))->from(self::TABLE);
		$result = $count->executeQuery();
		$logged = (int)$result->fetchOne();
		$result->closeCursor();
		if ($logged > 0) {
			return;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'period_id', 'user_id', 'released_at')->from('pf_releases');
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$this->add((int)$row['org_id'], (int)$row['period_id'], self::RELEASED, (string)$row['user_id'], (int)$row['released_at']);
		}
		$result->closeCursor();
	}
}
