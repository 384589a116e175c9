<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Assessment;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/** A tester saved (created or changed) their assessment of a component in a period. */
class AssessmentSaved extends Event implements IWebhookCompatibleEvent {
	public function __construct(
		private Assessment $assessment,
	) {
		parent::__construct();
	}

	public function getAssessment(): Assessment {
		return $this->assessment;
	}

	/** @return array{assessmentId: int, userId: string, organisationId: int, componentId: int, periodId: int} */
	public function getWebhookSerializable(): array {
		return [
			'assessmentId' => $this->assessment->getId(),
			'userId' => $this->assessment->getUserId(),
			'organisationId' => $this->assessment->getOrgId(),
			'componentId' => $this->assessment->getComponentId(),
			'periodId' => $this->assessment->getPeriodId(),
		];
	}
}
