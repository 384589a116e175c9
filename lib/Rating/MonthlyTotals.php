<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Db\MonthTotalsMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * Keeps the monthly totals (MonthTotalsMapper) in step with the ratings, and checks them.
 *
 * The consolidation sums these totals instead of counting ratings, so that a year costs about
 * what a month costs, whatever the number of ratings. Every writer of ratings calls
 * record() in its transaction with the assessment before and after; rebuild() recomputes
 * them from the ratings (migration, seeders), verify() recomputes and compares.
 */
class MonthlyTotals {
	public function __construct(
		private MonthTotalsMapper $totals,
		private IDBConnection $db,
		private TransactionRunner $transactions,
	) {
	}

	/** What the stored assessment contributes now (null: none stored). Call after locking it. */
	public function contributionOf(string $userId, int $pilotId, int $componentId, int $periodId): ?RatingContribution {
		$qb = $this->db->getQueryBuilder();
		$qb->select('a.org_id', 'a.rated', 'a.overall', 's.criterion_id', 's.score')
			->from('pf_assessments', 'a')
			->leftJoin('a', 'pf_scores', 's', $qb->expr()->eq('s.assessment_id', 'a.id'))
			->where($qb->expr()->eq('a.user_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('a.period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('a.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('a.component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$assessment = null;
		$scores = [];
		while ($row = $result->fetch()) {
			$assessment ??= $row;
			if ($row['criterion_id'] !== null) {
				$scores[(int)$row['criterion_id']] = $row['score'] === null ? null : (int)$row['score'];
			}
		}
		$result->closeCursor();
		if ($assessment === null) {
			return null;
		}
		return new RatingContribution((int)$assessment['org_id'], (int)$assessment['rated'] === 1, $assessment['overall'] === null ? null : (int)$assessment['overall'], $scores);
	}

	/** Changes the totals by what one assessment's save changed. Call in the save's transaction. */
	public function record(string $userId, int $pilotId, int $componentId, int $periodId, ?RatingContribution $before, ?RatingContribution $after): void {
		$difference = RatingContribution::difference($before, $after);
		if ($difference['totals'] !== [] || $difference['raters'] !== []) {
			$this->totals->add($periodId, $pilotId, $componentId, $userId, $difference);
		}
	}

	/**
	 * Recomputes the totals from the ratings, of some periods or of all: all or nothing, and
	 * again after a short wait when another request held a lock (TransactionRunner). Inside a
	 * caller's transaction it becomes part of that one.
	 *
	 * @param list<int>|null $periodIds
	 * @throws \OCA\PilotFeedback\Exception\BusyException when the database stayed locked
	 */
	public function rebuild(?array $periodIds = null): void {
		$this->transactions->run(function () use ($periodIds): void {
			$this->totals->rebuild($periodIds);
		});
	}

	/**
	 * Recomputes the organisation's released quarter rows of the period's quarter. Call in the
	 * transaction that released or reopened the period, after locking the organisation.
	 */
	public function releaseChanged(int $orgId, int $periodId): void {
		$this->totals->releaseChanged($orgId, $periodId);
	}

	/** Recomputes the quarter rows from the monthly ones (when the quarter rows were added). */
	public function rebuildQuarters(): void {
		$this->transactions->run(function (): void {
			$this->totals->rebuildQuarters(null);
		});
	}

	/**
	 * Recomputes the totals of every period from the ratings and compares them with the stored
	 * ones, a period at a time (PHP holds one period's totals, never the ratings); then each
	 * quarter's rows with the sums of its months' rows, and its released rows with the sums of
	 * the months released.
	 *
	 * @return list<string> the differences, one line each (empty: the totals are right)
	 */
	public function verify(): array {
		$differences = [];
		foreach ($this->periodIds() as $periodId) {
			$checks = [
				'totals' => [5, [$this->totals->overallFromRatings([$periodId]), $this->totals->criteriaFromRatings([$periodId])], [$this->totals->storedTotals($periodId)]],
				'raters' => [4, [$this->totals->ratersFromRatings([$periodId])], [$this->totals->storedRaters($periodId)]],
			];
			foreach ($checks as $table => [$keyColumns, $computed, $stored]) {
				$expected = $this->keyed($keyColumns, $computed);
				$actual = $this->keyed($keyColumns, $stored);
				$differences = [...$differences, ...$this->compare($table, 'from the ratings', $expected, $actual)];
			}
		}
		// the quarter rows against the sums of the monthly rows just checked
		foreach ($this->totals->quarterPeriods() as $quarter => $periodIds) {
			$expected = $this->keyed(5, [$this->totals->quarterFromMonths($quarter, $periodIds)]);
			$actual = $this->keyed(5, [$this->totals->storedQuarter($quarter)]);
			$differences = [...$differences, ...$this->compare('quarter totals', 'from the months', $expected, $actual)];
			$expected = $this->keyed(5, [$this->totals->releasedQuarterFromMonths($quarter, $periodIds, null)]);
			$actual = $this->keyed(5, [$this->totals->storedQuarter($quarter, MonthTotalsMapper::RELEASED_QUARTERS)]);
			$differences = [...$differences, ...$this->compare('released quarter totals', 'from the months released', $expected, $actual)];
		}
		return $differences;
	}

	/**
	 * @param array<string, string> $expected
	 * @param array<string, string> $actual
	 * @return list<string>
	 */
	private function compare(string $table, string $source, array $expected, array $actual): array {
		$differences = [];
		foreach ($expected + $actual as $key => $_) {
			if (($expected[$key] ?? null) !== ($actual[$key] ?? null)) {
				$differences[] = sprintf('%s of %s: %s %s, stored %s', $table, $key, $source, $expected[$key] ?? 'none', $actual[$key] ?? 'none');
			}
		}
		return $differences;
	}

	/**
	 * @param list<IQueryBuilder> $queries
	 * @return array<string, string> each row's first $keyColumns values joined => the rest joined
	 */
	private function keyed(int $keyColumns, array $queries): array {
		$rows = [];
		foreach ($queries as $query) {
			$result = $query->executeQuery();
			while ($row = $result->fetch(\PDO::FETCH_NUM)) {
				/** @var list<int|string> $row */
				$values = array_map('strval', $row);
				$rows[implode('/', array_slice($values, 0, $keyColumns))] = implode(' ', array_slice($values, $keyColumns));
			}
			$result->closeCursor();
		}
		return $rows;
	}

	/** @return list<int> */
	private function periodIds(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_periods')->orderBy('id');
		$result = $qb->executeQuery();
		$ids = [];
		while ($row = $result->fetch()) {
			$ids[] = (int)$row['id'];
		}
		$result->closeCursor();
		return $ids;
	}
}
