<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Synthetic data for the benchmark (scripts/bench.sh): report items, supporters and
 * assessments with scores, written straight through the query builder in batches, one
 * transaction per batch. It builds on the default catalogue and the demo organisations
 * (RKI, BSH): it creates the testers `bench-user-NNNN` as Nextcloud accounts (through the
 * user manager, members of their organisation's first group, so that participation counts
 * them), spreads the assessments evenly over the given number of closed past months, and
 * adds components `Bench component NN` to the first pilot all organisations share when the
 * catalogue has too few for (user, component, period) to stay unique.
 *
 * This class runs the steps in order; each part does one: BenchCleanup (earlier runs),
 * BenchCatalogue, BenchAccounts, BenchItems, BenchAssessments, and BenchPlan (the arithmetic).
 *
 * Deterministic: the same arguments give the same data.
 *
 * @psalm-type BenchCounts = array{pf_items: int, pf_supporters: int, pf_periods: int, pf_assessments: int, pf_scores: int, accounts: int, pf_components: int}
 */
class BenchSeeder {
	public function __construct(
		private ITimeFactory $time,
		private BenchCleanup $cleanup,
		private BenchCatalogue $catalogue,
		private BenchAccounts $accounts,
		private BenchItems $items,
		private BenchAssessments $assessments,
	) {
	}

	/**
	 * How many items and assessments of earlier runs exist.
	 *
	 * @return array{items: int, assessments: int}
	 */
	public function existing(): array {
		return $this->cleanup->existing();
	}

	/**
	 * @param ?callable(string): void $progress
	 * @return BenchCounts what was inserted, by table
	 * @throws ConflictException when bench data exists and $force is false
	 */
	public function seed(int $items, int $assessments, int $users, bool $force, ?callable $progress = null, int $months = 12): array {
		$progress ??= static function (string $line): void {
		};
		$existing = $this->existing();
		if ($existing['items'] > 0 || $existing['assessments'] > 0) {
			if (!$force) {
				throw new ConflictException('Bench data already exists (%1$s items, %2$s assessments). Run with --force to delete it and seed again.', [
					(string)$existing['items'], (string)$existing['assessments'],
				]);
			}
			$progress(sprintf('Deleting earlier bench data (%d items, %d assessments)', $existing['items'], $existing['assessments']));
			$this->cleanup->delete();
		}

		// Every random choice below comes from mt_rand, in this order: items, then assessments.
		mt_srand(20261122);
		$now = $this->time->getTime();
		$catalogue = $this->catalogue->load();
		$userOrgs = BenchPlan::users($users, $catalogue['orgIds']);
		$counts = ['pf_items' => 0, 'pf_supporters' => 0, 'pf_periods' => 0, 'pf_assessments' => 0, 'pf_scores' => 0, 'accounts' => 0, 'pf_components' => 0];
		$counts['accounts'] = $this->accounts->ensure($userOrgs, $progress);

		$spread = BenchPlan::spread($assessments, $months, count($userOrgs));
		$counts['pf_components'] = $this->catalogue->ensureComponents($spread['perUser'], $catalogue);
		if ($counts['pf_components'] > 0) {
			$catalogue = $this->catalogue->load();
		}

		$itemCounts = $this->items->seed($items, $now, $catalogue, $userOrgs, $progress);
		$counts['pf_items'] = $itemCounts['pf_items'];
		$counts['pf_supporters'] = $itemCounts['pf_supporters'];
		[$periodIds, $counts['pf_periods']] = $this->assessments->pastPeriods($spread['months'], $now);
		$assessmentCounts = $this->assessments->seed($assessments, $spread['perPeriod'], $now, $catalogue, $userOrgs, $periodIds, $progress);
		$counts['pf_assessments'] = $assessmentCounts['pf_assessments'];
		$counts['pf_scores'] = $assessmentCounts['pf_scores'];
		return $counts;
	}
}
