<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;

/**
 * The monthly item totals (pf_item_months), what the items overview reads for its items filed
 * and closed per month instead of the items and their history: per pilot, organisation, month
 * (its start, 00:00 UTC on the 1st) and confidentiality, how many items were filed and how
 * many were closed (an item closed twice in a month counts once in it).
 *
 * Item\ItemMonthTotals keeps them in step with every history entry that files, closes or
 * moves an item to another pilot; computed() counts them from the items, for rebuild and verify.
 *
 * @psalm-type ItemMonthRow = array{pilotId: int, orgId: int, confidential: bool, monthStart: int, filed: int, closed: int}
 */
class ItemMonthsMapper {
	public const TABLE = 'pf_item_months';

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * Adds to one row's counts: an update where the row exists, else a row of zeros inserted
	 * first (a racing insert of the same row is ignored, and the update then adds to it).
	 * Call inside the transaction that changed the item.
	 */
	public function add(int $pilotId, int $orgId, bool $confidential, int $monthStart, int $filed, int $closed): void {
		$key = ['pilot_id' => $pilotId, 'month_start' => $monthStart, 'org_id' => $orgId, 'confidential' => $confidential ? 1 : 0];
		if ($this->update($key, $filed, $closed) > 0) {
			return;
		}
		$this->db->insertIgnoreConflict(self::TABLE, $key + ['filed' => 0, 'closed' => 0]);
		$this->update($key, $filed, $closed);
	}

	/** @param array<string, int> $key */
	private function update(array $key, int $filed, int $closed): int {
		$qb = $this->db->getQueryBuilder();
		$qb->update(self::TABLE)
			->set('filed', $qb->createFunction($qb->getColumnName('filed') . ' + ' . $qb->createNamedParameter($filed, IQueryBuilder::PARAM_INT)))
			->set('closed', $qb->createFunction($qb->getColumnName('closed') . ' + ' . $qb->createNamedParameter($closed, IQueryBuilder::PARAM_INT)));
		foreach ($key as $column => $value) {
			$qb->andWhere($qb->expr()->eq($column, $qb->createNamedParameter($value, IQueryBuilder::PARAM_INT)));
		}
		return $qb->executeStatement();
	}

	/**
	 * Items filed and closed per month of [start, end) in the pilot, of the rows the viewer may
	 * see whole: the consolidator all, anyone else the items that are not confidential and those
	 * of the organisations they coordinate. A viewer's own confidential items elsewhere are not
	 * in here (ItemsOverviewMapper adds them).
	 *
	 * @return array<int, array{filed: int, closed: int}> month start => counts
	 */
	public function visibleSums(Actor $actor, int $pilotId, int $start, int $end): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('month_start')
			->selectAlias($qb->func()->sum('filed'), 'filed')
			->selectAlias($qb->func()->sum('closed'), 'closed')
			->from(self::TABLE)
			->where($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->gte('month_start', $qb->createNamedParameter($start, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt('month_start', $qb->createNamedParameter($end, IQueryBuilder::PARAM_INT)))
			->groupBy('month_start');
		$this->restrictToWholeRows($qb, $actor);
		$sums = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$sums[(int)$row['month_start']] = ['filed' => (int)$row['filed'], 'closed' => (int)$row['closed']];
		}
		$result->closeCursor();
		return $sums;
	}

