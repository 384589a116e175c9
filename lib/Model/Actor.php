<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/**
 * Who is calling, as far as the rules care: the roles of docs/api.md ("Roles and visibility")
 * resolved for one user.
 * Built per request by ActorFactory; a plain value so the rules can be tested without Nextcloud.
 */
final class Actor {
	/**
	 * @param list<int> $memberOrgIds organisations whose groups the user is in
	 * @param list<int> $coordinatorOrgIds organisations the user coordinates
	 */
	public function __construct(
		public readonly string $userId,
		public readonly bool $isAdmin = false,
		public readonly bool $isConsolidator = false,
		public readonly array $memberOrgIds = [],
		public readonly array $coordinatorOrgIds = [],
	) {
	}

	/**
	 * Every organisation the user acts for (a coordinator acts for theirs even outside its groups).
	 *
	 * @return list<int>
	 */
	public function organisationIds(): array {
		return array_values(array_unique([...$this->memberOrgIds, ...$this->coordinatorOrgIds]));
	}

	public function belongsTo(int $orgId): bool {
		return in_array($orgId, $this->organisationIds(), true);
	}

	public function coordinates(int $orgId): bool {
		return in_array($orgId, $this->coordinatorOrgIds, true);
	}

	/** A tester or coordinator of at least one organisation. */
	public function isParticipant(): bool {
		return $this->organisationIds() !== [];
	}
}
