<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;

/** A consolidator moved an item to another status (other than "duplicate": see ItemMerged). */
class ItemStatusChanged extends ItemEvent {
	public function __construct(
		Item $item,
		string $actorId,
		private string $oldStatus,
	) {
		parent::__construct($item, $actorId);
	}

	public function getOldStatus(): string {
		return $this->oldStatus;
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'oldStatus' => $this->oldStatus];
	}
}
