<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\PilotStatus;
use OCA\PilotFeedback\People\Policy;

/**
 * Who rates what: only testers of an organisation rate; an organisation's testers rate the
 * components of its active pilots, each component in each such pilot separately, for the
 * organisation that takes part in the pilot; and what an organisation has released for a
 * period stays read-only until it is reopened.
 */
class RatingScope {
	public function __construct(
		private Policy $policy,
		private PilotScope $pilotScope,
		private ComponentMapper $components,
		private PilotMapper $pilots,
		private LinkMapper $links,
		private ReleaseMapper $releases,
	) {
	}

	public function requireTester(Actor $actor): void {
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation rate components. Ask your administrator to add your group to an organisation.');
	}

	/**
	 * The active pilots the actor rates in: those one of their organisations takes part in
	 * (a consolidator or administrator who is also a tester sees every pilot elsewhere, but
	 * rates only in their organisation's).
	 *
	 * @return list<Pilot>
	 */
	public function pilotsToRate(Actor $actor): array {
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		return array_values(array_filter(
			$this->pilotScope->visiblePilots($actor, true),
			fn (Pilot $p): bool => $this->organisationIn($actor, $pilotsByOrg, $p->getId()) !== null,
		));
	}

	/** @return list<int> the components the organisation's testers rate: those of its active pilots */
	public function componentIds(int $orgId): array {
		return array_values(array_unique(array_map(static fn (array $pair): int => $pair['componentId'], $this->pairs($orgId))));
	}

	/**
	 * What the organisation's testers rate: each component of each of its active pilots (a
	 * component in two of them twice), pilot by pilot.
	 *
	 * @return list<array{pilotId: int, componentId: int}>
	 */
	public function pairs(int $orgId): array {
		$pilots = $this->pilotScope->visiblePilots(new Actor('', false, false, [$orgId]), true);
		$current = array_map(static fn (Component $c): int => $c->getId(), $this->pilotScope->componentsOf($pilots));
		$componentsByPilot = $this->links->rightsByLeft(Link::PilotComponents, array_map(static fn (Pilot $p): int => $p->getId(), $pilots));
		$pairs = [];
		foreach ($pilots as $pilot) {
			foreach ($componentsByPilot[$pilot->getId()] ?? [] as $componentId) {
				if (in_array((int)$componentId, $current, true)) {
					$pairs[] = ['pilotId' => $pilot->getId(), 'componentId' => (int)$componentId];
				}
			}
		}
		return $pairs;
	}

	/**
	 * The components a tester has rated in every pilot of the given pairs that contains them.
	 *
	 * @param list<array{pilotId: int, componentId: int}> $pairs what the organisation rates
	 * @param list<string> $rated the tester's rated "pilotId:componentId" pairs
	 * @return list<int>
	 */
	public static function completeComponentIds(array $pairs, array $rated): array {
		$complete = [];
		foreach ($pairs as $pair) {
			$done = in_array($pair['pilotId'] . ':' . $pair['componentId'], $rated, true);
			$complete[$pair['componentId']] = ($complete[$pair['componentId']] ?? true) && $done;
		}
		return array_keys(array_filter($complete));
	}

	/**
	 * The pilot in which the actor rates the component, and the organisation they rate it for.
	 * Without $pilotId the component must be in exactly one active pilot of the actor's
	 * organisations; with it, that pilot must be active, contain the component and have one of
	 * the actor's organisations taking part.
	 *
	 * @return array{pilotId: int, orgId: int}
	 */
	public function target(Actor $actor, int $componentId, mixed $pilotId): array {
		$component = $this->components->get($componentId);
		$containing = $this->links->leftsForRights(Link::PilotComponents, [$componentId]);
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		if ($pilotId !== null && $pilotId !== '') {
			$pilot = $this->pilots->get(Validator::id($pilotId, 'Pilot'));
			if (!in_array($pilot->getId(), $containing, true)) {
				throw new ValidationException('The component %1$s is not part of the pilot %2$s; rate it in one of the pilots that contain it.', [$component->getName(), $pilot->getTitle()]);
			}
			if ($pilot->getStatus() !== PilotStatus::Active->value) {
				throw new ValidationException('The pilot %1$s is not active, so nothing can be rated in it.', [$pilot->getTitle()]);
			}
			$orgId = $this->organisationIn($actor, $pilotsByOrg, $pilot->getId());
			if ($orgId === null) {
				throw new ForbiddenException('Your organisation does not take part in the pilot %1$s, so you cannot rate in it.', [$pilot->getTitle()]);
			}
			return ['pilotId' => $pilot->getId(), 'orgId' => $orgId];
		}
		$rateable = array_values(array_filter($this->pilotsToRate($actor), static fn (Pilot $p): bool => in_array($p->getId(), $containing, true)));
		if ($rateable === []) {
			throw new ForbiddenException('This component is not part of an active pilot of your organisation, so you cannot rate it.');
		}
		if (count($rateable) > 1) {
			throw new ValidationException('The component %1$s is part of several pilots (%2$s): send pilotId to say in which of them you rate it.', [
				$component->getName(),
				implode(', ', array_map(static fn (Pilot $p): string => $p->getTitle(), $rateable)),
			]);
		}
		return ['pilotId' => $rateable[0]->getId(), 'orgId' => (int)$this->organisationIn($actor, $pilotsByOrg, $rateable[0]->getId())];
	}

	/**
	 * The pilots whose rating the actor's organisation has released for the period: they
	 * stay read-only until its coordinator reopens the release.
	 *
	 * @param list<int> $activePilotIds
	 * @return list<int>
	 */
	public function lockedPilotIds(Actor $actor, Period $period, array $activePilotIds): array {
		$released = array_values(array_filter($actor->organisationIds(), fn (int $orgId): bool => $this->releases->find($orgId, $period->getId()) !== null));
		if ($released === []) {
			return [];
		}
		$pilotsByOrg = $this->links->rightsByLeft(Link::OrganisationPilots, $actor->organisationIds());
		$locked = array_values(array_filter($activePilotIds, fn (int $pilotId): bool => in_array($this->organisationIn($actor, $pilotsByOrg, $pilotId), $released, true)));
		sort($locked);
		return $locked;
	}

	/**
	 * The first of the actor's organisations that takes part in the pilot: the one a rating
	 * in that pilot is for.
	 *
	 * @param array<int, list<int|string>> $pilotsByOrg
	 */
	private function organisationIn(Actor $actor, array $pilotsByOrg, int $pilotId): ?int {
		foreach ($actor->organisationIds() as $orgId) {
			if (in_array($pilotId, $pilotsByOrg[$orgId] ?? [], true)) {
				return $orgId;
			}
		}
		return null;
	}
}
