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

	public function findOne(string $userId, int $componentId, int $periodId): ?Assessment {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		return $this->findEntities($qb)[0] ?? null;
	}

	/**
	 * Overwrites the content of a user's assessment of a component in a period, if it exists,
	 * in one statement (so that a saving transaction starts with its write and takes the lock
	 * before it reads). Returns whether a row matched.
	 */
	public function updateContent(Assessment $assessment): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('org_id', $qb->createNamedParameter($assessment->getOrgId(), IQueryBuilder::PARAM_INT))
			->set('overall', $qb->createNamedParameter($assessment->getOverall(), $assessment->getOverall() === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT))
			->set('comment', $qb->createNamedParameter($assessment->getComment(), $assessment->getComment() === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR))
			->set('updated_at', $qb->createNamedParameter($assessment->getUpdatedAt(), IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($assessment->getUserId())))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($assessment->getComponentId(), IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($assessment->getPeriodId(), IQueryBuilder::PARAM_INT)));
		return $qb->executeStatement() > 0;
	}

	/**
	 * Which components each user of an organisation has rated in a period.
	 *
	 * @return array<string, list<int>> user id => component ids
	 */
	public function ratedComponentsByUser(int $orgId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('user_id', 'component_id')->from($this->getTableName())
			->where($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->orderBy('component_id');
		$result = $qb->executeQuery();
		$rated = [];
		while ($row = $result->fetch()) {
			$rated[(string)$row['user_id']][] = (int)$row['component_id'];
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
