<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCP\AppFramework\Db\QBMapper;
use OCP\IDBConnection;

/** @template-extends QBMapper<Period> */
class PeriodMapper extends QBMapper {
	/** @use FindsById<Period> */
	use FindsById;

	public function __construct(IDBConnection $db) {
		parent::__construct($db, 'pf_periods', Period::class);
	}

	/** @throws NotFoundException */
	public function get(int $id): Period {
		return $this->findById($id, 'No reporting period with id %1$s exists.');
	}

	/** @return list<Period> newest month first */
	public function findAll(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())->orderBy('month', 'DESC');
		return $this->findEntities($qb);
	}

	public function findByMonth(string $month): ?Period {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('month', $qb->createNamedParameter($month)));
		return $this->findEntities($qb)[0] ?? null;
	}

	/** The newest open period: the one testers rate by default. */
	public function findNewestOpen(): ?Period {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('status', $qb->createNamedParameter('open')))
			->orderBy('month', 'DESC')->setMaxResults(1);
		return $this->findEntities($qb)[0] ?? null;
	}

	/** The period of the month before the given one (the newest earlier month that has a period), if any. */
	public function findBefore(string $month): ?Period {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->lt('month', $qb->createNamedParameter($month)))
			->orderBy('month', 'DESC')->setMaxResults(1);
		return $this->findEntities($qb)[0] ?? null;
	}
}
