<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;

/** A consolidator moved an item to another status (other than "duplicate": see ItemMerged). */
class ItemStatusChanged extends ItemEvent {
	public function __construct(
		Item $item,
		Actor|string $actor,
		private string $oldStatus,
	) {
		parent::__construct($item, $actor);
	}

	public function getOldStatus(): string {
		return $this->oldStatus;
	}

	/** Only consolidators triage (Policy::canTriage), so this is known without the actor's roles. */
	public function getActorRole(): ActingRole {
		return ActingRole::consolidator();
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'oldStatus' => $this->oldStatus];
	}
}
