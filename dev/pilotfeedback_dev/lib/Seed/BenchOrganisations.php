<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\People\OrganisationService;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use OCP\IGroupManager;

/**
 * The organisations the bench data uses: the demo ones (RKI, BSH) and, for more, synthetic
 * organisations `Bench organisation NN` (short name BENCH-NN) with a group bench-org-NN each,
 * taking part in the pilots of the first demo organisation. Created through the app's
 * OrganisationService like an administrator would; later runs reuse them.
 */
class BenchOrganisations {
	public const DEMO = ['RKI', 'BSH'];
	public const SHORT_PREFIX = 'BENCH-';

	public function __construct(
		private IDBConnection $db,
		private IGroupManager $groupManager,
		private OrganisationService $organisations,
	) {
	}

	/**
	 * The ids of $count organisations, the demo ones first; missing synthetic ones are created.
	 *
	 * @return array{0: list<int>, 1: int} organisation ids and how many were created
	 * @throws ConflictException when the demo organisations are missing
	 */
	public function ensure(int $count): array {
		$byShortName = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'short_name')->from('pf_orgs')->orderBy('id');
		foreach (BenchQuery::rows($qb) as $row) {
			$byShortName[(string)$row['short_name']] ??= (int)$row['id'];
		}
		$ids = [];
		foreach (self::DEMO as $shortName) {
			if (!isset($byShortName[$shortName])) {
				throw new ConflictException('The organisations RKI and BSH are missing. Run occ pilotfeedback:demo:seed first.');
			}
			$ids[] = $byShortName[$shortName];
		}
		$ids = array_slice($ids, 0, max(1, $count));
		$pilotIds = $this->pilotsOf($ids[0]);
		$created = 0;
		for ($k = 1; count($ids) < $count; $k++) {
			$shortName = self::SHORT_PREFIX . sprintf('%02d', $k);
			if (isset($byShortName[$shortName])) {
				$ids[] = $byShortName[$shortName];
				continue;
			}
			$groupId = 'bench-org-' . sprintf('%02d', $k);
			if ($this->groupManager->get($groupId) === null) {
				$this->groupManager->createGroup($groupId);
			}
			$organisation = $this->organisations->create([
				'name' => 'Bench organisation ' . sprintf('%02d', $k),
				'shortName' => $shortName,
				'groupIds' => [$groupId],
				'coordinatorIds' => [],
				'pilotIds' => $pilotIds,
			]);
			$ids[] = $organisation['id'];
			$created++;
		}
		return [$ids, $created];
	}

	/** @return list<int> */
	private function pilotsOf(int $orgId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('pilot_id')->from('pf_org_pilots')
			->where($qb->expr()->eq('org_id', $qb->createNamedParameter($orgId, IQueryBuilder::PARAM_INT)))
			->orderBy('pilot_id');
		return array_map(static fn (array $row): int => (int)$row['pilot_id'], BenchQuery::rows($qb));
	}
}
