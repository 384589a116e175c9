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

	/** @return array{releaseId: int, organisationId: int, periodId: int, userId: string, releasedAt: int} */
	public function getWebhookSerializable(): array {
		return [
			'releaseId' => $this->release->getId(),
			'organisationId' => $this->release->getOrgId(),
			'periodId' => $this->release->getPeriodId(),
			'userId' => $this->release->getUserId(),
			'releasedAt' => $this->release->getReleasedAt(),
		];
	}
}
