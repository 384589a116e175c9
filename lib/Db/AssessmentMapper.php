<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** @template-extends QBMapper<Assessment> */
class AssessmentMapper extends QBMapper {
	public function __construct(IDBConnection $db) {
		parent::__construct($db, 'pf_assessments', Assessment::class);
	}

	/** @return list<Assessment> one user's assessments in a period */
	public function findForUser(string $userId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		return $this->findEntities($qb);
	}

	/** A user's assessment of a component in a pilot in a period. */
	public function findOne(string $userId, int $pilotId, int $componentId, int $periodId): ?Assessment {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)));
		return $this->findEntities($qb)[0] ?? null;
	}

	/**
	 * Locks a user's assessment of a component in a pilot in a period, if it exists, by a write
	 * that changes nothing: what the saving transaction reads of it next stays as read. Returns
	 * whether it existed (committed) and is now locked.
	 */
	public function lock(string $userId, int $pilotId, int $componentId, int $periodId): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('version', 'version')
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)));
		return $qb->executeStatement() > 0;
	}

	/**
	 * Overwrites the content of a user's assessment of a component in a pilot in a period, if it exists
	 * (and, with $expectedVersion, only if it still has that version), and raises its version,
	 * in one statement: the check and the write are atomic, and a saving transaction starts
	 * with its write and takes the lock before it reads. Returns whether a row matched.
	 */
	public function updateContent(Assessment $assessment, ?int $expectedVersion = null): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('org_id', $qb->createNamedParameter($assessment->getOrgId(), IQueryBuilder::PARAM_INT))
			->set('overall', $qb->createNamedParameter($assessment->getOverall(), $assessment->getOverall() === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT))
			->set('comment', $qb->createNamedParameter($assessment->getComment(), $assessment->getComment() === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR))
			->set('rated', $qb->createNamedParameter($assessment->getRated(), IQueryBuilder::PARAM_INT))
			->set('updated_at', $qb->createNamedParameter($assessment->getUpdatedAt(), IQueryBuilder::PARAM_INT))
			->set('version', $qb->createFunction($qb->getColumnName('version') . ' + 1'))
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($assessment->getUserId())))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($assessment->getPeriodId(), IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($assessment->getPilotId(), IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($assessment->getComponentId(), IQueryBuilder::PARAM_INT)));
		if ($expectedVersion !== null) {
			$qb->andWhere($qb->expr()->eq('version', $qb->createNamedParameter($expectedVersion, IQueryBuilder::PARAM_INT)));
		}
		return $qb->executeStatement() > 0;
	}

	/**
	 * One user's scores of a period, for the rating sheet's "last month" column, in one query:
	 * only rated assessments count.
	 *
	 * @return list<array{pilotId: int, componentId: int, overall: ?int, scores: array<int, ?int>}> per pilot and component: the overall score and criterion id => score
	 */
	public function scoresOfUser(string $userId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.pilot_id', 'a.component_id', 'a.overall', 's.criterion_id', 's.score')
			->from($this->getTableName(), 'a')
			->leftJoin('a', 'pf_scores', 's', $qb->expr()->eq('s.assessment_id', 'a.id'))
			->where($qb->expr()->eq('a.user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('a.period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('a.rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)))
			->orderBy('a.pilot_id')->addOrderBy('a.component_id')->addOrderBy('s.criterion_id');
		$result = $qb->executeQuery();
		$scores = [];
		while ($row = $result->fetch()) {
			$key = (int)$row['pilot_id'] . ':' . (int)$row['component_id'];
			$scores[$key] ??= ['pilotId' => (int)$row['pilot_id'], 'componentId' => (int)$row['component_id'], 'overall' => $row['overall'] === null ? null : (int)$row['overall'], 'scores' => []];
			if ($row['criterion_id'] !== null) {
				$scores[$key]['scores'][(int)$row['criterion_id']] = $row['score'] === null ? null : (int)$row['score'];
			}
		}
		$result->closeCursor();
		return array_values($scores);
	}

	/**
	 * Sets the rated flag of the assessments saved before it existed: those with an overall
	 * score or a criterion score. Returns how many were marked.
	 */
	public function backfillRated(): int {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT))
			->where($qb->expr()->isNotNull('overall'))
			->andWhere($qb->expr()->eq('rated', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
		$marked = $qb->executeStatement();
		$select = $this->db->getQueryBuilder();
		$select->selectDistinct('assessment_id')->from('pf_scores')->where($select->expr()->isNotNull('score'));
		$result = $select->executeQuery();
		$ids = [];
		while ($row = $result->fetch()) {
			$ids[] = (int)$row['assessment_id'];
		}
		$result->closeCursor();
		foreach (array_chunk($ids, 500) as $chunk) {
			$update = $this->db->getQueryBuilder();
			$update->update($this->getTableName())
				->set('rated', $update->createNamedParameter(1, IQueryBuilder::PARAM_INT))
				->where($update->expr()->in('id', $update->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)))
				->andWhere($update->expr()->eq('rated', $update->createNamedParameter(0, IQueryBuilder::PARAM_INT)));
			$marked += $update->executeStatement();
		}
		return $marked;
	}

	/**
	 * Which components in which pilots each user of an organisation has rated in a period: a
	 * comment alone (an assessment without any score) is not a rating.
	 *
	 * @return array<string, list<string>> user id => "pilotId:componentId" pairs
	 */
	public function ratedComponentsByUser(int $orgId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('user_id', 'pilot_id', 'component_id')->from($this->getTableName())
			->where($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)))
			->orderBy('pilot_id')->addOrderBy('component_id');
		$result = $qb->executeQuery();
		$rated = [];
		while ($row = $result->fetch()) {
			$rated[(string)$row['user_id']][] = (int)$row['pilot_id'] . ':' . (int)$row['component_id'];
		}
		$result->closeCursor();
		return $rated;
	}

	/** Whether any assessment refers to the component (then it is archived, never deleted). */
	public function countForComponent(int $componentId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($this->getTableName())
			->where($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/** How many assessments the period holds: its ratings and the drafts (a comment alone, or only "not assessed"). */
	public function countInPeriod(int $periodId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($this->getTableName())
			->where($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/** How many assessments of the period are ratings: with an overall score or at least one criterion score. */
	public function countRatingsInPeriod(int $periodId): int {
		$scored = $this->db->getQueryBuilder();
		$scored->select('s.assessment_id')->from('pf_scores', 's')
			->where($scored->expr()->eq('s.assessment_id', 'a.id'))
			->andWhere($scored->expr()->isNotNull('s.score'));
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($this->getTableName(), 'a')
			->where($qb->expr()->eq('a.period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->orX(
				$qb->expr()->isNotNull('a.overall'),
				$qb->createFunction('EXISTS (' . $scored->getSQL() . ')'),
			));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}
}
