<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\IGroupManager;
use OCP\IUser;
use OCP\IUserManager;
use OCP\IUserSession;

/** Resolves the logged-in user's roles once per request. */
class ActorFactory {
	private ?Actor $current = null;

	public function __construct(
		private IUserSession $userSession,
		private IGroupManager $groupManager,
		private SettingsService $settings,
		private LinkMapper $links,
		private OrganisationMapper $organisations,
		private IUserManager $userManager,
	) {
	}

	/** @throws ForbiddenException when nobody is logged in */
	public function current(): Actor {
		if ($this->current !== null) {
			return $this->current;
		}
		$user = $this->userSession->getUser();
		if ($user === null) {
			throw new ForbiddenException('Please log in.');
		}
		$this->current = $this->forUser($user);
		return $this->current;
	}

	/**
	 * The roles of any user, for work done on someone's behalf outside their request
	 * (notifications, activity, search, dashboard, background jobs).
	 */
	public function forUser(IUser $user): Actor {
		$userId = $user->getUID();
		$groupIds = $this->groupManager->getUserGroupIds($user);
		$consolidatorGroup = $this->settings->consolidatorGroup();

		return new Actor(
			$userId,
			$this->groupManager->isAdmin($userId),
			$consolidatorGroup !== '' && in_array($consolidatorGroup, $groupIds, true),
			$this->activeOnly($this->links->leftsForRights(Link::OrganisationGroups, $groupIds)),
			$this->activeOnly($this->links->leftsForRights(Link::OrganisationCoordinators, [$userId])),
		);
	}

	/** The roles of the user with this id, or null when no such user exists. */
	public function forUserId(string $userId): ?Actor {
		$user = $this->userManager->get($userId);
		return $user === null ? null : $this->forUser($user);
	}

	/**
	 * Archived organisations no longer give their members any role.
	 *
	 * @param list<int> $orgIds
	 * @return list<int>
	 */
	private function activeOnly(array $orgIds): array {
		return array_map(static fn ($org): int => $org->getId(), $this->organisations->findByIds($orgIds, false));
	}
}
