<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCP\IConfig;
use OCP\IDBConnection;
use OCP\IGroupManager;
use OCP\IUserManager;

/**
 * The synthetic testers as Nextcloud accounts, members of their organisation's first group
 * so that participation counts them; later runs reuse them.
 *
 * Creating an account hashes its password, by default with Argon2id, which takes over a
 * second per account on a loaded machine. The testers' passwords are random and never used
 * (nobody logs in as them), so while it creates them this class switches Nextcloud's hasher
 * to bcrypt (system config hashing_default_password, a documented setting; PHP's
 * PASSWORD_DEFAULT) and restores the earlier value afterwards, also when it fails. bcrypt's
 * cost (system config hashingCost) is read when the hasher is created, before this runs:
 * scripts/bench.sh sets it to 4 around the seeding. The accounts get no display name: setting
 * one costs as much again (Nextcloud updates the account properties and the system address
 * book), and the lists show the user id instead.
 */
class BenchAccounts {

	public function __construct(
		private IDBConnection $db,
		private IUserManager $userManager,
		private IGroupManager $groupManager,
		private IConfig $config,
	) {
	}

	/**
	 * Creates the synthetic testers as Nextcloud accounts (random password) in their
	 * organisation's first group, unless they exist.
	 *
	 * @param array<array-key, int> $userOrgs BenchPlan::users()
	 * @param callable(string): void $progress
	 * @return int accounts created
	 */
	public function ensure(array $userOrgs, callable $progress): int {
		$groups = [];
		$qb = $this->db->getQueryBuilder();
		$qb->select('org_id', 'group_id')->from('pf_org_groups')->orderBy('id');
		foreach (BenchQuery::rows($qb) as $row) {
			$groups[(int)$row['org_id']] ??= (string)$row['group_id'];
		}
		$missing = array_filter(array_keys($userOrgs), fn (int|string $userId): bool => !$this->userManager->userExists((string)$userId));
		$restore = $missing === [] ? null : $this->fastHashing();
		try {
			return $this->create($userOrgs, $groups, $progress);
		} finally {
			if ($restore !== null) {
				$restore();
			}
		}
	}

	/**
	 * @param array<array-key, int> $userOrgs
	 * @param array<int, string> $groups org id => group id
	 * @param callable(string): void $progress
	 */
	private function create(array $userOrgs, array $groups, callable $progress): int {
		$created = 0;
		foreach ($userOrgs as $userId => $orgId) {
			$userId = (string)$userId;
			$user = $this->userManager->get($userId);
			if ($user === null) {
				$user = $this->userManager->createUser($userId, bin2hex(random_bytes(16)) . '-Aa1!');
				if ($user === false) {
					throw new ConflictException('Could not create the account %1$s.', [$userId]);
				}
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
	 * Sets bcrypt for the accounts about to be created.
	 *
	 * @return \Closure(): void puts the earlier settings back
	 */
	private function fastHashing(): \Closure {
		$earlier = [];
		foreach (['hashing_default_password' => true] as $key => $value) {
			/** @var scalar|null $before null when config.php does not set it */
			$before = $this->config->getSystemValue($key, null);
			$earlier[$key] = $before;
			$this->config->setSystemValue($key, $value);
		}
		return function () use ($earlier): void {
			foreach ($earlier as $key => $value) {
				if ($value === null) {
					$this->config->deleteSystemValue($key);
				} else {
					$this->config->setSystemValue($key, $value);
				}
			}
		};
	}
}
