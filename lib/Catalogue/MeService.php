<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Model\Actor;
use OCP\IUserManager;

/**
 * Who the user is in the pilot: their name, roles and organisations (GET /me).
 *
 * @psalm-import-type PilotFeedbackMe from \OCA\PilotFeedback\ResponseDefinitions
 */
class MeService {
	public function __construct(
		private OrganisationMapper $organisations,
		private IUserManager $userManager,
	) {
	}

	/** @return PilotFeedbackMe */
	public function me(Actor $actor): array {
		$organisations = $this->organisations->findByIds($actor->organisationIds(), false);
		return [
			'userId' => $actor->userId,
			'displayName' => $this->userManager->getDisplayName($actor->userId) ?? $actor->userId,
			'isAdmin' => $actor->isAdmin,
			'isConsolidator' => $actor->isConsolidator,
			'organisations' => array_map(static fn ($o): array => [
				'id' => $o->getId(),
				'name' => $o->getName(),
				'shortName' => $o->getShortName(),
				'isCoordinator' => $actor->coordinates($o->getId()),
			], $organisations),
		];
	}
}
