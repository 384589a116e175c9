<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/** The bench data of earlier runs: how much of it exists, and deleting it. */
class BenchCleanup {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * How many items and assessments of earlier runs exist.
	 *
	 * @return array{items: int, assessments: int}
	 */
	public function existing(): array {
		return [
			'items' => $this->countBench('pf_items', 'reporter_id'),
			'assessments' => $this->countBench('pf_assessments', 'user_id'),
		];
	}

	/** Removes the items, supporters, assessments and scores of earlier runs (accounts, components and periods stay). */
	public function delete(): void {
		$like = $this->db->escapeLikeParameter(BenchPlan::USER_PREFIX) . '%';
		foreach ([['pf_items', 'reporter_id', [['pf_supporters', 'item_id'], ['pf_history', 'item_id'], ['pf_attachments', 'item_id'], [ItemWordMapper::TABLE, 'item_id']]], ['pf_assessments', 'user_id', [['pf_scores', 'assessment_id']]]] as [$table, $userColumn, $children]) {
			while (true) {
				$qb = $this->db->getQueryBuilder();
				$qb->select('id')->from($table)->where($qb->expr()->like($userColumn, $qb->createNamedParameter($like)))->setMaxResults(500);
				$ids = array_map(static fn (array $row): int => (int)$row['id'], BenchQuery::rows($qb));
				if ($ids === []) {
					break;
				}
				$this->db->beginTransaction();
				try {
					foreach ([...$children, [$table, 'id']] as [$childTable, $column]) {
						$delete = $this->db->getQueryBuilder();
						$delete->delete($childTable)->where($delete->expr()->in($column, $delete->createNamedParameter($ids, IQueryBuilder::PARAM_INT_ARRAY)));
						$delete->executeStatement();
					}
					$this->db->commit();
				} catch (\Throwable $e) {
					$this->db->rollBack();
					throw $e;
				}
			}
		}
		$delete = $this->db->getQueryBuilder();
		$delete->delete('pf_supporters')->where($delete->expr()->like('user_id', $delete->createNamedParameter($like)));
		$delete->executeStatement();
	}

	private function countBench(string $table, string $column): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($table)
			->where($qb->expr()->like($column, $qb->createNamedParameter($this->db->escapeLikeParameter(BenchPlan::USER_PREFIX) . '%')));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}
}
