<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * Writes the demo activity (DemoActivityPlan) for the development server, so that the
 * Consolidation view, its charts and the trend are not empty on first start: the periods of
 * the past months (closed), ratings, releases, and items with their history and supporters.
 * Builds on DemoSeeder (accounts, organisations, the current period).
 *
 * Idempotent: a rating that exists for (user, pilot, component, period), a release for (organisation,
 * period) and an item with the same reporter and title are left alone, so a second run adds
 * nothing. All of it is written in one transaction.
 *
 * @psalm-import-type DemoOrg from DemoActivityPlan
 * @psalm-import-type DemoItem from DemoActivityPlan
 */
class DemoActivitySeeder {
	public function __construct(
		private IDBConnection $db,
		private ITimeFactory $time,
		private ItemWordMapper $words,
		private MonthlyTotals $totals,
		private RankingWeights $weights,
		private ItemMonthTotals $itemTotals,
	) {
	}

	/**
	 * @param int $months how many months before the current one get activity
	 * @return array{periods: int, ratings: int, releases: int, items: int} what was added
	 * @throws ConflictException when the demo organisations are missing
	 */
	public function seed(int $months): array {
		$now = $this->time->getTime();
		$monthStarts = $this->monthStarts($months, $now);
		$orgs = $this->organisations();
		$plan = DemoActivityPlan::build($orgs, $this->criterionIds(), $monthStarts, $now);
		$added = ['periods' => 0, 'ratings' => 0, 'releases' => 0, 'items' => 0];

		$this->db->beginTransaction();
		try {
			$periodIds = [];
			$current = array_key_last($monthStarts);
			foreach (array_keys($monthStarts) as $month) {
				[$periodIds[$month], $created] = $this->period($month, $month === $current ? 'open' : 'closed');
				$added['periods'] += $created ? 1 : 0;
			}
			foreach ($plan['ratings'] as $rating) {
				$added['ratings'] += $this->rating($rating, $periodIds[$rating['month']]) ? 1 : 0;
			}
			foreach ($plan['releases'] as $release) {
				$added['releases'] += $this->release($release, $periodIds[$release['month']]) ? 1 : 0;
			}
			// the ratings and releases went in directly: their months' totals (and the released
			// quarters'), which the consolidation reads, follow them (MonthlyTotals joins this
			// transaction, so the seed stays all or nothing)
			$this->totals->rebuild(array_values($periodIds));
			foreach ($plan['items'] as $item) {
				$added['items'] += $this->item($item) ? 1 : 0;
			}
			// the items went in directly too: their ranking weights and monthly totals follow them
			$this->weights->verify(true, 0);
			$this->itemTotals->rebuild();
			$this->db->commit();
		} catch (\Throwable $e) {
			$this->db->rollBack();
			throw $e;
		}
		return $added;
	}

	/**
	 * The start of each month from $months before the current one to the current one, in the server's time zone.
	 *
	 * @return array<string, int> month => Unix time, oldest first
	 */
	private function monthStarts(int $months, int $now): array {
		$first = (new \DateTimeImmutable('@' . $now))->setTimezone(new \DateTimeZone(date_default_timezone_get()));
		$first = $first->setDate((int)$first->format('Y'), (int)$first->format('n'), 1)->setTime(0, 0);
		$starts = [];
		for ($k = $months; $k >= 0; $k--) {
			$start = $first->sub(new \DateInterval('P' . $k . 'M'));
			$starts[$start->format('Y-m')] = $start->getTimestamp();
		}
		return $starts;
	}

