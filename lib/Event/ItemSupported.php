<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;

/** Someone supported an item ("concerns us too") or withdrew their support. */
class ItemSupported extends ItemEvent {
	public function __construct(
		Item $item,
		string $actorId,
		private bool $supports,
	) {
		parent::__construct($item, $actorId);
	}

	/** True when support was given, false when withdrawn. */
	public function supports(): bool {
		return $this->supports;
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'supports' => $this->supports];
	}
}
