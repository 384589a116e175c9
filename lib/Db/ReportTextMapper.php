<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The versions of the consolidators' report texts (pf_report_texts, append-only). The current
 * text of a key (pilot, period, component) is its row with the highest version; the unique
 * index on (pilot, period, component, version) refuses a second save of the same version.
 *
 * @template-extends QBMapper<ReportText>
 */
class ReportTextMapper extends QBMapper {
	public const TABLE = 'pf_report_texts';

	public function __construct(IDBConnection $db) {
		parent::__construct($db, self::TABLE, ReportText::class);
	}

	/**
	 * The current version of every text of a pilot for a period (removed ones too: their body is
	 * empty), foreword first, then by component id.
	 *
	 * @return list<ReportText>
	 */
	public function findCurrent(int $pilotId, string $period): array {
		$newer = $this->db->getQueryBuilder();
		$newer->select('n.id')->from(self::TABLE, 'n')
			->where($newer->expr()->eq('n.pilot_id', 't.pilot_id'))
			->andWhere($newer->expr()->eq('n.period', 't.period'))
			->andWhere($newer->expr()->eq('n.component_id', 't.component_id'))
			->andWhere($newer->expr()->gt('n.version', 't.version'));
		$qb = $this->db->getQueryBuilder();
		$qb->select('t.*')->from(self::TABLE, 't')
			->where($qb->expr()->eq('t.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('t.period', $qb->createNamedParameter($period)))
			->andWhere($qb->createFunction('NOT EXISTS (' . $newer->getSQL() . ')'))
			->orderBy('t.component_id');
		return $this->findEntities($qb);
	}

	/** The current version of one text, or null when it was never written. */
	public function findLatest(int $pilotId, string $period, int $componentId): ?ReportText {
		return $this->findVersions($pilotId, $period, $componentId, 1)[0] ?? null;
	}

	/**
	 * The versions of one text, newest first.
	 *
	 * @return list<ReportText>
	 */
	public function findVersions(int $pilotId, string $period, int $componentId, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from(self::TABLE)
			->where($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period', $qb->createNamedParameter($period)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)))
			->orderBy('version', 'DESC')
			->setMaxResults($limit);
		return $this->findEntities($qb);
	}
}
