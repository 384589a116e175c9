<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\OrganisationService;
use OCA\PilotFeedback\People\Policy;

/**
 * What the pilot's people read: the catalogue of their pilots (GET /catalogue). Which pilots
 * and components an actor works in is PilotScope's; who the user is, MeService's.
 *
 * @psalm-import-type PilotFeedbackCatalogue from \OCA\PilotFeedback\ResponseDefinitions
 */
class CatalogueService {
	public function __construct(
		private Policy $policy,
		private PilotScope $scope,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private PilotService $pilotService,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private OrganisationService $organisationService,
	) {
	}

	/**
	 * The active catalogue: consolidators and administrators see every pilot, testers the
	 * pilots their organisations take part in, with those pilots' components.
	 *
	 * @return PilotFeedbackCatalogue
	 */
	public function catalogue(Actor $actor): array {
		$this->policy->require($this->policy->canReadCatalogue($actor), 'You are not a member of a test organisation yet. Ask your administrator to add your group to one.');
		$pilots = $this->scope->visiblePilots($actor, false);
		$organisations = $this->organisationService->serializeAll($this->organisations->findAll(false));
		if (!$actor->isAdmin) {
			// Group mappings are configuration; testers need only names and pilots.
			$organisations = array_map(static function (array $o): array {
				$o['groupIds'] = [];
				return $o;
			}, $organisations);
		}
		return [
			'pilots' => $this->pilotService->serializeAll($pilots),
			'components' => $this->componentService->serializeAll($this->scope->componentsOf($pilots)),
			'criteria' => $this->criterionService->list(false),
			'organisations' => $organisations,
			'periods' => array_map(static fn (Period $p): array => $p->jsonSerialize(), $this->periods->findAll()),
		];
	}
}
