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
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\PilotStatus;

/**
 * Which pilots an actor works in and which components those pilots hold: the scope that the
 * catalogue, the rating sheet, filing an item and the dashboard widget share.
 */
class PilotScope {
	public function __construct(
		private PilotMapper $pilots,
		private ComponentMapper $components,
		private LinkMapper $links,
	) {
	}

	/**
	 * The pilots an actor works in; with $activeOnly only those whose status is active.
	 * Consolidators and administrators work in every pilot, testers and coordinators in the
	 * pilots their organisations take part in.
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
