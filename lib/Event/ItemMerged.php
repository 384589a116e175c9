<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;

/** An item was marked as a duplicate of (merged into) another item. */
class ItemMerged extends ItemEvent {
	public function __construct(
		Item $item,
		string $actorId,
		private int $targetId,
	) {
		parent::__construct($item, $actorId);
	}

	/** The item it was merged into. */
	public function getTargetId(): int {
		return $this->targetId;
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'targetId' => $this->targetId];
	}
}
