<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Rating\RatingContribution;
use OCP\AppFramework\Db\QBMapper;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IAppConfig;
use OCP\IDBConnection;

/** @template-extends QBMapper<Report> */
class ReportMapper extends QBMapper {
	/** @use FindsById<Report> */
	use FindsById;

	public const TABLE = 'pf_reports';
	/**
	 * Seconds after which a run counts as dead, by default: far beyond the longest report
	 * measured (docs/performance.md, "Reports in the request or in the background"). The app
	 * setting report_stale_after (seconds) changes it.
	 */
	public const STALE_AFTER = 900;
	public const KEY_STALE_AFTER = 'report_stale_after';

	public function __construct(
		IDBConnection $db,
		private ITimeFactory $time,
		private IAppConfig $appConfig,
	) {
		parent::__construct($db, self::TABLE, Report::class);
	}

	/** Seconds after which a running report whose run has not finished counts as dead. */
	public function staleAfter(): int {
		return max(1, $this->appConfig->getValueInt(Application::APP_ID, self::KEY_STALE_AFTER, self::STALE_AFTER));
	}

	/** @throws NotFoundException */
	public function get(int $id): Report {
		return $this->findById($id, 'No report with id %1$s exists.');
	}

	/**
	 * Newest first; only those requested by $userId unless null (everyone's).
	 *
	 * @return list<Report>
	 */
	public function findPage(?string $userId, int $offset, int $limit): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from(self::TABLE)
			->orderBy('created_at', 'DESC')->addOrderBy('id', 'DESC')
			->setFirstResult($offset)->setMaxResults($limit);
		if ($userId !== null) {
			$qb->where($qb->expr()->eq('requested_by', $qb->createNamedParameter($userId)));
		}
		return $this->findEntities($qb);
	}

	public function count(?string $userId): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*', 'n'))->from(self::TABLE);
		if ($userId !== null) {
			$qb->where($qb->expr()->eq('requested_by', $qb->createNamedParameter($userId)));
		}
		$result = $qb->executeQuery();
		$n = (int)$result->fetchOne();
		$result->closeCursor();
		return $n;
	}

	/**
	 * Whether the cadence made this report already, or is making it: a report that is done, or
	 * queued, or running and not stale (a run that started more than staleAfter() seconds ago
	 * is one whose process died; ReportRecovery queues it again or gives up). A failed attempt
	 * counts only when it failed after $failedSince (so that it is tried again, but not on
	 * every run).
	 */
	public function cadenceExists(string $type, ?int $pilotId, string $period, int $failedSince): bool {
		$qb = $this->db->getQueryBuilder();
		$expr = $qb->expr();
		$qb->select('id')->from(self::TABLE)
			->where($expr->eq('origin', $qb->createNamedParameter(Report::ORIGIN_CADENCE)))
			->andWhere($expr->eq('type', $qb->createNamedParameter($type)))
			->andWhere($expr->eq('period', $qb->createNamedParameter($period)))
			->andWhere($expr->orX(
				$expr->in('status', $qb->createNamedParameter([Report::STATUS_DONE, Report::STATUS_QUEUED], IQueryBuilder::PARAM_STR_ARRAY)),
				$expr->andX(
					$expr->eq('status', $qb->createNamedParameter(Report::STATUS_RUNNING)),
					$expr->gte('started_at', $qb->createNamedParameter($this->time->getTime() - $this->staleAfter(), IQueryBuilder::PARAM_INT)),
				),
				$expr->andX(
					$expr->eq('status', $qb->createNamedParameter(Report::STATUS_FAILED)),
					$expr->gt('finished_at', $qb->createNamedParameter($failedSince, IQueryBuilder::PARAM_INT)),
				),
			))
			->setMaxResults(1);
		if ($pilotId === null) {
			$qb->andWhere($expr->isNull('pilot_id'));
		} else {
			$qb->andWhere($expr->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		$result = $qb->executeQuery();
		$found = $result->fetchOne() !== false;
		$result->closeCursor();
		return $found;
	}

	/** How many reports and data exports failed at or after $since (a Unix time). */
	public function countFailedSince(int $since): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*', 'n'))->from(self::TABLE)
			->where($qb->expr()->eq('status', $qb->createNamedParameter(Report::STATUS_FAILED)))
			->andWhere($qb->expr()->gte('finished_at', $qb->createNamedParameter($since, IQueryBuilder::PARAM_INT)));
		$result = $qb->executeQuery();
		$n = (int)$result->fetchOne();
		$result->closeCursor();
		return $n;
	}

	/**
	 * Marks a queued report as running, in one step, so that of two processes that want to make
	 * it (the request and a job, or two jobs) exactly one does.
	 *
	 * @return bool whether this caller got it
	 */
	public function claim(int $id, int $now): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update(self::TABLE)
			->set('status', $qb->createNamedParameter(Report::STATUS_RUNNING))
			->set('started_at', $qb->createNamedParameter($now, IQueryBuilder::PARAM_INT))
			->set('attempts', $qb->createFunction('attempts + 1'))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('status', $qb->createNamedParameter(Report::STATUS_QUEUED)));
		return $qb->executeStatement() === 1;
	}

	/**
	 * Records the outcome of a run (done with its file, or failed with its reason), only if the
	 * report is still in that run: running, in attempt $attempt. A run whose report was deleted
	 * meanwhile, or found stale and queued again, records nothing.
	 *
	 * @return bool whether the outcome was recorded
	 */
	public function finish(Report $report, int $attempt): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update(self::TABLE)
			->set('status', $qb->createNamedParameter($report->getStatus()))
			->set('error', $qb->createNamedParameter($report->getError()))
			->set('file_id', $qb->createNamedParameter($report->getFileId(), IQueryBuilder::PARAM_INT))
			->set('file_name', $qb->createNamedParameter($report->getFileName()))
			->set('finished_at', $qb->createNamedParameter($report->getFinishedAt(), IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($report->getId(), IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('status', $qb->createNamedParameter(Report::STATUS_RUNNING)))
			->andWhere($qb->expr()->eq('attempts', $qb->createNamedParameter($attempt, IQueryBuilder::PARAM_INT)));
		return $qb->executeStatement() === 1;
	}

	/**
	 * The reports that are queued or running, oldest first.
	 *
	 * @return list<Report>
	 */
	public function findUnfinished(int $limit = 500): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from(self::TABLE)
			->where($qb->expr()->in('status', $qb->createNamedParameter([Report::STATUS_QUEUED, Report::STATUS_RUNNING], IQueryBuilder::PARAM_STR_ARRAY)))
			->orderBy('id', 'ASC')
			->setMaxResults($limit);
		return $this->findEntities($qb);
	}

	/**
	 * Puts a report back into the queue: a running one whose run (started at $startedAt) died,
	 * or a failed one that is tried again (its attempts counted anew). Nothing changes when the
	 * report moved on meanwhile (another status, or another run).
	 *
	 * @param string $from Report::STATUS_RUNNING or Report::STATUS_FAILED
	 * @return bool whether it is queued now
	 */
	public function requeue(int $id, string $from, ?int $startedAt): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update(self::TABLE)
			->set('status', $qb->createNamedParameter(Report::STATUS_QUEUED))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('status', $qb->createNamedParameter($from)));
		if ($from === Report::STATUS_FAILED) {
			$qb->set('error', $qb->createNamedParameter(null))
				->set('file_id', $qb->createNamedParameter(null, IQueryBuilder::PARAM_INT))
				->set('file_name', $qb->createNamedParameter(null))
				->set('finished_at', $qb->createNamedParameter(null, IQueryBuilder::PARAM_INT))
				->set('started_at', $qb->createNamedParameter(null, IQueryBuilder::PARAM_INT))
				->set('attempts', $qb->createNamedParameter(0, IQueryBuilder::PARAM_INT));
		} elseif ($startedAt === null) {
			$qb->andWhere($qb->expr()->isNull('started_at'));
		} else {
			$qb->andWhere($qb->expr()->eq('started_at', $qb->createNamedParameter($startedAt, IQueryBuilder::PARAM_INT)));
		}
		return $qb->executeStatement() === 1;
	}

	/**
	 * Whether the schedule made the same report again after this one (same type, pilot and
	 * period, a later record that did not fail): the schedule does not wait for a stale run.
	 */
	public function hasNewerCadenceReport(Report $report): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from(self::TABLE)
			->where($qb->expr()->eq('origin', $qb->createNamedParameter(Report::ORIGIN_CADENCE)))
			->andWhere($qb->expr()->eq('type', $qb->createNamedParameter($report->getType())))
			->andWhere($qb->expr()->eq('period', $qb->createNamedParameter($report->getPeriod())))
			->andWhere($qb->expr()->gt('id', $qb->createNamedParameter($report->getId(), IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->neq('status', $qb->createNamedParameter(Report::STATUS_FAILED)))
			->setMaxResults(1);
		$pilotId = $report->getPilotId();
		if ($pilotId === null) {
			$qb->andWhere($qb->expr()->isNull('pilot_id'));
		} else {
			$qb->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		$result = $qb->executeQuery();
		$found = $result->fetchOne() !== false;
		$result->closeCursor();
		return $found;
	}

	/**
	 * Every folder reports were saved into: requester, report folder and period, each once
	 * (where earlier versions of the app may have left hidden temporary files).
	 *
	 * @return list<array{user: string, folder: string, period: string}>
	 */
	public function findFolders(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->selectDistinct(['requested_by', 'folder', 'period'])->from(self::TABLE);
		$result = $qb->executeQuery();
		$folders = [];
		while (($row = $result->fetch()) !== false) {
			$folders[] = ['user' => (string)$row['requested_by'], 'folder' => (string)$row['folder'], 'period' => (string)$row['period']];
		}
		$result->closeCursor();
		return $folders;
	}

	/**
	 * How much a document over the range reads: the rated assessments of the range (each in
	 * its own pilot; from the monthly totals, so that asking costs the same at any size) and the
	 * items filed in it, of one pilot or of every pilot.
	 */
	public function documentRows(?int $pilotId, MonthRange $range): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->sum('t.ratings'))
			->from(MonthTotalsMapper::TOTALS, 't')
			->innerJoin('t', 'pf_periods', 'p', $qb->expr()->eq('p.id', 't.period_id'))
			->where($qb->expr()->eq('t.criterion_id', $qb->createNamedParameter(RatingContribution::OVERALL, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->gte('p.month', $qb->createNamedParameter($range->from)))
			->andWhere($qb->expr()->lte('p.month', $qb->createNamedParameter($range->to)));
		if ($pilotId !== null) {
			$qb->andWhere($qb->expr()->eq('t.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		$result = $qb->executeQuery();
		$n = (int)$result->fetchOne();
		$result->closeCursor();

		$bounds = $range->bounds();
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*', 'n'))
			->from('pf_items', 'i')
			->where($qb->expr()->gte('i.created_at', $qb->createNamedParameter($bounds[0], IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->lt('i.created_at', $qb->createNamedParameter($bounds[count($bounds) - 1], IQueryBuilder::PARAM_INT)));
		if ($pilotId !== null) {
			$qb->andWhere($qb->expr()->eq('i.pilot_id', $qb->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)));
		}
		$result = $qb->executeQuery();
		$n += (int)$result->fetchOne();
		$result->closeCursor();
		return $n;
	}
}
