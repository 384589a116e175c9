<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Period;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/** An administrator closed a reporting period. */
class PeriodClosed extends Event implements IWebhookCompatibleEvent {
	public function __construct(
		private Period $period,
	) {
		parent::__construct();
	}

	public function getPeriod(): Period {
		return $this->period;
	}

	/** Periods are closed in the administration settings only (PeriodController). */
	public function getActorRole(): ActingRole {
		return ActingRole::administrator();
	}

	/** @return array{periodId: int, month: string, actorRole: ?string, actorOrganisationId: ?int} */
	public function getWebhookSerializable(): array {
		return [
			'periodId' => $this->period->getId(),
			'month' => $this->period->getMonth(),
			...ActingRole::payload($this->getActorRole()),
		];
	}
}
