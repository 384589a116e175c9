<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

/** An item was filed. */
class ItemCreated extends ItemEvent {
	/** Items are filed by the testers and coordinators of the item's organisation (Policy::canActFor). */
	public function getActorRole(): ?ActingRole {
		$actor = $this->getActor();
		return $actor === null ? null : ActingRole::participantOf($actor, $this->getItem()->getOrgId());
	}
}
