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
 * The queries that give the assessments made before they named their pilot (pilot_id 0) a
 * pilot: Rating\AssessmentPilotAssigner decides, this reads and writes in groups. It names its
 * columns, never an entity, so that it runs in a migration whatever later ones add.
 *
 * @psalm-import-type PilotDates from \OCA\PilotFeedback\Rating\AssessmentPilotRule
 */
class AssessmentPilotMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The assessments without a pilot, one row per organisation, component and period.
	 *
	 * @return list<array{orgId: int, componentId: int, periodId: int, month: string}>
	 */
	public function unassignedGroups(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->selectDistinct(['a.org_id', 'a.component_id', 'a.period_id', 'p.month'])
			->from('pf_assessments', 'a')
			->innerJoin('a', 'pf_periods', 'p', $qb->expr()->eq('p.id', 'a.period_id'))
			->where($qb->expr()->eq('a.pilot_id', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		$groups = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$groups[] = ['orgId' => (int)$row['org_id'], 'componentId' => (int)$row['component_id'], 'periodId' => (int)$row['period_id'], 'month' => (string)$row['month']];
		}
		$result->closeCursor();
		return $groups;
	}

	/** @return array<int, PilotDates> pilot id => its status and dates */
	public function pilots(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'status', 'start_date', 'end_date')->from('pf_pilots');
		$pilots = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$id = (int)$row['id'];
			$pilots[$id] = [
				'id' => $id,
				'status' => (string)$row['status'],
				'startDate' => $row['start_date'] === null ? null : (string)$row['start_date'],
				'endDate' => $row['end_date'] === null ? null : (string)$row['end_date'],
			];
		}
		$result->closeCursor();
		return $pilots;
	}

	/**
	 * Gives the unassigned assessments of an organisation's components in a period a pilot.
	 *
	 * @param list<int> $componentIds
	 * @return int how many assessments it assigned
	 */
	public function assign(int $orgId, int $periodId, array $componentIds, int $pilotId): int {
		$assigned = 0;
		foreach (array_chunk($componentIds, 500) as $chunk) {
			$qb = $this->db->getQueryBuilder();
			$qb->update('pf_assessments')
				->set('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT))
				->where($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->in('component_id', $qb->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)))
				->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
			$assigned += $qb->executeStatement();
		}
		return $assigned;
	}

	/** How many assessments have no pilot. */
	public function countUnassigned(): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from('pf_assessments')
			->where($qb->expr()->eq('pilot_id', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}
}
