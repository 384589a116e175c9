<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Synthetic data for the benchmark (scripts/bench.sh): report items, supporters and
 * assessments with scores, status history, written straight into the tables as multi-row
 * INSERTs, one transaction per batch of 1 000 (tried again while the database is locked). It
 * builds on the default catalogue and the demo organisations (RKI, BSH; more organisations are
 * created as `Bench organisation NN`): it creates the testers `bench-user-NNNN` as Nextcloud
 * accounts (through the user manager, members of their organisation's first group, so that participation counts
 * them), spreads the assessments evenly over the given number of closed past months, and
 * adds components `Bench component NN` to the first pilot all organisations share when the
 * catalogue has too few for (user, component, period) to stay unique.
 *
 * This class runs the steps in order; each part does one: BenchCleanup (earlier runs),
 * BenchOrganisations, BenchCatalogue, BenchAccounts, BenchItems, BenchAssessments, and BenchPlan
 * (the arithmetic); BenchQuery holds the batched inserts and the retries on a locked database.
 *
 * Deterministic: the same arguments give the same data.
 *
 * At the end it rebuilds the app's monthly totals from the raw ratings (MonthlyTotals::rebuild()),
 * the ranking weights and the monthly item totals (ItemMonthTotals::rebuild()), because the rows
 * above go into the tables directly, past the services that keep them in step.
 *
 * @psalm-type BenchCounts = array<string, int>
 */
class BenchSeeder {
	public function __construct(
		private ITimeFactory $time,
		private BenchCleanup $cleanup,
		private MonthlyTotals $totals,
		private RankingWeights $weights,
		private ItemMonthTotals $itemTotals,
		private BenchOrganisations $organisations,
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
	 * @param int $components components each user can rate a month, at least (0: as many as
	 *                        the assessments need); the same number gives two sizes one catalogue
	 * @return BenchCounts what was inserted, by table, and seconds_* per step
	 * @throws ConflictException when bench data exists and $force is false
	 */
	public function seed(int $items, int $assessments, int $users, bool $force, ?callable $progress = null, int $months = 12, int $organisations = 2, int $components = 0): array {
		$progress ??= static function (string $line): void {
		};
		$seconds = [];
		$step = microtime(true);
		$lap = static function (string $name) use (&$seconds, &$step, $progress): void {
			$now = microtime(true);
			$seconds['seconds_' . $name] = (int)round($now - $step);
			$progress(sprintf('%s took %.1f s', $name, $now - $step));
			$step = $now;
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
			$lap('delete');
		}

		// Every random choice below comes from mt_rand, in this order: items, then assessments.
		mt_srand(20261122);
		$now = $this->time->getTime();
		$counts = ['organisations' => 0, 'accounts' => 0, 'pf_components' => 0, 'pf_items' => 0, 'pf_supporters' => 0, 'pf_history' => 0, 'pf_item_words' => 0, 'pf_periods' => 0, 'pf_releases' => 0, 'pf_assessments' => 0, 'pf_scores' => 0];
		[$orgIds, $counts['organisations']] = $this->organisations->ensure($organisations);
		$catalogue = $this->catalogue->load($orgIds);
		$userOrgs = BenchPlan::users($users, $orgIds);
		$counts['accounts'] = $this->accounts->ensure($userOrgs, $progress);
		$lap('accounts');

		$spread = BenchPlan::spread($assessments, $months, count($userOrgs));
		$counts['pf_components'] = $this->catalogue->ensureComponents(max($spread['perUser'], $components), $catalogue);
		if ($counts['pf_components'] > 0) {
			$catalogue = $this->catalogue->load($orgIds);
		}

		// Items over the seeded months and the current one, so that every month has items filed and closed.
		$itemCounts = $this->items->seed($items, $now, $catalogue, $userOrgs, $progress, max(540, ($months + 1) * 31));
		$counts = [...$counts, ...$itemCounts];
		$lap('items');
		[$periodIds, $counts['pf_periods']] = $this->assessments->pastPeriods($spread['months'], $now);
		$assessmentCounts = $this->assessments->seed($assessments, $spread['perPeriod'], $now, $catalogue, $userOrgs, $periodIds, $progress);
		$counts['pf_assessments'] = $assessmentCounts['pf_assessments'];
		$counts['pf_scores'] = $assessmentCounts['pf_scores'];
		$counts['pf_releases'] = $this->assessments->release($orgIds, $periodIds, $now);
		$lap('assessments');

		$this->totals->rebuild();
		$lap('monthly_totals');
		$this->weights->verify(true, 0);
		$lap('ranking_weights');
		$this->itemTotals->rebuild();
		$lap('item_totals');
		$counts['peak_memory_mb'] = (int)ceil(memory_get_peak_usage() / 1048576);
		return [...$counts, ...$seconds];
	}
}
