<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\People\UserNames;
use OCP\IGroupManager;

/** The people of an organisation by name, as its progress lists them: members of its groups, and its coordinators. */
class OrganisationMembers {
	public function __construct(
		private LinkMapper $links,
		private IGroupManager $groupManager,
		private UserNames $userNames,
	) {
	}

	/** @return list<string> the user ids of the organisation's coordinators */
	public function coordinators(int $orgId): array {
		return array_map('strval', $this->links->rightsByLeft(Link::OrganisationCoordinators, [$orgId])[$orgId] ?? []);
	}

	/**
	 * The members of the organisation's groups, by user id.
	 *
	 * @return array<array-key, string> user id => display name (PHP turns numeric user ids into int keys)
	 */
	public function names(int $orgId): array {
		$names = [];
		foreach ($this->links->rightsByLeft(Link::OrganisationGroups, [$orgId])[$orgId] ?? [] as $groupId) {
			foreach ($this->groupManager->displayNamesInGroup((string)$groupId) as $userId => $displayName) {
				$names[$userId] = $displayName;
			}
		}
		ksort($names);
		return $names;
	}

	/** Anyone's display name; the pseudonym ("deleted user #7") when the account is gone, never the user id. */
	public function displayName(string $userId): string {
		return $this->userNames->name($userId);
	}
}
