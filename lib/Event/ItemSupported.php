<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;

/** Someone supported an item ("concerns us too") or withdrew their support. */
class ItemSupported extends ItemEvent {
	public function __construct(
		Item $item,
		Actor|string $actor,
		private bool $supports,
	) {
		parent::__construct($item, $actor);
	}

	/** True when support was given, false when withdrawn. */
	public function supports(): bool {
		return $this->supports;
	}

	/**
	 * Support counts for the item's organisation if the supporter belongs to it, otherwise for
	 * the supporter's first organisation (as ItemSupport::support records it).
	 */
	public function getActorRole(): ?ActingRole {
		$actor = $this->getActor();
		if ($actor === null) {
			return null;
		}
		$orgId = $this->getItem()->getOrgId();
		if (!$actor->belongsTo($orgId)) {
			$orgId = $actor->organisationIds()[0] ?? null;
		}
		return $orgId === null ? ActingRole::onItem($actor, $this->getItem()->getOrgId()) : ActingRole::participantOf($actor, $orgId);
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'supports' => $this->supports];
	}
}
