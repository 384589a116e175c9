<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\DB\Exception as DbException;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The numbers of pseudonyms, one per person (found by a keyed hash of the user id), and the
 * replacement of a user id by a pseudonym in the app's tables.
 */
class PseudonymMapper {
	public const TABLE = 'pf_pseudonyms';

	/** The tables and columns that hold the user ids of people, besides the items' reporter. */
	public const USER_COLUMNS = [
		['pf_assessments', 'user_id'],
		['pf_supporters', 'user_id'],
		['pf_history', 'user_id'],
		['pf_attachments', 'added_by'],
		['pf_releases', 'user_id'],
		// who released or reopened, shown in the release history
		[ReleaseLogMapper::TABLE, 'user_id'],
		[FormerTesterMapper::TABLE, 'user_id'],
		// who saved each version of a consolidator's text for reports
		[ReportTextMapper::TABLE, 'changed_by'],
		// the raters counted in the monthly totals (participation)
		[MonthTotalsMapper::RATERS, 'user_id'],
	];

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/** The pseudonym number for a hash, made on first use. */
	public function numberFor(string $userHash, int $now): int {
		$existing = $this->find($userHash);
		if ($existing !== null) {
			return $existing;
		}
		$qb = $this->db->getQueryBuilder();
		$qb->insert(self::TABLE)->values([
			'user_hash' => $qb->createNamedParameter($userHash),
			'created_at' => $qb->createNamedParameter($now, IQueryBuilder::PARAM_INT),
		]);
		try {
			$qb->executeStatement();
			return $qb->getLastInsertId();
		} catch (DbException $e) {
			if ($e->getReason() !== DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION) {
				throw $e;
			}
			return $this->find($userHash) ?? throw $e;
		}
	}

	private function find(string $userHash): ?int {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from(self::TABLE)->where($qb->expr()->eq('user_hash', $qb->createNamedParameter($userHash)));
		$result = $qb->executeQuery();
		/** @var int|string|false $id */
		$id = $result->fetchOne();
		$result->closeCursor();
		return $id === false ? null : (int)$id;
	}

	/** Replaces a user id everywhere in the app's records; the coordinator role ends. @return int rows changed */
	public function replaceEverywhere(string $userId, string $pseudonym): int {
		$changed = 0;
		foreach ([['pf_items', 'reporter_id'], ...self::USER_COLUMNS] as [$table, $column]) {
			$qb = $this->db->getQueryBuilder();
			$qb->update($table)->set($column, $qb->createNamedParameter($pseudonym))
				->where($qb->expr()->eq($column, $qb->createNamedParameter($userId)));
			$changed += $qb->executeStatement();
		}
		$qb = $this->db->getQueryBuilder();
		$qb->delete('pf_org_coords')->where($qb->expr()->eq('user_id', $qb->createNamedParameter($userId)));
		$changed += $qb->executeStatement();
		return $changed;
	}

	/**
	 * Items closed (in one of the statuses) and unchanged since before the time whose reporter is a user, not yet a pseudonym.
	 *
	 * @param list<string> $statuses
	 * @return list<array{id: int, reporterId: string}>
	 */
	public function expiredReporters(array $statuses, int $before, string $pseudonymMark, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'reporter_id')->from('pf_items')
			->where($qb->expr()->in('status', $qb->createNamedParameter($statuses, IQueryBuilder::PARAM_STR_ARRAY)))
			->andWhere($qb->expr()->lt('updated_at', $qb->createNamedParameter($before, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->notLike('reporter_id', $qb->createNamedParameter('%' . $this->db->escapeLikeParameter($pseudonymMark) . '%')))
			->orderBy('id')->setMaxResults($limit);
		$result = $qb->executeQuery();
		$rows = [];
		while ($row = $result->fetch()) {
			$rows[] = ['id' => (int)$row['id'], 'reporterId' => (string)$row['reporter_id']];
		}
		$result->closeCursor();
		return $rows;
	}

	/** Replaces the reporter of one item, in the item, its history and its attachments. */
	public function replaceReporter(int $itemId, string $userId, string $pseudonym): void {
		foreach ([['pf_items', 'reporter_id', 'id'], ['pf_history', 'user_id', 'item_id'], ['pf_attachments', 'added_by', 'item_id']] as [$table, $column, $key]) {
			$qb = $this->db->getQueryBuilder();
			$qb->update($table)->set($column, $qb->createNamedParameter($pseudonym))
				->where($qb->expr()->eq($key, $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->eq($column, $qb->createNamedParameter($userId)));
			$qb->executeStatement();
		}
	}
}
