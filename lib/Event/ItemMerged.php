<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;

/** An item was marked as a duplicate of (merged into) another item. */
class ItemMerged extends ItemEvent {
	public function __construct(
		Item $item,
		Actor|string $actor,
		private int $targetId,
	) {
		parent::__construct($item, $actor);
	}

	/** The item it was merged into. */
	public function getTargetId(): int {
		return $this->targetId;
	}

	/** Only consolidators triage (Policy::canTriage), so this is known without the actor's roles. */
	public function getActorRole(): ActingRole {
		return ActingRole::consolidator();
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'targetId' => $this->targetId];
	}
}
