<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;

/**
 * Who rates what: only testers of an organisation rate; an organisation's testers rate the
 * components of its active pilots, each for the organisation whose pilot contains it; and
 * what an organisation has released for a period stays read-only until it is reopened.
 */
class RatingScope {
	public function __construct(
		private Policy $policy,
		private PilotScope $pilotScope,
		private ComponentMapper $components,
		private LinkMapper $links,
		private ReleaseMapper $releases,
	) {
	}

	public function requireTester(Actor $actor): void {
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation rate components. Ask your administrator to add your group to an organisation.');
	}

	/** @return list<int> the components the organisation's testers rate: those of its active pilots */
	public function componentIds(int $orgId): array {
		$organisationActor = new Actor('', false, false, [$orgId]);
		$components = $this->pilotScope->componentsOf($this->pilotScope->visiblePilots($organisationActor, true));
		return array_map(static fn (Component $c): int => $c->getId(), $components);
	}

	/** The organisation the actor rates this component for: one of theirs that takes part in an active pilot containing it. */
	public function organisationFor(Actor $actor, int $componentId): int {
		$this->components->get($componentId);
		$pilotIds = $this->links->leftsForRights(Link::PilotComponents, [$componentId]);
		$active = array_map(static fn ($p): int => $p->getId(), $this->pilotScope->visiblePilots($actor, true));
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		foreach ($actor->organisationIds() as $orgId) {
			if (array_intersect($pilotIds, $active, $pilotsByOrg[$orgId] ?? []) !== []) {
				return $orgId;
			}
		}
		throw new ForbiddenException('This component is not part of an active pilot of your organisation, so you cannot rate it.');
	}

	/**
	 * The components whose rating the actor's organisation has released for the period: they
	 * stay read-only until its coordinator reopens the release.
	 *
	 * @param list<int> $activePilotIds
	 * @return list<int>
	 */
	public function lockedComponentIds(Actor $actor, Period $period, array $activePilotIds): array {
		$released = array_values(array_filter($actor->organisationIds(), fn (int $orgId): bool => $this->releases->find($orgId, $period->getId()) !== null));
		if ($released === []) {
			return [];
		}
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, $activePilotIds);
		$orgOfComponent = [];
		foreach ($actor->organisationIds() as $orgId) {
			foreach (array_intersect($pilotsByOrg[$orgId] ?? [], $activePilotIds) as $pilotId) {
				foreach ($componentsByPilot[$pilotId] ?? [] as $componentId) {
					$orgOfComponent[(int)$componentId] ??= $orgId;
				}
			}
		}
		$locked = array_keys(array_filter($orgOfComponent, static fn (int $orgId): bool => in_array($orgId, $released, true)));
		sort($locked);
		return $locked;
	}
}
