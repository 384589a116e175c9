<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Model\Actor;

/**
 * In which role someone acted, instead of who: what a webhook payload says about the actor
 * ("consolidator", "coordinator of organisation 3", "tester of organisation 3",
 * "administrator", "system"). Webhook payloads never carry user ids or names, so that a
 * receiver does not learn who reported a security finding or who tests what.
 */
final class ActingRole {
	public const CONSOLIDATOR = 'consolidator';
	public const COORDINATOR = 'coordinator';
	public const TESTER = 'tester';
	public const ADMINISTRATOR = 'administrator';
	public const SYSTEM = 'system';

	/** @param self::* $role */
	private function __construct(
		public readonly string $role,
		public readonly ?int $organisationId = null,
	) {
	}

	public static function consolidator(): self {
		return new self(self::CONSOLIDATOR);
	}

	public static function coordinatorOf(int $orgId): self {
		return new self(self::COORDINATOR, $orgId);
	}

	public static function testerOf(int $orgId): self {
		return new self(self::TESTER, $orgId);
	}

	public static function administrator(): self {
		return new self(self::ADMINISTRATOR);
	}

	/** Nobody acted: the app did it on its own (a scheduled report). */
	public static function system(): self {
		return new self(self::SYSTEM);
	}

	/** A tester or coordinator acting for the organisation: its coordinator if they coordinate it, otherwise its tester. */
	public static function participantOf(Actor $actor, int $orgId): self {
		return $actor->coordinates($orgId) ? self::coordinatorOf($orgId) : self::testerOf($orgId);
	}

	/**
	 * The role of someone who acted on an item of the organisation: as its coordinator or tester
	 * if they are one, else as consolidator, else as coordinator or tester of their own
	 * organisation (who may see and support another organisation's items).
	 */
	public static function onItem(Actor $actor, int $orgId): ?self {
		if ($actor->belongsTo($orgId)) {
			return self::participantOf($actor, $orgId);
		}
		if ($actor->isConsolidator) {
			return self::consolidator();
		}
		$own = $actor->organisationIds();
		if ($own !== []) {
			return self::participantOf($actor, $own[0]);
		}
		return $actor->isAdmin ? self::administrator() : null;
	}

	/** "coordinator of organisation 3", "consolidator", … */
	public function label(): string {
		return $this->organisationId === null ? $this->role : $this->role . ' of organisation ' . $this->organisationId;
	}

	/**
	 * The payload fields that describe the actor: the role and, for a coordinator or tester,
	 * the organisation; both null when the event does not know the role.
	 *
	 * @return array{actorRole: ?string, actorOrganisationId: ?int}
	 */
	public static function payload(?self $role): array {
		return ['actorRole' => $role?->role, 'actorOrganisationId' => $role?->organisationId];
	}
}
