<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** @template-extends QBMapper<Report> */
class ReportMapper extends QBMapper {
	/** @use FindsById<Report> */
	use FindsById;

	public const TABLE = 'pf_reports';

	public function __construct(IDBConnection $db) {
		parent::__construct($db, self::TABLE, Report::class);
	}

	/** @throws NotFoundException */
	public function get(int $id): Report {
		return $this->findById($id, 'No report with id %1$s exists.');
	}

	/**
	 * Newest first; only those requested by $userId unless null (everyone's).
	 *
	 * @return list<Report>
	 */
	public function findPage(?string $userId, int $offset, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from(self::TABLE)
			->orderBy('created_at', 'DESC')->addOrderBy('id', 'DESC')
			->setFirstResult($offset)->setMaxResults($limit);
		if ($userId !== null) {
			$qb->where($qb->expr()->eq('requested_by', $qb->createNamedParameter($userId)));
		}
		return $this->findEntities($qb);
	}

	public function count(?string $userId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*', 'n'))->from(self::TABLE);
		if ($userId !== null) {
			$qb->where($qb->expr()->eq('requested_by', $qb->createNamedParameter($userId)));
		}
		$result = $qb->executeQuery();
		$n = (int)$result->fetchOne();
		$result->closeCursor();
		return $n;
	}

	/**
	 * Whether the cadence made (or is making) this report already; a failed attempt counts
	 * only when made after $failedSince (so that it is tried again, but not on every run).
	 */
	public function cadenceExists(string $type, ?int $pilotId, string $period, int $failedSince): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from(self::TABLE)
			->where($qb->expr()->eq('origin', $qb->createNamedParameter(Report::ORIGIN_CADENCE)))
			->andWhere($qb->expr()->eq('type', $qb->createNamedParameter($type)))
			->andWhere($qb->expr()->eq('period', $qb->createNamedParameter($period)))
			->andWhere($qb->expr()->orX(
				$qb->expr()->neq('status', $qb->createNamedParameter(Report::STATUS_FAILED)),
				$qb->expr()->gt('created_at', $qb->createNamedParameter($failedSince, IQueryBuilder::PARAM_INT)),
			))
			->setMaxResults(1);
		if ($pilotId === null) {
			$qb->andWhere($qb->expr()->isNull('pilot_id'));
		} else {
			$qb->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		$result = $qb->executeQuery();
		$found = $result->fetchOne() !== false;
		$result->closeCursor();
		return $found;
	}
}
