<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\Group\Backend\ISearchableGroupBackend;
use OCP\IGroupManager;

/** Who holds a role, by user id: for notifications and activity recipients. */
class People {
	public function __construct(
		private LinkMapper $links,
		private OrganisationMapper $organisations,
		private SettingsService $settings,
		private IGroupManager $groupManager,
		private GroupMemberCache $memberCache,
	) {
	}

	/** @return list<string> the members of the consolidators' group */
	public function consolidators(): array {
		$group = $this->settings->consolidatorGroup();
		if ($group === '') {
			return [];
		}
		return $this->memberIds($group);
	}

	/** @return list<string> the coordinators of an organisation */
	public function coordinators(int $orgId): array {
		return array_map('strval', $this->links->rightsByLeft(Link::OrganisationCoordinators, [$orgId])[$orgId] ?? []);
	}

	/** @return list<string> the members of an organisation's groups (its testers) */
	public function members(int $orgId): array {
		$users = [];
		foreach ($this->links->rightsByLeft(Link::OrganisationGroups, [$orgId])[$orgId] ?? [] as $groupId) {
			foreach ($this->memberIds((string)$groupId) as $userId) {
				$users[$userId] = true;
			}
		}
		return array_map('strval', array_keys($users));
	}

	/**
	 * The testers of several organisations: the members of their groups without their
	 * coordinators, with one lookup of the organisations' groups and coordinators for all. The
	 * groups' members come from GroupMemberCache: this is what participation counts, on every
	 * request, for every organisation.
	 *
	 * @param list<int> $orgIds
	 * @return array<int, array<string, true>> organisation id => user id => true
	 */
	public function testersOf(array $orgIds): array {
		if ($orgIds === []) {
			return [];
		}
		$groups = $this->links->rightsByLeft(Link::OrganisationGroups, $orgIds);
		$coordinators = $this->links->rightsByLeft(Link::OrganisationCoordinators, $orgIds);
		$members = [];
		$testers = [];
		foreach ($orgIds as $orgId) {
			$testers[$orgId] = [];
			foreach ($groups[$orgId] ?? [] as $groupId) {
				$members[(string)$groupId] ??= $this->memberCache->memberIds((string)$groupId, fn (): array => $this->memberIds((string)$groupId));
				foreach ($members[(string)$groupId] as $userId) {
					$testers[$orgId][$userId] = true;
				}
			}
			foreach ($coordinators[$orgId] ?? [] as $userId) {
				unset($testers[$orgId][(string)$userId]);
			}
		}
		return $testers;
	}

	/**
	 * The user ids of a group's members, asked of each group backend directly: one query per
	 * group with the database backend, where IGroupManager::displayNamesInGroup also looks the
	 * group up first (a second query) and reads every member's display name, which no caller
	 * here needs.
	 *
	 * @return list<string>
	 */
	private function memberIds(string $groupId): array {
		$ids = [];
		foreach ($this->groupManager->getBackends() as $backend) {
			if (!$backend instanceof ISearchableGroupBackend) {
				// a backend that cannot list a group's users itself: the group manager's way
				return array_map('strval', array_keys($this->groupManager->displayNamesInGroup($groupId)));
			}
			// a backend without the group has no members for it
			foreach ($backend->searchInGroup($groupId) as $user) {
				$ids[$user->getUID()] = true;
			}
		}
		return array_map('strval', array_keys($ids));
	}

	/** @return list<Organisation> the organisations that are not archived */
	public function activeOrganisations(): array {
		return $this->organisations->findAll(false);
	}
}
