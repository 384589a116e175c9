<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/**
 * Something happened to a report item. Listeners get the item itself and the acting user;
 * the webhook payload carries ids, types, states and the actor's role only, never a title, a
 * text or a user id or name, so that neither a security finding's content nor its reporter
 * leaves through a webhook.
 */
abstract class ItemEvent extends Event implements IWebhookCompatibleEvent {
	private string $actorId;
	private ?Actor $actor;

	/**
	 * @param Actor|string $actor who did it: as an Actor (roles resolved) the webhook payload
	 *                            names the role they acted in; as a bare user id it may not (null)
	 */
	public function __construct(
		private Item $item,
		Actor|string $actor,
	) {
		parent::__construct();
		$this->actor = $actor instanceof Actor ? $actor : null;
		$this->actorId = $actor instanceof Actor ? $actor->userId : $actor;
	}

	public function getItem(): Item {
		return $this->item;
	}

	/** The user who did it (for the app's own listeners; never in the webhook payload). */
	public function getActorId(): string {
		return $this->actorId;
	}

	/** The roles of the user who did it, when the dispatcher passed them. */
	public function getActor(): ?Actor {
		return $this->actor;
	}

	/** The role in which the user acted on the item, or null when the event cannot tell. */
	public function getActorRole(): ?ActingRole {
		return $this->actor === null ? null : ActingRole::onItem($this->actor, $this->item->getOrgId());
	}

	/**
	 * @return array<string, mixed> ids, types, states and the actor's role; never a title, text or user
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
			...ActingRole::payload($this->getActorRole()),
		];
	}
}