	/**
	 * RKI and BSH with their demo testers, coordinator and the components of their active
	 * pilots, pilot by pilot: a component in two of them is rated in each.
	 *
	 * @return array<string, DemoOrg>
	 */
	private function organisations(): array {
		$orgs = [];
		foreach (['RKI', 'BSH'] as $shortName) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('id')->from('pf_orgs')->where($qb->expr()->eq('short_name', $qb->createNamedParameter($shortName)))->orderBy('id');
			$rows = $this->rows($qb);
			if ($rows === []) {
				throw new ConflictException('The organisation %1$s is missing. Run occ pilotfeedback:demo:seed without --activity first.', [$shortName]);
			}
			$orgId = (int)$rows[0]['id'];
			$qb = $this->db->getQueryBuilder();
			$qb->select('pc.component_id', 'pc.pilot_id')
				->from('pf_org_pilots', 'op')
				->innerJoin('op', 'pf_pilots', 'p', $qb->expr()->eq('p.id', 'op.pilot_id'))
				->innerJoin('op', 'pf_pilot_comps', 'pc', $qb->expr()->eq('pc.pilot_id', 'op.pilot_id'))
				->where($qb->expr()->eq('op.org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
				->andWhere($qb->expr()->eq('p.status', $qb->createNamedParameter('active')))
				->orderBy('pc.pilot_id')->addOrderBy('pc.component_id');
			$components = array_map(static fn (array $row): array => ['componentId' => (int)$row['component_id'], 'pilotId' => (int)$row['pilot_id']], $this->rows($qb));
			$prefix = strtolower($shortName);
			$orgs[$shortName] = [
				'orgId' => $orgId,
				'testers' => [$prefix . '-tester1', $prefix . '-tester2'],
				'coordinator' => $prefix . '-coord',
				'components' => $components,
			];
		}
		return $orgs;
	}

	/** @return list<int> */
	private function criterionIds(): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_criteria')->orderBy('sort_order')->addOrderBy('id');
		return array_map(static fn (array $row): int => (int)$row['id'], $this->rows($qb));
	}