	/**
	 * How many items were filed in all, of the rows the viewer may see whole (as visibleSums()),
	 * optionally of one pilot and one organisation.
	 */
	public function visibleCount(Actor $actor, ?int $pilotId, ?int $orgId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->selectAlias($qb->func()->sum('filed'), 'filed')->from(self::TABLE);
		if ($pilotId !== null) {
			$qb->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		if ($orgId !== null) {
			$qb->andWhere($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)));
		}
		$this->restrictToWholeRows($qb, $actor);
		$result = $qb->executeQuery();
		$row = $result->fetch();
		$result->closeCursor();
		return $row === false ? 0 : (int)$row['filed'];
	}

	/** The rows the viewer may count whole: all for a consolidator, else those not confidential or of an organisation they coordinate. */
	private function restrictToWholeRows(IQueryBuilder $qb, Actor $actor): void {
		if ($actor->isConsolidator) {
			return;
		}
		$visible = [$qb->expr()->eq('confidential', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT))];
		if ($actor->coordinatorOrgIds !== []) {
			$visible[] = $qb->expr()->in('org_id', $qb->createNamedParameter($actor->coordinatorOrgIds, IQueryBuilder::PARAM_INT_ARRAY));
		}
		$qb->andWhere($qb->expr()->orX(...$visible));
	}

	/**
	 * The rows as stored, without those whose counts are all zero (as if absent).
	 *
	 * @return array<string, ItemMonthRow> by key()
	 */
	public function stored(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('pilot_id', 'org_id', 'confidential', 'month_start', 'filed', 'closed')->from(self::TABLE);
		$rows = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			if ((int)$row['filed'] !== 0 || (int)$row['closed'] !== 0) {
				$this->collect($rows, (int)$row['pilot_id'], (int)$row['org_id'], (int)$row['confidential'] === 1, (int)$row['month_start'], (int)$row['filed'], (int)$row['closed']);
			}
		}
		$result->closeCursor();
		return $rows;
	}

	/**
	 * The rows counted from the items and their status history: what stored() must equal. The
	 * database counts (GROUP BY over month buckets); PHP holds one row per key.
	 *
	 * @return array<string, ItemMonthRow> by key()
	 */
	public function computed(): array {
		$span = $this->db->getQueryBuilder();
		$span->selectAlias($span->func()->min('created_at'), 'first')
			->selectAlias($span->func()->max('created_at'), 'last')
			->from('pf_items');
		$result = $span->executeQuery();
		$times = $result->fetch();
		$result->closeCursor();
		if ($times === false || $times['first'] === null) {
			return [];
		}
		// history entries are never older than their item; they may be newer than the newest item
		$bounds = MonthRange::boundsSpanning((int)$times['first'], max((int)$times['last'], $this->lastStatusChange()));

		$rows = [];
		$filed = $this->db->getQueryBuilder();
		$month = self::monthStartOf($filed, 'i.created_at', $bounds);
		$filed->select('i.pilot_id', 'i.org_id')
			->selectAlias($this->confidentialFlag($filed), 'conf')
			->selectAlias($month, 'month_start')
			->selectAlias($filed->func()->count('*'), 'n')
			->from('pf_items', 'i')
			->where($filed->expr()->gt('i.pilot_id', $filed->createNamedParameter(0, IQueryBuilder::PARAM_INT)))
			->groupBy('i.pilot_id', 'i.org_id', 'conf', $month);
		$result = $filed->executeQuery();
		while ($row = $result->fetch()) {
			$this->collect($rows, (int)$row['pilot_id'], (int)$row['org_id'], (int)$row['conf'] === 1, (int)$row['month_start'], (int)$row['n'], 0);
		}
		$result->closeCursor();

		$closed = $this->db->getQueryBuilder();
		$month = self::monthStartOf($closed, 'h.created_at', $bounds);
		$closed->select('i.pilot_id', 'i.org_id')
			->selectAlias($this->confidentialFlag($closed), 'conf')
			->selectAlias($month, 'month_start')
			->selectAlias($closed->createFunction('COUNT(DISTINCT ' . $closed->getColumnName('h.item_id') . ')'), 'n')
			->from('pf_history', 'h')
			->innerJoin('h', 'pf_items', 'i', $closed->expr()->eq('i.id', 'h.item_id'))
			->where($closed->expr()->gt('i.pilot_id', $closed->createNamedParameter(0, IQueryBuilder::PARAM_INT)))
			->andWhere($closed->expr()->eq('h.field', $closed->createNamedParameter('status')))
			->andWhere($closed->expr()->in('h.new_value', $closed->createNamedParameter(ItemsOverviewMapper::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)))
			->groupBy('i.pilot_id', 'i.org_id', 'conf', $month);
		$result = $closed->executeQuery();
		while ($row = $result->fetch()) {
			$this->collect($rows, (int)$row['pilot_id'], (int)$row['org_id'], (int)$row['conf'] === 1, (int)$row['month_start'], 0, (int)$row['n']);
		}
		$result->closeCursor();
		ksort($rows);
		return $rows;
	}

	/**
	 * Replaces the stored rows by the given ones. Call inside a transaction.
	 *
	 * @param array<string, ItemMonthRow> $rows
	 */
	public function replaceAll(array $rows): void {
		$this->db->getQueryBuilder()->delete(self::TABLE)->executeStatement();
		foreach ($rows as $row) {
			$qb = $this->db->getQueryBuilder();
			$qb->insert(self::TABLE)->values([
				'pilot_id' => $qb->createNamedParameter($row['pilotId'], IQueryBuilder::PARAM_INT),
				'org_id' => $qb->createNamedParameter($row['orgId'], IQueryBuilder::PARAM_INT),
				'confidential' => $qb->createNamedParameter($row['confidential'] ? 1 : 0, IQueryBuilder::PARAM_INT),
				'month_start' => $qb->createNamedParameter($row['monthStart'], IQueryBuilder::PARAM_INT),
				'filed' => $qb->createNamedParameter($row['filed'], IQueryBuilder::PARAM_INT),
				'closed' => $qb->createNamedParameter($row['closed'], IQueryBuilder::PARAM_INT),
			])->executeStatement();
		}
	}

	/**
	 * What decides where an item counts: its pilot, organisation, confidentiality and filing time.
	 *
	 * @return array{pilotId: int, orgId: int, confidential: bool, createdAt: int}|null null: no such item
	 */
	public function itemKey(int $itemId): ?array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('pilot_id', 'org_id', 'created_at')
			->selectAlias($this->confidentialFlag($qb), 'conf')
			->from('pf_items', 'i')
			->where($qb->expr()->eq('i.id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$row = $result->fetch();
		$result->closeCursor();
		if ($row === false) {
			return null;
		}
		return ['pilotId' => (int)$row['pilot_id'], 'orgId' => (int)$row['org_id'], 'confidential' => (int)$row['conf'] === 1, 'createdAt' => (int)$row['created_at']];
	}

	/**
	 * The months (their starts) in which the item's history already closed it.
	 *
	 * @return list<int>
	 */
	public function closingMonths(int $itemId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('created_at')->from('pf_history')
			->where($qb->expr()->eq('item_id', $qb->createNamedParameter($itemId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('field', $qb->createNamedParameter('status')))
			->andWhere($qb->expr()->in('new_value', $qb->createNamedParameter(ItemsOverviewMapper::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)));
		$months = [];
		$result = $qb->executeQuery();
		while ($row = $result->fetch()) {
			$months[MonthRange::startContaining((int)$row['created_at'])] = true;
		}
		$result->closeCursor();
		return array_keys($months);
	}

	/** The key of a row in stored() and computed(). */
	public static function key(int $pilotId, int $orgId, bool $confidential, int $monthStart): string {
		return sprintf('%d/%d/%s/%s', $pilotId, $orgId, gmdate('Y-m', $monthStart), $confidential ? 'confidential' : 'open');
	}

	/**
	 * The start of the month a time falls in, as SQL: CASE WHEN t < bound1 THEN bound0 WHEN …
	 * END; the bounds are integers computed in PHP, so no database-specific date function is needed.
	 *
	 * @param non-empty-list<int> $bounds start of each month and the end of the last, ascending
	 */
	public static function monthStartOf(IQueryBuilder $qb, string $column, array $bounds): IQueryFunction {
		$sql = 'CASE';
		$quoted = $qb->getColumnName($column);
		for ($i = 1, $last = count($bounds); $i < $last; $i++) {
			$sql .= ' WHEN ' . $quoted . ' < ' . $bounds[$i] . ' THEN ' . $bounds[$i - 1];
		}
		return $qb->createFunction($sql . ' END');
	}

	/** 1 for a confidential item, else 0 (the column may be null, read as not confidential). */
	private function confidentialFlag(IQueryBuilder $qb): IQueryFunction {
		return $qb->createFunction('CASE WHEN ' . $qb->getColumnName('i.confidential') . ' = ' . $qb->createNamedParameter(true, IQueryBuilder::PARAM_BOOL) . ' THEN 1 ELSE 0 END');
	}

	private function lastStatusChange(): int {
		$qb = $this->db->getQueryBuilder();
		$qb->selectAlias($qb->func()->max('created_at'), 'last')->from('pf_history')
			->where($qb->expr()->eq('field', $qb->createNamedParameter('status')));
		$result = $qb->executeQuery();
		$row = $result->fetch();
		$result->closeCursor();
		return $row === false ? 0 : (int)$row['last'];
	}

	/** @param array<string, ItemMonthRow> $rows */
	private function collect(array &$rows, int $pilotId, int $orgId, bool $confidential, int $monthStart, int $filed, int $closed): void {
		$key = self::key($pilotId, $orgId, $confidential, $monthStart);
		$rows[$key] ??= ['pilotId' => $pilotId, 'orgId' => $orgId, 'confidential' => $confidential, 'monthStart' => $monthStart, 'filed' => 0, 'closed' => 0];
		$rows[$key]['filed'] += $filed;
		$rows[$key]['closed'] += $closed;
	}
}
