<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Model\TitleWords;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The words of the item titles (pf_item_words), kept with the items by ItemWriter, so that
 * title suggestions look words up in an index instead of scanning every title.
 */
class ItemWordMapper {
	public const TABLE = 'pf_item_words';

	private ?IQueryBuilder $insert = null;

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/** Stores the words of an item's title in place of the earlier ones. Call inside a transaction. */
	public function replace(int $itemId, string $title): void {
		$this->deleteForItems([$itemId]);
		$this->insert($itemId, $title);
	}

	/** Adds the words of a new item's title (also used in bulk by the backfill and the bench seeder). */
	public function insert(int $itemId, string $title): void {
		if ($this->insert === null) {
			$this->insert = $this->db->getQueryBuilder();
			$this->insert->insert(self::TABLE)->values([
				'item_id' => $this->insert->createParameter('item_id'),
				'prefix' => $this->insert->createParameter('prefix'),
				'word' => $this->insert->createParameter('word'),
			]);
		}
		foreach (TitleWords::of($title) as $word) {
			$this->insert->setParameter('item_id', $itemId, IQueryBuilder::PARAM_INT)
				->setParameter('prefix', TitleWords::prefix($word))
				->setParameter('word', $word)
				->executeStatement();
		}
	}

	/** @param list<int> $itemIds */
	public function deleteForItems(array $itemIds): void {
		if ($itemIds === []) {
			return;
		}
		$delete = $this->db->getQueryBuilder();
		$delete->delete(self::TABLE)
			->where($delete->expr()->in('item_id', $delete->createNamedParameter($itemIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->executeStatement();
	}

	/**
	 * Indexes every item that has no words yet, in batches of one transaction each.
	 *
	 * @return int how many items were indexed
	 */
	public function backfill(int $batch = 1000): int {
		$done = 0;
		$after = 0;
		while (true) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('i.id', 'i.title')->from('pf_items', 'i')
				->leftJoin('i', self::TABLE, 'w', $qb->expr()->eq('w.item_id', 'i.id'))
				->where($qb->expr()->gt('i.id', $qb->createNamedParameter($after, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->isNull('w.id'))
				->orderBy('i.id')
				->setMaxResults($batch);
			$result = $qb->executeQuery();
			$rows = $result->fetchAll();
			$result->closeCursor();
			if ($rows === []) {
				return $done;
			}
			$this->db->beginTransaction();
			try {
				foreach ($rows as $row) {
					$this->insert((int)$row['id'], (string)$row['title']);
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
			$done += count($rows);
			$after = (int)$rows[count($rows) - 1]['id'];
		}
	}
}