	/**
	 * The period of a month, created with the status if missing.
	 *
	 * @return array{0: int, 1: bool} its id, and whether it was created
	 */
	private function period(string $month, string $status): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_periods')->where($qb->expr()->eq('month', $qb->createNamedParameter($month)));
		$rows = $this->rows($qb);
		if ($rows !== []) {
			return [(int)$rows[0]['id'], false];
		}
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_periods')->values([
			'month' => $insert->createNamedParameter($month),
			'status' => $insert->createNamedParameter($status),
		])->executeStatement();
		return [$insert->getLastInsertId(), true];
	}

	/**
	 * @param array{userId: string, orgId: int, pilotId: int, componentId: int, month: string, overall: ?int, scores: array<int, ?int>, comment: ?string, at: int} $rating
	 * @return bool whether it was added
	 */
	private function rating(array $rating, int $periodId): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_assessments')
			->where($qb->expr()->eq('user_id', $qb->createNamedParameter($rating['userId'])))
			->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter($rating['pilotId'], IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('component_id', $qb->createNamedParameter($rating['componentId'], IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		if ($this->rows($qb) !== []) {
			return false;
		}
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_assessments')->values([
			'user_id' => $insert->createNamedParameter($rating['userId']),
			'org_id' => $insert->createNamedParameter($rating['orgId'], IQueryBuilder::PARAM_INT),
			'pilot_id' => $insert->createNamedParameter($rating['pilotId'], IQueryBuilder::PARAM_INT),
			'component_id' => $insert->createNamedParameter($rating['componentId'], IQueryBuilder::PARAM_INT),
			'period_id' => $insert->createNamedParameter($periodId, IQueryBuilder::PARAM_INT),
			'overall' => $insert->createNamedParameter($rating['overall'], $rating['overall'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
			// As RatingSaver decides it: a rating has an overall score or a criterion score.
			'rated' => $insert->createNamedParameter($rating['overall'] !== null || array_filter($rating['scores'], static fn (?int $v): bool => $v !== null) !== [] ? 1 : 0, IQueryBuilder::PARAM_INT),
			'comment' => $insert->createNamedParameter($rating['comment'], $rating['comment'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR),
			'created_at' => $insert->createNamedParameter($rating['at'], IQueryBuilder::PARAM_INT),
			'updated_at' => $insert->createNamedParameter($rating['at'], IQueryBuilder::PARAM_INT),
		])->executeStatement();
		$assessmentId = $insert->getLastInsertId();
		foreach ($rating['scores'] as $criterionId => $score) {
			$row = $this->db->getQueryBuilder();
			$row->insert('pf_scores')->values([
				'assessment_id' => $row->createNamedParameter($assessmentId, IQueryBuilder::PARAM_INT),
				'criterion_id' => $row->createNamedParameter($criterionId, IQueryBuilder::PARAM_INT),
				'score' => $row->createNamedParameter($score, $score === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
			])->executeStatement();
		}
		return true;
	}

	/**
	 * @param array{orgId: int, month: string, userId: string, at: int} $release
	 * @return bool whether it was added
	 */
	private function release(array $release, int $periodId): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_releases')
			->where($qb->expr()->eq('org_id', $qb->createNamedParameter($release['orgId'], IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)));
		if ($this->rows($qb) !== []) {
			return false;
		}
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_releases')->values([
			'org_id' => $insert->createNamedParameter($release['orgId'], IQueryBuilder::PARAM_INT),
			'period_id' => $insert->createNamedParameter($periodId, IQueryBuilder::PARAM_INT),
			'user_id' => $insert->createNamedParameter($release['userId']),
			'released_at' => $insert->createNamedParameter($release['at'], IQueryBuilder::PARAM_INT),
		])->executeStatement();
		return true;
	}

	/**
	 * @param DemoItem $item
	 * @return bool whether it was added
	 */
	private function item(array $item): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_items')
			->where($qb->expr()->eq('reporter_id', $qb->createNamedParameter($item['reporterId'])))
			->andWhere($qb->expr()->eq('title', $qb->createNamedParameter($item['title'])));
		if ($this->rows($qb) !== []) {
			return false;
		}
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_items')->values([
			'type' => $insert->createNamedParameter($item['type']),
			'title' => $insert->createNamedParameter($item['title']),
			'body' => $insert->createNamedParameter($item['body']),
			'component_id' => $insert->createNamedParameter($item['componentId'], IQueryBuilder::PARAM_INT),
			'pilot_id' => $insert->createNamedParameter($item['pilotId'], IQueryBuilder::PARAM_INT),
			'priority' => $insert->createNamedParameter($item['priority'], IQueryBuilder::PARAM_INT),
			'cons_priority' => $insert->createNamedParameter($item['consPriority'], $item['consPriority'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT),
			'status' => $insert->createNamedParameter($item['status']),
			'reporter_id' => $insert->createNamedParameter($item['reporterId']),
			'org_id' => $insert->createNamedParameter($item['orgId'], IQueryBuilder::PARAM_INT),
			'confidential' => $insert->createNamedParameter($item['type'] === 'security', IQueryBuilder::PARAM_BOOL),
			'vendor_ref' => $insert->createNamedParameter($item['vendorRef'], $item['vendorRef'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR),
			'support_count' => $insert->createNamedParameter(count($item['supporters']), IQueryBuilder::PARAM_INT),
			'created_at' => $insert->createNamedParameter($item['createdAt'], IQueryBuilder::PARAM_INT),
			'updated_at' => $insert->createNamedParameter($item['updatedAt'], IQueryBuilder::PARAM_INT),
		])->executeStatement();
		$itemId = $insert->getLastInsertId();
		$this->words->insert($itemId, $item['title']);
		foreach ($item['history'] as $step) {
			$row = $this->db->getQueryBuilder();
			$row->insert('pf_history')->values([
				'item_id' => $row->createNamedParameter($itemId, IQueryBuilder::PARAM_INT),
				'user_id' => $row->createNamedParameter($step['userId']),
				'field' => $row->createNamedParameter($step['field']),
				'old_value' => $row->createNamedParameter($step['old'], $step['old'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR),
				'new_value' => $row->createNamedParameter($step['new'], $step['new'] === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_STR),
				'created_at' => $row->createNamedParameter($step['at'], IQueryBuilder::PARAM_INT),
			])->executeStatement();
		}
		foreach ($item['supporters'] as $supporter) {
			$row = $this->db->getQueryBuilder();
			$row->insert('pf_supporters')->values([
				'item_id' => $row->createNamedParameter($itemId, IQueryBuilder::PARAM_INT),
				'user_id' => $row->createNamedParameter($supporter['userId']),
				'org_id' => $row->createNamedParameter($supporter['orgId'], IQueryBuilder::PARAM_INT),
				'created_at' => $row->createNamedParameter($supporter['at'], IQueryBuilder::PARAM_INT),
			])->executeStatement();
		}
		return true;
	}

	/** @return list<array<string, mixed>> */
	private function rows(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}
}
