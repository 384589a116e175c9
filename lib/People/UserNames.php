<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCP\IUserManager;

/**
 * How the app names a person to others (activity, notifications, the report list): by their
 * display name while the account exists, and by the pseudonym the app's records carry
 * ("deleted user #7", Pseudonyms) once it is gone, so that a deleted user is named nowhere,
 * not even by the user id that older activity entries and notifications still hold.
 */
class UserNames {
	/** @var array<string, ?string> display name by user id, null for an account that is gone */
	private array $displayNames = [];

	public function __construct(
		private IUserManager $userManager,
		private Pseudonyms $pseudonyms,
	) {
	}

	/** Whether the id names no account (any more); a pseudonym names none either. */
	public function isGone(string $userId): bool {
		return $userId !== '' && $this->displayName($userId) === null;
	}

	/** The id to show: the user id while the account exists, its pseudonym after ("" stays ""). */
	public function id(string $userId): string {
		return $this->isGone($userId) && !Pseudonyms::isPseudonym($userId) ? $this->pseudonyms->pseudonymFor($userId) : $userId;
	}

	/** The name to show: the display name while the account exists, the pseudonym after. */
	public function name(string $userId): string {
		return $this->displayName($userId) ?? $this->id($userId);
	}

	/**
	 * A rich-text parameter of activity entries and notifications: a user while the account
	 * exists, a plain highlight with the pseudonym (no avatar, no profile link) after. Takes the
	 * value as stored in the entry's parameters: anything but a string names nobody ("").
	 *
	 * @return array{type: string, id: string, name: string}
	 */
	public function richParameter(mixed $userId): array {
		$userId = is_string($userId) ? $userId : '';
		if ($this->isGone($userId)) {
			$pseudonym = $this->id($userId);
			return ['type' => 'highlight', 'id' => $pseudonym, 'name' => $pseudonym];
		}
		return ['type' => 'user', 'id' => $userId, 'name' => $this->name($userId)];
	}

	private function displayName(string $userId): ?string {
		if ($userId === '' || Pseudonyms::isPseudonym($userId)) {
			return null;
		}
		if (!array_key_exists($userId, $this->displayNames)) {
			$this->displayNames[$userId] = $this->userManager->getDisplayName($userId);
		}
		return $this->displayNames[$userId];
	}
}
