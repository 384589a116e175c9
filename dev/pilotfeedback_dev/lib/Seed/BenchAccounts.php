<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Exception\ConflictException;
use OCP\IDBConnection;
use OCP\IGroupManager;
use OCP\IUserManager;

/**
 * The synthetic testers as Nextcloud accounts, members of their organisation's first group
 * so that participation counts them; later runs reuse them.
 */
class BenchAccounts {
	public function __construct(
		private IDBConnection $db,
		private IUserManager $userManager,
		private IGroupManager $groupManager,
	) {
	}

	/**
	 * Creates the synthetic testers as Nextcloud accounts (random password, display name
	 * "Bench tester NNNN") in their organisation's first group, unless they exist.
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
		$created = 0;
		foreach ($userOrgs as $userId => $orgId) {
			$userId = (string)$userId;
			$user = $this->userManager->get($userId);
			if ($user === null) {
				$user = $this->userManager->createUser($userId, bin2hex(random_bytes(16)) . '-Aa1!');
				if ($user === false) {
					throw new ConflictException('Could not create the account %1$s.', [$userId]);
				}
				$user->setDisplayName('Bench tester ' . substr($userId, strlen(BenchPlan::USER_PREFIX)));
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
}
