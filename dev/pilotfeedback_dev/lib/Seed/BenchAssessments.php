<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

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
	 * each rating the components of their organisation, in each of its pilots that contains
	 * them), until $total. Rows get explicit ids after the largest existing one, so that the
	 * scores can name their assessment without reading it back; BenchQuery::BATCH assessments
	 * and their scores go in one transaction, written as multi-row INSERTs.
	 *
	 * @param BenchCatalogueData $catalogue
	 * @param array<array-key, int> $userOrgs BenchPlan::users()
	 * @param list<int> $periodIds pastPeriods()
	 * @param callable(string): void $progress
	 * @return array{pf_assessments: int, pf_scores: int} what was inserted, by table
	 */
	public function seed(int $total, int $perPeriod, int $now, array $catalogue, array $userOrgs, array $periodIds, callable $progress): array {
		$counts = ['pf_assessments' => 0, 'pf_scores' => 0];
		$nextId = BenchQuery::maxId($this->db, 'pf_assessments') + 1;
		$slots = BenchPlan::slots($catalogue['orgComponents'], $userOrgs, $periodIds, $perPeriod);
		$done = 0;
		while ($done < $total && $slots->valid()) {
			$assessments = [];
			$scores = [];
			for ($n = 0; $n < BenchQuery::BATCH && $done < $total && $slots->valid(); $n++, $done++) {
				/** @var BenchSlot $slot valid() was true */
				$slot = $slots->current();
				[$index, $periodId, $userId, $orgId, $componentId, $pilotId] = $slot;
				$slots->next();
				$id = $nextId++;
				$at = $now - ($index + 1) * 30 * 86400 + mt_rand(0, 20 * 86400);
				$overall = mt_rand(1, 100) <= 5 ? null : mt_rand(1, 5);
				$rated = $overall !== null;
				foreach ($catalogue['criterionIds'] as $criterionId) {
					$value = mt_rand(1, 100) <= 10 ? null : mt_rand(1, 5);
					// As RatingSaver decides it: a rating has an overall score or a criterion score.
					$rated = $rated || $value !== null;
					$scores[] = [$id, $criterionId, $value];
				}
				$comment = mt_rand(1, 100) <= 30 ? 'Synthetic benchmark comment: works mostly, some ' . strtolower(BenchItems::SUBJECTS[mt_rand(0, count(BenchItems::SUBJECTS) - 1)]) . ' issues.' : null;
				$assessments[] = [$id, $userId, $orgId, $pilotId, $componentId, $periodId, $overall, $rated ? 1 : 0, $comment, $at, $at + mt_rand(0, 5 * 86400)];
			}
			BenchQuery::transaction($this->db, function () use ($assessments, $scores): void {
				BenchQuery::insertRows($this->db, 'pf_assessments', ['id', 'user_id', 'org_id', 'pilot_id', 'component_id', 'period_id', 'overall', 'rated', 'comment', 'created_at', 'updated_at'], $assessments);
				BenchQuery::insertRows($this->db, 'pf_scores', ['assessment_id', 'criterion_id', 'score'], $scores);
			});
			$counts['pf_assessments'] += count($assessments);
			$counts['pf_scores'] += count($scores);
			if ($done % (20 * BenchQuery::BATCH) === 0 || $done >= $total) {
				$progress(sprintf('assessments: %d/%d (%.0f MB peak)', $done, $total, memory_get_peak_usage() / 1048576));
			}
		}
		BenchQuery::syncSequence($this->db, 'pf_assessments');
		return $counts;
	}

	/**
	 * Releases the months of the organisations as their coordinators would, four in five
	 * (organisation, month) pairs, so that "released only" selects part of the data; pairs
	 * released before stay.
	 *
	 * @param list<int> $orgIds
	 * @param list<int> $periodIds
	 * @return int releases created
	 */
	public function release(array $orgIds, array $periodIds, int $now): int {
		$existing = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'period_id')->from('pf_releases');
		foreach (BenchQuery::rows($qb) as $row) {
			$existing[(int)$row['org_id'] . '/' . (int)$row['period_id']] = true;
		}
		$rows = [];
		foreach ($orgIds as $o => $orgId) {
			foreach ($periodIds as $p => $periodId) {
				if (($o + $p) % 5 !== 4 && !isset($existing[$orgId . '/' . $periodId])) {
					$rows[] = [$orgId, $periodId, 'admin', $now - ($p + 1) * 30 * 86400 + 25 * 86400];
				}
			}
		}
		BenchQuery::transaction($this->db, function () use ($rows): void {
			BenchQuery::insertRows($this->db, 'pf_releases', ['org_id', 'period_id', 'user_id', 'released_at'], $rows);
		});
		return count($rows);
	}
}
