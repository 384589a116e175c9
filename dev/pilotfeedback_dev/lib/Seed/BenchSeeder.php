<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use OCP\IGroupManager;
use OCP\IUserManager;

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
 * Deterministic: the same arguments give the same data.
 *
 * @psalm-type BenchCatalogue = array{orgIds: list<int>, orgComponents: array<int, list<array{0: int, 1: int}>>, criterionIds: list<int>}
 * @psalm-type BenchCounts = array{pf_items: int, pf_supporters: int, pf_periods: int, pf_assessments: int, pf_scores: int, accounts: int, pf_components: int}
 */
class BenchSeeder {
	public const USER_PREFIX = 'bench-user-';
	public const COMPONENT_PREFIX = 'Bench component ';
	private const BATCH = 1000;

	private const SUBJECTS = [
		'Upload', 'Download', 'Sharing link', 'Calendar sync', 'Login', 'Search', 'Notification',
		'Video call', 'Screen sharing', 'Document editing', 'Spreadsheet export', 'Contact import',
		'Mail filter', 'File versioning', 'Group folder', 'Password reset', 'Chat history',
		'Meeting invitation', 'Presentation mode', 'Mobile app',
	];
	private const PROBLEMS = [
		'fails', 'is slow', 'times out', 'shows wrong dates', 'loses formatting', 'needs confirmation',
		'breaks the layout', 'ignores permissions', 'crashes', 'needs keyboard shortcuts',
		'should support templates', 'is not accessible', 'shows an error',
	];
	private const CONTEXTS = [
		'for large files', 'in Firefox', 'on mobile', 'for external guests', 'after the update',
		'with a screen reader', 'behind the proxy', 'over VPN', 'in Edge', 'with many participants',
		'for shared calendars', 'in the German locale',
	];

	/** weight tables: value => weight */
	private const TYPES = ['requirement' => 30, 'defect' => 40, 'improvement' => 20, 'security' => 10];
	private const PRIORITIES = [1 => 25, 2 => 40, 3 => 25, 4 => 10];
	private const STATUSES = [
		'new' => 30, 'in_review' => 15, 'accepted' => 12, 'forwarded' => 8, 'in_progress' => 10,
		'done' => 10, 'verified' => 7, 'rejected' => 5, 'duplicate' => 3,
	];

	public function __construct(
		private IDBConnection $db,
		private ITimeFactory $time,
		private ItemWordMapper $words,
		private IUserManager $userManager,
		private IGroupManager $groupManager,
	) {
	}

	/**
	 * How many items and assessments of earlier runs exist.
	 *
	 * @return array{items: int, assessments: int}
	 */
	public function existing(): array {
		return [
			'items' => $this->countBench('pf_items', 'reporter_id'),
			'assessments' => $this->countBench('pf_assessments', 'user_id'),
		];
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
			$this->deleteBenchData();
		}

		mt_srand(20261122);
		$now = $this->time->getTime();
		$catalogue = $this->catalogue();
		$userOrgs = $this->users($users, $catalogue['orgIds']);
		$counts = ['pf_items' => 0, 'pf_supporters' => 0, 'pf_periods' => 0, 'pf_assessments' => 0, 'pf_scores' => 0, 'accounts' => 0, 'pf_components' => 0];
		$counts['accounts'] = $this->ensureAccounts($userOrgs, $progress);

		$months = $assessments > 0 ? max(1, $months) : 0;
		$perPeriod = $months > 0 ? (int)ceil($assessments / $months) : 0;
		$perUser = (int)ceil($perPeriod / max(1, count($userOrgs)));
		$counts['pf_components'] = $this->ensureComponents($perUser, $catalogue);
		if ($counts['pf_components'] > 0) {
			$catalogue = $this->catalogue();
		}

