<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCP\DB\QueryBuilder\IQueryBuilder;

/** What the bench seeder's parts share about the database: the batch size and reading rows. */
final class BenchQuery {
	/** Rows written per transaction. */
	public const BATCH = 1000;

	/** @return list<array<string, mixed>> */
	public static function rows(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}
}
