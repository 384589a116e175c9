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

	/** Whoever rates does so as a tester of the assessment's organisation (a coordinator who rates, too). */
	public function getActorRole(): ActingRole {
		return ActingRole::testerOf($this->assessment->getOrgId());
	}

	/**
	 * Ids and the role only: never the tester's user id or the comment.
	 *
	 * @return array{assessmentId: int, organisationId: int, pilotId: int, componentId: int, periodId: int, actorRole: ?string, actorOrganisationId: ?int}
	 */
	public function getWebhookSerializable(): array {
		return [
			'assessmentId' => $this->assessment->getId(),
			'organisationId' => $this->assessment->getOrgId(),
			'pilotId' => $this->assessment->getPilotId(),
			'componentId' => $this->assessment->getComponentId(),
			'periodId' => $this->assessment->getPeriodId(),
			...ActingRole::payload($this->getActorRole()),
		];
	}
}
