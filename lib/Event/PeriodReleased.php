<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Release;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/** An organisation's coordinator released its feedback for a period to the consolidators. */
class PeriodReleased extends Event implements IWebhookCompatibleEvent {
	public function __construct(
		private Release $release,
	) {
		parent::__construct();
	}

	public function getRelease(): Release {
		return $this->release;
	}

	/** Only the organisation's coordinators release its feedback (Policy::canRelease). */
	public function getActorRole(): ActingRole {
		return ActingRole::coordinatorOf($this->release->getOrgId());
	}

	/**
	 * Ids, the time and the role only: never the coordinator's user id.
	 *
	 * @return array{releaseId: int, organisationId: int, periodId: int, releasedAt: int, actorRole: ?string, actorOrganisationId: ?int}
	 */
	public function getWebhookSerializable(): array {
		return [
			'releaseId' => $this->release->getId(),
			'organisationId' => $this->release->getOrgId(),
			'periodId' => $this->release->getPeriodId(),
			'releasedAt' => $this->release->getReleasedAt(),
			...ActingRole::payload($this->getActorRole()),
		];
	}
}
