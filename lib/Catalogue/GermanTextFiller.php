<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * Gives the default catalogue's pilots and criteria their German texts: a record whose English
 * name is a default one gets the default German name, and the German description when its
 * English description is still the default one. A German text already there is never
 * overwritten, so an administrator's wording stays and a second run changes nothing.
 * Plain queries, so that the migration can run it before the entities know the new columns.
 */
class GermanTextFiller {
	public function __construct(
		private IDBConnection $db,
	) {
	}

	/** Fills the empty German texts and returns how many records it changed. */
	public function fill(): int {
		$changed = 0;
		foreach (DefaultCatalogueTexts::germanTexts() as $text) {
			$nameColumn = $text['nameColumn'];
			$germanColumn = $nameColumn . '_de';
			$qb = $this->db->getQueryBuilder();
			$qb->select('id', $germanColumn, 'description', 'description_de')->from($text['table'])
				->where($qb->expr()->eq($nameColumn, $qb->createNamedParameter($text['english'])));
			$result = $qb->executeQuery();
			$rows = $result->fetchAll();
			$result->closeCursor();
			foreach ($rows as $row) {
				$update = $this->db->getQueryBuilder();
				$update->update($text['table'])
					->where($update->expr()->eq('id', $update->createNamedParameter((int)$row['id'], IQueryBuilder::PARAM_INT)));
				$set = false;
				if ((string)($row[$germanColumn] ?? '') === '') {
					$update->set($germanColumn, $update->createNamedParameter($text['german']));
					$set = true;
				}
				if ((string)($row['description_de'] ?? '') === '' && (string)($row['description'] ?? '') === $text['englishDescription']) {
					$update->set('description_de', $update->createNamedParameter($text['germanDescription']));
					$set = true;
				}
				if ($set) {
					$update->executeStatement();
					$changed++;
				}
			}
		}
		return $changed;
	}
}
