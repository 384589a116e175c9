<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;

/** Someone commented on an item. */
class ItemCommented extends ItemEvent {
	public function __construct(
		Item $item,
		Actor|string $actor,
		private string $commentId,
	) {
		parent::__construct($item, $actor);
	}

	public function getCommentId(): string {
		return $this->commentId;
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'commentId' => $this->commentId];
	}
}
