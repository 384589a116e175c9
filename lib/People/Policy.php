<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemFacts;
use OCA\PilotFeedback\Model\ItemStatus;

/**
 * The roles of docs/api.md ("Roles and visibility"; who sees consolidated figures is under
 * "Consolidation") as code: one question per action, answered from the actor and the facts
 * of the record. Every service asks here before it reads or writes. The docs describe each
 * role; the full table of actions is this class (test/php/Unit/People/PolicyTest.php).
 */
final class Policy {
	/** Administrators configure pilots, components, criteria, organisations and periods. */
	public function canManageCatalogue(Actor $actor): bool {
		return $actor->isAdmin;
	}

	/** The catalogue is read by the pilot's people: testers, coordinators, consolidators, administrators. */
	public function canReadCatalogue(Actor $actor): bool {
		return $actor->isAdmin || $actor->isConsolidator || $actor->isParticipant();
	}

	/** Report items are read by testers, coordinators and consolidators. */
	public function canReadItems(Actor $actor): bool {
		return $actor->isConsolidator || $actor->isParticipant();
	}

	/** Testers and coordinators file items and rate for the organisations they belong to. */
	public function canActFor(Actor $actor, int $orgId): bool {
		return $actor->belongsTo($orgId);
	}

	/**
	 * Security findings are seen only by their reporter, the coordinators of the reporter's
	 * organisation and the consolidators; every other item by everyone who reads items.
	 */
	public function canSeeItem(Actor $actor, ItemFacts $item): bool {
		if ($actor->isConsolidator) {
			return true;
		}
		if (!$item->confidential) {
			return $this->canReadItems($actor);
		}
		return $item->reporterId === $actor->userId || $actor->coordinates($item->orgId);
	}

	/** Reporters edit their own items while new; coordinators their organisation's; consolidators all. */
	public function canEditItem(Actor $actor, ItemFacts $item): bool {
		if ($actor->isConsolidator || $actor->coordinates($item->orgId)) {
			return true;
		}
		return $item->reporterId === $actor->userId && $item->status === ItemStatus::New->value;
	}

	/** Triage (status, consolidated priority, duplicates, vendor reference) is the consolidators'. */
	public function canTriage(Actor $actor): bool {
		return $actor->isConsolidator;
	}

	/** An organisation's progress is seen by its coordinators and by the consolidators. */
	public function canViewProgress(Actor $actor, int $orgId): bool {
		return $actor->isConsolidator || $actor->coordinates($orgId);
	}

	/** Only an organisation's coordinators release its feedback for a period. */
	public function canRelease(Actor $actor, int $orgId): bool {
		return $actor->coordinates($orgId);
	}

	/** Consolidators remind an organisation's coordinators to release its feedback. */
	public function canRemindCoordinators(Actor $actor): bool {
		return $actor->isConsolidator;
	}

	/** Consolidated results are for the consolidators and the organisations' coordinators; testers see none of it. */
	public function canViewConsolidation(Actor $actor): bool {
		return $actor->isConsolidator || $actor->coordinatorOrgIds !== [];
	}

	/**
	 * The organisations whose own breakdown the actor sees in consolidated figures: every one
	 * for consolidators, the coordinated ones for coordinators (the figure across all
	 * organisations is theirs too, another organisation's breakdown never is).
	 *
	 * @param list<int> $organisationIds the organisations that take part
	 * @param int|null $requested one organisation asked for, or null for all the actor may see
	 * @return list<int>
	 * @throws ForbiddenException when the actor may not see the breakdown asked for
	 */
	public function breakdownOrganisations(Actor $actor, array $organisationIds, ?int $requested): array {
		$this->require($this->canViewConsolidation($actor), 'Only consolidators and the coordinators of an organisation see consolidated results.');
		if ($requested !== null) {
			$this->require($actor->isConsolidator || $actor->coordinates($requested), 'You may see the breakdown of the organisations you coordinate only, beside the figure across all organisations.');
			return in_array($requested, $organisationIds, true) ? [$requested] : [];
		}
		if ($actor->isConsolidator) {
			return $organisationIds;
		}
		return array_values(array_filter($organisationIds, static fn (int $id): bool => $actor->coordinates($id)));
	}

	/** Throws a 403 with the given message unless the answer was yes. */
	public function require(bool $allowed, string $message = 'You are not allowed to do this.'): void {
		if (!$allowed) {
			throw new ForbiddenException($message);
		}
	}
}
