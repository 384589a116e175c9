<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Actor;

/** An item's content (title, text, priority, component, pilot, attachments, triage fields) was edited. */
class ItemUpdated extends ItemEvent {
	/** The fields only triage changes (Policy::canTriage): consolidators'. */
	private const TRIAGE_FIELDS = ['consolidatedPriority', 'duplicateOf', 'vendorReference', 'vendorUrl'];

	/** @param list<string> $fields the names of the fields that changed */
	public function __construct(
		Item $item,
		Actor|string $actor,
		private array $fields,
	) {
		parent::__construct($item, $actor);
	}

	/** @return list<string> */
	public function getFields(): array {
		return $this->fields;
	}

	/**
	 * Triage fields are changed by consolidators only; the content by its reporter (a tester of
	 * the item's organisation), the organisation's coordinators or a consolidator
	 * (Policy::canEditItem).
	 */
	public function getActorRole(): ?ActingRole {
		if ($this->fields !== [] && array_diff($this->fields, self::TRIAGE_FIELDS) === []) {
			return ActingRole::consolidator();
		}
		$actor = $this->getActor();
		if ($actor === null) {
			return null;
		}
		$orgId = $this->getItem()->getOrgId();
		if ($actor->coordinates($orgId)) {
			return ActingRole::coordinatorOf($orgId);
		}
		$isReporter = $actor->userId === $this->getItem()->getReporterId();
		return $actor->isConsolidator && !$isReporter ? ActingRole::consolidator() : ActingRole::testerOf($orgId);
	}

	public function getWebhookSerializable(): array {
		return [...parent::getWebhookSerializable(), 'fields' => $this->fields];
	}
}
