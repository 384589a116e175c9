<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;

/** An item's content (title, text, priority, component, pilot, attachments, triage fields) was edited. */
class ItemUpdated extends ItemEvent {
	/** @param list<string> $fields the names of the fields that changed */
	public function __construct(
		Item $item,
		string $actorId,
		private array $fields,
	) {
		parent::__construct($item, $actorId);
	}

	/** @return list<string> */
	public function getFields(): array {
		return $this->fields;
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'fields' => $this->fields];
	}
}
