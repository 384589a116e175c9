<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The synthetic assessments with a score per criterion, in the closed months before the
 * current one, in the order of BenchPlan::slots().
 *
 * @psalm-import-type BenchCatalogueData from BenchCatalogue
 * @psalm-import-type BenchSlot from BenchPlan
 */
class BenchAssessments {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The ids of the $count months before the current one, newest first; missing ones are created closed.
	 *
	 * @return array{0: list<int>, 1: int} period ids and how many were created
	 */
	public function pastPeriods(int $count, int $now): array {
		$ids = [];
		$created = 0;
		$month = new \DateTimeImmutable('@' . $now);
		$month = $month->setTimezone(new \DateTimeZone(date_default_timezone_get()));
		$month = $month->setDate((int)$month->format('Y'), (int)$month->format('n'), 1);
		for ($k = 1; $k <= $count; $k++) {
			$key = $month->sub(new \DateInterval('P' . $k . 'M'))->format('Y-m');
			$qb = $this->db->getQueryBuilder();
			$qb->select('id')->from('pf_periods')->where($qb->expr()->eq('month', $qb->createNamedParameter($key)));
			$rows = BenchQuery::rows($qb);
			if ($rows !== []) {
				$ids[] = (int)$rows[0]['id'];
				continue;
			}
			$insert = $this->db->getQueryBuilder();
			$insert->insert('pf_periods')->values([
				'month' => $insert->createNamedParameter($key),
				'status' => $insert->createNamedParameter('closed'),
			]);
			$insert->executeStatement();
			$ids[] = $insert->getLastInsertId();
			$created++;
		}
		return [$ids, $created];
	}

	/**
	 * Fills period after period (newest first) with $perPeriod assessments each (users in turn,
	 * each rating the components of their organisation, in each of its pilots that contains them), until $total; in transactions of
	 * BenchQuery::BATCH assessments.
	 *
	 * @param BenchCatalogueData $catalogue
	 * @param array<array-key, int> $userOrgs BenchPlan::users()
	 * @param list<int> $periodIds pastPeriods()
	 * @param callable(string): void $progress
	 * @return array{pf_assessments: int, pf_scores: int} what was inserted, by table
	 */
	public function seed(int $total, int $perPeriod, int $now, array $catalogue, array $userOrgs, array $periodIds, callable $progress): array {
		$counts = ['pf_assessments' => 0, 'pf_scores' => 0];
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_assessments')->values([
			'user_id' => $insert->createParameter('user_id'),
			'org_id' => $insert->createParameter('org_id'),
			'pilot_id' => $insert->createParameter('pilot_id'),
			'component_id' => $insert->createParameter('component_id'),
			'period_id' => $insert->createParameter('period_id'),
			'overall' => $insert->createParameter('overall'),
			'rated' => $insert->createParameter('rated'),
			'comment' => $insert->createParameter('comment'),
			'created_at' => $insert->createParameter('created_at'),
			'updated_at' => $insert->createParameter('updated_at'),
		]);
		$score = $this->db->getQueryBuilder();
		$score->insert('pf_scores')->values([
			'assessment_id' => $score->createParameter('assessment_id'),
			'criterion_id' => $score->createParameter('criterion_id'),
			'score' => $score->createParameter('score'),
		]);

		$slots = BenchPlan::slots($catalogue['orgComponents'], $userOrgs, $periodIds, $perPeriod);
		$done = 0;
		while ($done < $total && $slots->valid()) {
			$this->db->beginTransaction();
			try {
				for ($n = 0; $n < BenchQuery::BATCH && $done < $total && $slots->valid(); $n++, $done++) {
					/** @var BenchSlot $slot valid() was true */
					$slot = $slots->current();
					[$index, $periodId, $userId, $orgId, $componentId, $pilotId] = $slot;
					$slots->next();
					$at = $now - ($index + 1) * 30 * 86400 + mt_rand(0, 20 * 86400);
					$overall = mt_rand(1, 100) <= 5 ? null : mt_rand(1, 5);
					$values = [];
					foreach ($catalogue['criterionIds'] as $criterionId) {
						$values[$criterionId] = mt_rand(1, 100) <= 10 ? null : mt_rand(1, 5);
					}
					// As RatingSaver decides it: a rating has an overall score or a criterion score.
					$rated = $overall !== null || array_filter($values, static fn (?int $v): bool => $v !== null) !== [];
					$insert->setParameter('user_id', $userId)
						->setParameter('org_id', $orgId, IQueryBuilder::PARAM_INT)
						->setParameter('pilot_id', $pilotId, IQueryBuilder::PARAM_INT)
						->setParameter('component_id', $componentId, IQueryBuilder::PARAM_INT)
						->setParameter('period_id', $periodId, IQueryBuilder::PARAM_INT)
						->setParameter('overall', $overall, $overall === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('rated', $rated ? 1 : 0, IQueryBuilder::PARAM_INT)
						->setParameter('comment', mt_rand(1, 100) <= 30 ? 'Synthetic benchmark comment: works mostly, some ' . strtolower(BenchItems::SUBJECTS[mt_rand(0, count(BenchItems::SUBJECTS) - 1)]) . ' issues.' : null)
						->setParameter('created_at', $at, IQueryBuilder::PARAM_INT)
						->setParameter('updated_at', $at + mt_rand(0, 5 * 86400), IQueryBuilder::PARAM_INT);
					$insert->executeStatement();
					$assessmentId = $insert->getLastInsertId();
					$counts['pf_assessments']++;
					foreach ($values as $criterionId => $value) {
						$score->setParameter('assessment_id', $assessmentId, IQueryBuilder::PARAM_INT)
							->setParameter('criterion_id', $criterionId, IQueryBuilder::PARAM_INT)
							->setParameter('score', $value, $value === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT);
						$score->executeStatement();
						$counts['pf_scores']++;
					}
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
			$progress(sprintf('assessments: %d/%d', $done, $total));
		}
		return $counts;
	}
}
