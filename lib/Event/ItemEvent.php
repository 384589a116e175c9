<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/**
 * Something happened to a report item. Listeners get the item itself; the webhook payload
 * carries ids and metadata only, never a title or a text, so that no security finding's
 * content leaves through a webhook.
 */
abstract class ItemEvent extends Event implements IWebhookCompatibleEvent {
	public function __construct(
		private Item $item,
		private string $actorId,
	) {
		parent::__construct();
	}

	public function getItem(): Item {
		return $this->item;
	}

	/** The user who did it. */
	public function getActorId(): string {
		return $this->actorId;
	}

	/**
	 * @return array<string, mixed> ids and metadata, never a title or text
	 */
	public function getWebhookSerializable(): array {
		$item = $this->item;
		return [
			'itemId' => $item->getId(),
			'type' => $item->getType(),
			'confidential' => (bool)$item->getConfidential(),
			'status' => $item->getStatus(),
			'priority' => $item->getPriority(),
			'consolidatedPriority' => $item->getConsPriority(),
			'componentId' => $item->getComponentId(),
			'pilotId' => $item->getPilotId(),
			'organisationId' => $item->getOrgId(),
			'actorId' => $this->actorId,
		];
	}
}