		$counts = $this->seedItems($items, $now, $catalogue, $userOrgs, $counts, $progress);
		[$periodIds, $counts['pf_periods']] = $this->pastPeriods($months, $now);
		$counts = $this->seedAssessments($assessments, $perPeriod, $now, $catalogue, $userOrgs, $periodIds, $counts, $progress);
		return $counts;
	}

	/**
	 * Creates the synthetic testers as Nextcloud accounts (random password, display name
	 * "Bench tester NNNN") in their organisation's first group, unless they exist.
	 *
	 * @param array<array-key, int> $userOrgs
	 * @return int accounts created
	 */
	private function ensureAccounts(array $userOrgs, callable $progress): int {
		$groups = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'group_id')->from('pf_org_groups')->orderBy('id');
		foreach ($this->rows($qb) as $row) {
			$groups[(int)$row['org_id']] ??= (string)$row['group_id'];
		}
		$created = 0;
		foreach ($userOrgs as $userId => $orgId) {
			$userId = (string)$userId;
			$user = $this->userManager->get($userId);
			if ($user === null) {
				$user = $this->userManager->createUser($userId, bin2hex(random_bytes(16)) . '-Aa1!');
				if ($user === false) {
					throw new ConflictException('Could not create the account %1$s.', [$userId]);
				}
				$user->setDisplayName('Bench tester ' . substr($userId, strlen(self::USER_PREFIX)));
				$created++;
				if ($created % 50 === 0) {
					$progress(sprintf('accounts: %d created', $created));
				}
			}
			$groupId = $groups[$orgId] ?? null;
			$group = $groupId === null ? null : $this->groupManager->get($groupId);
			if ($group !== null && !$group->inGroup($user)) {
				$group->addUser($user);
			}
		}
		return $created;
	}

	/**
	 * Adds components to the first active pilot shared by all organisations until every user
	 * has at least $perUser distinct components to rate per month.
	 *
	 * @param BenchCatalogue $catalogue
	 * @return int components created
	 */
	private function ensureComponents(int $perUser, array $catalogue): int {
		$fewest = PHP_INT_MAX;
		/** @var list<int>|null $shared */
		$shared = null;
		foreach ($catalogue['orgIds'] as $orgId) {
			$fewest = min($fewest, count(array_unique(array_column($catalogue['orgComponents'][$orgId], 0))));
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
		foreach ($this->rows($qb) as $row) {
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
				if ($linked && $this->rows($check) !== []) {
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

	/**
	 * The demo organisations, the components of their pilots (org id => list of [component id, pilot id]) and the criteria.
	 *
	 * @return BenchCatalogue
	 */
	private function catalogue(): array {
		$orgIds = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'short_name')->from('pf_orgs')
			->where($qb->expr()->in('short_name', $qb->createNamedParameter(['RKI', 'BSH'], IQueryBuilder::PARAM_STR_ARRAY)))
			->orderBy('id');
		foreach ($this->rows($qb) as $row) {
			$orgIds[] = (int)$row['id'];
		}
		if ($orgIds === []) {
			throw new ConflictException('The organisations RKI and BSH are missing. Run occ pilotfeedback:demo:seed first.');
		}

		$orgComponents = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('op.org_id', 'pc.pilot_id', 'pc.component_id')
			->from('pf_org_pilots', 'op')
			->innerJoin('op', 'pf_pilot_comps', 'pc', $qb->expr()->eq('pc.pilot_id', 'op.pilot_id'))
			->innerJoin('pc', 'pf_components', 'c', $qb->expr()->eq('c.id', 'pc.component_id'))
			->where($qb->expr()->in('op.org_id', $qb->createNamedParameter($orgIds, IQueryBuilder::PARAM_INT_ARRAY)))
			->orderBy('op.org_id')->addOrderBy('pc.component_id')->addOrderBy('pc.pilot_id');
		foreach ($this->rows($qb) as $row) {
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
		foreach ($this->rows($qb) as $row) {
			$criterionIds[] = (int)$row['id'];
		}
		return ['orgIds' => $orgIds, 'orgComponents' => $orgComponents, 'criterionIds' => $criterionIds];
	}

	/**
	 * Synthetic user id => organisation id; the first half of the users belongs to the first organisation, and so on.
	 *
	 * @param list<int> $orgIds
	 * @return array<array-key, int> (PHP stores numeric-looking keys as int, hence array-key)
	 */
	private function users(int $count, array $orgIds): array {
		$users = [];
		$perOrg = (int)ceil($count / count($orgIds));
		for ($i = 1; $i <= $count; $i++) {
			$users[self::USER_PREFIX . sprintf('%04d', $i)] = $orgIds[intdiv($i - 1, $perOrg)];
		}
		return $users;
	}

	/**
	 * @param BenchCatalogue $catalogue
	 * @param array<array-key, int> $userOrgs
	 * @param BenchCounts $counts
	 * @return BenchCounts
	 */
	private function seedItems(int $total, int $now, array $catalogue, array $userOrgs, array $counts, callable $progress): array {
		$userIds = array_keys($userOrgs);
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_items')->values([
			'type' => $insert->createParameter('type'),
			'title' => $insert->createParameter('title'),
			'body' => $insert->createParameter('body'),
			'component_id' => $insert->createParameter('component_id'),
			'pilot_id' => $insert->createParameter('pilot_id'),
			'priority' => $insert->createParameter('priority'),
			'cons_priority' => $insert->createParameter('cons_priority'),
			'status' => $insert->createParameter('status'),
			'reporter_id' => $insert->createParameter('reporter_id'),
			'org_id' => $insert->createParameter('org_id'),
			'confidential' => $insert->createParameter('confidential'),
			'duplicate_of' => $insert->createParameter('duplicate_of'),
			'vendor_ref' => $insert->createParameter('vendor_ref'),
			'support_count' => $insert->createParameter('support_count'),
			'created_at' => $insert->createParameter('created_at'),
			'updated_at' => $insert->createParameter('updated_at'),
		]);
		$support = $this->db->getQueryBuilder();
		$support->insert('pf_supporters')->values([
			'item_id' => $support->createParameter('item_id'),
			'user_id' => $support->createParameter('user_id'),
			'org_id' => $support->createParameter('org_id'),
			'created_at' => $support->createParameter('created_at'),
		]);

		// Oldest first, so that ids grow with created_at as in real use.
		$span = 540 * 86400;
		$createdTimes = [];
		for ($i = 0; $i < $total; $i++) {
			$createdTimes[] = $now - mt_rand(3600, $span);
		}
		sort($createdTimes);

		$insertedIds = [];
		for ($start = 0; $start < $total; $start += self::BATCH) {
			$this->db->beginTransaction();
			try {
				for ($i = $start; $i < min($total, $start + self::BATCH); $i++) {
					$reporter = $userIds[mt_rand(0, count($userIds) - 1)];
					$orgId = $userOrgs[$reporter];
					[$componentId, $pilotId] = $catalogue['orgComponents'][$orgId][mt_rand(0, count($catalogue['orgComponents'][$orgId]) - 1)];
					$type = $this->pick(self::TYPES);
					$status = $insertedIds === [] ? 'new' : $this->pick(self::STATUSES);
					$created = $createdTimes[$i];
					$updated = $created + mt_rand(0, max(0, $now - $created));
					$triaged = !in_array($status, ['new', 'in_review'], true);
					$supportCount = mt_rand(1, 100) <= 35 ? mt_rand(1, 12) : 0;
					$title = self::SUBJECTS[mt_rand(0, count(self::SUBJECTS) - 1)] . ' '
						. self::PROBLEMS[mt_rand(0, count(self::PROBLEMS) - 1)] . ' '
						. self::CONTEXTS[mt_rand(0, count(self::CONTEXTS) - 1)];

					$consPriority = $triaged && mt_rand(0, 9) < 6 ? $this->pick(self::PRIORITIES) : null;
					$duplicateOf = $status === 'duplicate' ? $insertedIds[mt_rand(0, count($insertedIds) - 1)] : null;
					$insert->setParameter('type', $type)
						->setParameter('title', $title)
						->setParameter('body', "Steps to reproduce:\n\n1. Open the component.\n2. Try: " . $title . ".\n\nSynthetic benchmark item " . ($i + 1) . '.')
						->setParameter('component_id', $componentId, IQueryBuilder::PARAM_INT)
						->setParameter('pilot_id', $pilotId, IQueryBuilder::PARAM_INT)
						->setParameter('priority', $this->pick(self::PRIORITIES), IQueryBuilder::PARAM_INT)
						->setParameter('cons_priority', $consPriority, $consPriority === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('status', $status)
						->setParameter('reporter_id', $reporter)
						->setParameter('org_id', $orgId, IQueryBuilder::PARAM_INT)
						->setParameter('confidential', $type === 'security', IQueryBuilder::PARAM_BOOL)
						->setParameter('duplicate_of', $duplicateOf, $duplicateOf === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('vendor_ref', in_array($status, ['forwarded', 'in_progress', 'done', 'verified'], true) ? sprintf('VND-%05d', mt_rand(1, 99999)) : null)
						->setParameter('support_count', $supportCount, IQueryBuilder::PARAM_INT)
						->setParameter('created_at', $created, IQueryBuilder::PARAM_INT)
						->setParameter('updated_at', $updated, IQueryBuilder::PARAM_INT);
					$insert->executeStatement();
					$itemId = $insert->getLastInsertId();
					$insertedIds[] = $itemId;
					$counts['pf_items']++;
					$this->words->insert($itemId, $title);

					$supporters = [];
					while (count($supporters) < $supportCount) {
						$supporters[$userIds[mt_rand(0, count($userIds) - 1)]] = true;
					}
					foreach (array_keys($supporters) as $supporter) {
						$support->setParameter('item_id', $itemId, IQueryBuilder::PARAM_INT)
							->setParameter('user_id', (string)$supporter)
							->setParameter('org_id', $userOrgs[$supporter], IQueryBuilder::PARAM_INT)
							->setParameter('created_at', $created + mt_rand(0, max(0, $now - $created)), IQueryBuilder::PARAM_INT);
						$support->executeStatement();
						$counts['pf_supporters']++;
					}
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
			$progress(sprintf('items: %d/%d', min($total, $start + self::BATCH), $total));
		}
		return $counts;
	}

	/**
	 * The ids of the $count months before the current one, newest first; missing ones are created closed.
	 *
	 * @return array{0: list<int>, 1: int} period ids and how many were created
	 */
	private function pastPeriods(int $count, int $now): array {
		$ids = [];
		$created = 0;
		$month = new \DateTimeImmutable('@' . $now);
		$month = $month->setTimezone(new \DateTimeZone(date_default_timezone_get()));
		$month = $month->setDate((int)$month->format('Y'), (int)$month->format('n'), 1);
		for ($k = 1; $k <= $count; $k++) {
			$key = $month->sub(new \DateInterval('P' . $k . 'M'))->format('Y-m');
			$qb = $this->db->getQueryBuilder();
			$qb->select('id')->from('pf_periods')->where($qb->expr()->eq('month', $qb->createNamedParameter($key)));
			$rows = $this->rows($qb);
			if ($rows !== []) {
				$ids[] = (int)$rows[0]['id'];
				continue;
			}
			$insert = $this->db->getQueryBuilder();
			$insert->insert('pf_periods')->values([
				'month' => $insert->createNamedParameter($key),
				'status' => $insert->createNamedParameter('closed'),
			]);
			$insert->executeStatement();
			$ids[] = $insert->getLastInsertId();
			$created++;
		}
		return [$ids, $created];
	}

	/**
	 * Fills period after period (newest first) with $perPeriod assessments each (users in turn,
	 * each rating the components of their organisation), until $total.
	 *
	 * @param BenchCatalogue $catalogue
	 * @param array<array-key, int> $userOrgs
	 * @param list<int> $periodIds
	 * @param BenchCounts $counts
	 * @return BenchCounts
	 */
	private function seedAssessments(int $total, int $perPeriod, int $now, array $catalogue, array $userOrgs, array $periodIds, array $counts, callable $progress): array {
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_assessments')->values([
			'user_id' => $insert->createParameter('user_id'),
			'org_id' => $insert->createParameter('org_id'),
			'component_id' => $insert->createParameter('component_id'),
			'period_id' => $insert->createParameter('period_id'),
			'overall' => $insert->createParameter('overall'),
			'rated' => $insert->createParameter('rated'),
			'comment' => $insert->createParameter('comment'),
			'created_at' => $insert->createParameter('created_at'),
			'updated_at' => $insert->createParameter('updated_at'),
		]);
		$score = $this->db->getQueryBuilder();
		$score->insert('pf_scores')->values([
			'assessment_id' => $score->createParameter('assessment_id'),
			'criterion_id' => $score->createParameter('criterion_id'),
			'score' => $score->createParameter('score'),
		]);

		/** @var \Generator<int, array{0: int, 1: int, 2: string, 3: int, 4: int}, mixed, void> $combinations */
		$combinations = (function () use ($catalogue, $userOrgs, $periodIds, $perPeriod): \Generator {
			$distinct = [];
			foreach ($catalogue['orgComponents'] as $orgId => $pairs) {
				$distinct[$orgId] = array_values(array_unique(array_column($pairs, 0)));
			}
			foreach ($periodIds as $index => $periodId) {
				// component by component over all users, so that a partly filled month still covers every user
				$yielded = 0;
				$round = 0;
				$more = true;
				while ($more && $yielded < $perPeriod) {
					$more = false;
					foreach ($userOrgs as $userId => $orgId) {
						if ($round < count($distinct[$orgId]) && $yielded < $perPeriod) {
							$more = true;
							$yielded++;
							yield [$index, $periodId, (string)$userId, $orgId, $distinct[$orgId][$round]];
						}
					}
					$round++;
				}
			}
		})();

		$done = 0;
		while ($done < $total && $combinations->valid()) {
			$this->db->beginTransaction();
			try {
				for ($n = 0; $n < self::BATCH && $done < $total && $combinations->valid(); $n++, $done++) {
					/** @var array{0: int, 1: int, 2: string, 3: int, 4: int} $combination valid() was true */
					$combination = $combinations->current();
					[$index, $periodId, $userId, $orgId, $componentId] = $combination;
					$combinations->next();
					$at = $now - ($index + 1) * 30 * 86400 + mt_rand(0, 20 * 86400);
					$overall = mt_rand(1, 100) <= 5 ? null : mt_rand(1, 5);
					$values = [];
					foreach ($catalogue['criterionIds'] as $criterionId) {
						$values[$criterionId] = mt_rand(1, 100) <= 10 ? null : mt_rand(1, 5);
					}
					// As RatingService decides it: a rating has an overall score or a criterion score.
					$rated = $overall !== null || array_filter($values, static fn (?int $v): bool => $v !== null) !== [];
					$insert->setParameter('user_id', $userId)
						->setParameter('org_id', $orgId, IQueryBuilder::PARAM_INT)
						->setParameter('component_id', $componentId, IQueryBuilder::PARAM_INT)
						->setParameter('period_id', $periodId, IQueryBuilder::PARAM_INT)
						->setParameter('overall', $overall, $overall === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('rated', $rated ? 1 : 0, IQueryBuilder::PARAM_INT)
						->setParameter('comment', mt_rand(1, 100) <= 30 ? 'Synthetic benchmark comment: works mostly, some ' . strtolower(self::SUBJECTS[mt_rand(0, count(self::SUBJECTS) - 1)]) . ' issues.' : null)
						->setParameter('created_at', $at, IQueryBuilder::PARAM_INT)
						->setParameter('updated_at', $at + mt_rand(0, 5 * 86400), IQueryBuilder::PARAM_INT);
					$insert->executeStatement();
					$assessmentId = $insert->getLastInsertId();
					$counts['pf_assessments']++;
					foreach ($values as $criterionId => $value) {
						$score->setParameter('assessment_id', $assessmentId, IQueryBuilder::PARAM_INT)
							->setParameter('criterion_id', $criterionId, IQueryBuilder::PARAM_INT)
							->setParameter('score', $value, $value === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT);
						$score->executeStatement();
						$counts['pf_scores']++;
					}
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
			$progress(sprintf('assessments: %d/%d', $done, $total));
		}
		return $counts;
	}

	/** Removes the items, supporters, assessments and scores of earlier runs (periods stay). */
	private function deleteBenchData(): void {
		$like = $this->db->escapeLikeParameter(self::USER_PREFIX) . '%';
		foreach ([['pf_items', 'reporter_id', [['pf_supporters', 'item_id'], ['pf_history', 'item_id'], ['pf_attachments', 'item_id'], [ItemWordMapper::TABLE, 'item_id']]], ['pf_assessments', 'user_id', [['pf_scores', 'assessment_id']]]] as [$table, $userColumn, $children]) {
			while (true) {
				$qb = $this->db->getQueryBuilder();
				$qb->select('id')->from($table)->where($qb->expr()->like($userColumn, $qb->createNamedParameter($like)))->setMaxResults(500);
				$ids = array_map(static fn (array $row): int => (int)$row['id'], $this->rows($qb));
				if ($ids === []) {
					break;
				}
				$this->db->beginTransaction();
				try {
					foreach ([...$children, [$table, 'id']] as [$childTable, $column]) {
						$delete = $this->db->getQueryBuilder();
						$delete->delete($childTable)->where($delete->expr()->in($column, $delete->createNamedParameter($ids, IQueryBuilder::PARAM_INT_ARRAY)));
						$delete->executeStatement();
					}
					$this->db->commit();
				} catch (\Throwable $e) {
					$this->db->rollBack();
					throw $e;
				}
			}
		}
		$delete = $this->db->getQueryBuilder();
		$delete->delete('pf_supporters')->where($delete->expr()->like('user_id', $delete->createNamedParameter($like)));
		$delete->executeStatement();
	}

	private function countBench(string $table, string $column): int {
		$qb = $this->db->getQueryBuilder();
		$qb->select($qb->func()->count('*'))->from($table)
			->where($qb->expr()->like($column, $qb->createNamedParameter($this->db->escapeLikeParameter(self::USER_PREFIX) . '%')));
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/** @return list<array<string, mixed>> */
	private function rows(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}

	/**
	 * @template K of array-key
	 * @param array<K, int> $weights
	 * @return K
	 */
	private function pick(array $weights): int|string {
		$roll = mt_rand(1, array_sum($weights));
		foreach ($weights as $value => $weight) {
			$roll -= $weight;
			if ($roll <= 0) {
				return $value;
			}
		}
		return array_key_last($weights);
	}
}
