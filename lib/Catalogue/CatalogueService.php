<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\PilotStatus;
use OCA\PilotFeedback\People\OrganisationService;
use OCA\PilotFeedback\People\Policy;
use OCP\IUserManager;

/**
 * What the pilot's people read: the catalogue of their pilots and who they are in it.
 *
 * @psalm-import-type PilotFeedbackCatalogue from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMe from \OCA\PilotFeedback\ResponseDefinitions
 */
class CatalogueService {
	public function __construct(
		private Policy $policy,
		private PilotMapper $pilots,
		private ComponentMapper $components,
		private OrganisationMapper $organisations,
		private PeriodMapper $periods,
		private LinkMapper $links,
		private PilotService $pilotService,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private OrganisationService $organisationService,
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

	/**
	 * The active catalogue: consolidators and administrators see every pilot, testers the
	 * pilots their organisations take part in, with those pilots' components.
	 *
	 * @return PilotFeedbackCatalogue
	 */
	public function catalogue(Actor $actor): array {
		$this->policy->require($this->policy->canReadCatalogue($actor), 'You are not a member of a test organisation yet. Ask your administrator to add your group to one.');
		$pilots = $this->visiblePilots($actor, false);
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
			'components' => $this->componentService->serializeAll($this->componentsOf($pilots)),
			'criteria' => $this->criterionService->list(false),
			'organisations' => $organisations,
			'periods' => array_map(static fn (Period $p): array => $p->jsonSerialize(), $this->periods->findAll()),
		];
	}

	/**
	 * The pilots an actor works in; with $activeOnly only those whose status is active.
	 *
	 * @return list<Pilot>
	 */
	public function visiblePilots(Actor $actor, bool $activeOnly): array {
		if ($actor->isAdmin || $actor->isConsolidator) {
			$pilots = $this->pilots->findAll(false);
		} else {
			$ids = array_merge([], ...array_values($this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds())));
			$pilots = $this->pilots->findByIds(array_values(array_unique(array_map(intval(...), $ids))), false);
		}
		if ($activeOnly) {
			$pilots = array_values(array_filter($pilots, static fn (Pilot $p): bool => $p->getStatus() === PilotStatus::Active->value));
		}
		return $pilots;
	}

	/**
	 * The components of the given pilots that are not archived.
	 *
	 * @param list<Pilot> $pilots
	 * @return list<Component>
	 */
	public function componentsOf(array $pilots): array {
		$ids = array_merge([], ...array_values($this->links->rightsByLeft(Link::PilotComponents, array_map(static fn (Pilot $p): int => $p->getId(), $pilots))));
		return $this->components->findByIds(array_values(array_unique(array_map(intval(...), $ids))), false);
	}
}
