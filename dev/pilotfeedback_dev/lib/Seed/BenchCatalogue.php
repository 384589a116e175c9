<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The catalogue the bench data builds on: the organisations (BenchOrganisations), the components
 * of their pilots and the criteria; and the components `Bench component NN` it adds to the
 * first pilot all organisations share when there are too few for (user, component, period)
 * to stay unique.
 *
 * @psalm-type BenchCatalogueData = array{orgIds: list<int>, orgComponents: array<int, list<array{0: int, 1: int}>>, criterionIds: list<int>}
 */
class BenchCatalogue {
	public const COMPONENT_PREFIX = 'Bench component ';

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * The organisations given (BenchOrganisations::ensure()), the components of their pilots
	 * (org id => list of [component id, pilot id]) and the criteria.
	 *
	 * @param list<int> $orgIds
	 * @return BenchCatalogueData
	 * @throws ConflictException when an organisation takes part in no pilot with components
	 */
	public function load(array $orgIds): array {
		$orgComponents = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('op.org_id', 'pc.pilot_id', 'pc.component_id')
			->from('pf_org_pilots', 'op')
			->innerJoin('op', 'pf_pilot_comps', 'pc', $qb->expr()->eq('pc.pilot_id', 'op.pilot_id'))
			->innerJoin('pc', 'pf_components', 'c', $qb->expr()->eq('c.id', 'pc.component_id'))
			->where($qb->expr()->in('op.org_id', $qb->createNamedParameter($orgIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->orderBy('op.org_id')->addOrderBy('pc.component_id')->addOrderBy('pc.pilot_id');
		foreach (BenchQuery::rows($qb) as $row) {
			$orgComponents[(int)$row['org_id']][] = [(int)$row['component_id'], (int)$row['pilot_id']];
		}
		foreach ($orgIds as $orgId) {
			if (($orgComponents[$orgId] ?? []) === []) {
				throw new ConflictException('Organisation %1$s takes part in no pilot with components. Run occ pilotfeedback:catalogue:install first.', [(string)$orgId]);
			}
		}

		$criterionIds = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from('pf_criteria')->orderBy('sort_order')->addOrderBy('id');
		foreach (BenchQuery::rows($qb) as $row) {
			$criterionIds[] = (int)$row['id'];
		}
		return ['orgIds' => $orgIds, 'orgComponents' => $orgComponents, 'criterionIds' => $criterionIds];
	}

	/**
	 * Adds components to the first active pilot shared by all organisations until every user
	 * has at least $perUser distinct (component, pilot) pairs to rate per month.
	 *
	 * @param BenchCatalogueData $catalogue
	 * @return int components created
	 */
	public function ensureComponents(int $perUser, array $catalogue): int {
		$fewest = PHP_INT_MAX;
		/** @var list<int>|null $shared */
		$shared = null;
		foreach ($catalogue['orgIds'] as $orgId) {
			$fewest = min($fewest, count(array_unique($catalogue['orgComponents'][$orgId], SORT_REGULAR)));
			$pilots = array_values(array_unique(array_column($catalogue['orgComponents'][$orgId], 1)));
			/** @var list<int> $pilots */
			$shared = $shared === null ? $pilots : array_values(array_intersect($shared, $pilots));
		}
		$missing = $perUser - $fewest;
		if ($missing <= 0 || $shared === null || $shared === []) {
			return 0;
		}
		sort($shared);
		$pilotId = $shared[0];
		$existing = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'name')->from('pf_components')
			->where($qb->expr()->like('name', $qb->createNamedParameter($this->db->escapeLikeParameter(self::COMPONENT_PREFIX) . '%')));
		foreach (BenchQuery::rows($qb) as $row) {
			$existing[(string)$row['name']] = (int)$row['id'];
		}
		$created = 0;
		$this->db->beginTransaction();
		try {
			for ($k = 1; $created < $missing; $k++) {
				$name = self::COMPONENT_PREFIX . sprintf('%02d', $k);
				$linked = isset($existing[$name]);
				$componentId = $existing[$name] ?? null;
				if ($componentId === null) {
					$insert = $this->db->getQueryBuilder();
					$insert->insert('pf_components')->values([
						'name' => $insert->createNamedParameter($name),
						'category' => $insert->createNamedParameter('other'),
						'product' => $insert->createNamedParameter('Synthetic benchmark component'),
						'archived' => $insert->createNamedParameter(false, IQueryBuilder::PARAM_BOOL),
					]);
					$insert->executeStatement();
					$componentId = $insert->getLastInsertId();
				}
				$check = $this->db->getQueryBuilder();
				$check->select('id')->from('pf_pilot_comps')
					->where($check->expr()->eq('pilot_id', $check->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT)))
					->andWhere($check->expr()->eq('component_id', $check->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)));
				if ($linked && BenchQuery::rows($check) !== []) {
					continue;
				}
				$link = $this->db->getQueryBuilder();
				$link->insert('pf_pilot_comps')->values([
					'pilot_id' => $link->createNamedParameter($pilotId, IQueryBuilder::PARAM_INT),
					'component_id' => $link->createNamedParameter($componentId, IQueryBuilder::PARAM_INT),
				]);
				$link->executeStatement();
				$created++;
			}
			$this->db->commit();
		} catch (\Throwable $e) {
			$this->db->rollBack();
			throw $e;
		}
		return $created;
	}
}
