<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Score;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** The per-criterion scores of assessments (pf_scores); null means "not assessed". */
class ScoreMapper {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * @param list<int> $assessmentIds
	 * @return array<int, list<array{criterionId: int, score: int<1, 5>|null}>> assessment id => scores
	 */
	public function scoresFor(array $assessmentIds): array {
		if ($assessmentIds === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('assessment_id', 'criterion_id', 'score')->from('pf_scores')
			->where($qb->expr()->in('assessment_id', $qb->createNamedParameter($assessmentIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->orderBy('criterion_id');
		$result = $qb->executeQuery();
		$scores = [];
		while ($row = $result->fetch()) {
			$scores[(int)$row['assessment_id']][] = [
				'criterionId' => (int)$row['criterion_id'],
				'score' => Score::fromStored($row['score']),
			];
		}
		$result->closeCursor();
		return $scores;
	}

	/**
	 * Replaces the scores of one assessment, in criterion order (one lock order for all). Call inside a transaction.
	 *
	 * @param array<int, ?int> $scores criterion id => score
	 */
	public function replace(int $assessmentId, array $scores): void {
		$delete = $this->db->getQueryBuilder();
		$delete->delete('pf_scores')
			->where($delete->expr()->eq('assessment_id', $delete->createNamedParameter($assessmentId, IQueryBuilder::PARAM_INT)))
			->executeStatement();
		ksort($scores);
		foreach ($scores as $criterionId => $score) {
			$insert = $this->db->getQueryBuilder();
			$insert->insert('pf_scores')->values([
				'assessment_id' => $insert->createNamedParameter($assessmentId, IQueryBuilder::PARAM_INT),
				'criterion_id' => $insert->createNamedParameter($criterionId, IQueryBuilder::PARAM_INT),
				'score' => $insert->createNamedParameter($score, $score === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
			])->executeStatement();
		}
	}
}
