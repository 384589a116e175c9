<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;

/**
 * Turns a request for consolidated figures (pilot, months, filters) into the scope they
 * cover, or refuses it: testers with a 403, bad input with a 400, unknown pilots,
 * organisations and months with a 404.
 */
class ConsolidationScopeResolver {
	public function __construct(
		private Policy $policy,
		private ConsolidationMapper $mapper,
		private PilotMapper $pilots,
		private OrganisationMapper $organisations,
		private LinkMapper $links,
	) {
	}

	/**
	 * Checks the request and resolves what the figures cover. Testers are refused before
	 * their input is looked at; unknown pilots, organisations and months get a 404.
	 */
	public function resolve(Actor $actor, mixed $pilotId, mixed $month, mixed $quarter, mixed $from, mixed $to, mixed $releasedOnly, mixed $organisationId): ConsolidationScope {
		$this->policy->require($this->policy->canViewConsolidation($actor), 'Only consolidators and the coordinators of an organisation see consolidated results.');
		if ($pilotId === null || $pilotId === '') {
			throw new ValidationException('Choose a pilot: send pilotId.');
		}
		$pilotId = Validator::id($pilotId, 'Pilot');
		try {
			$this->pilots->get($pilotId);
		} catch (NotFoundException) {
			throw new NotFoundException('No pilot with id %1$s exists.', [(string)$pilotId]);
		}
		$range = MonthRange::fromRequest($month, $quarter, $from, $to);
		$periods = $this->mapper->periodsIn($range);
		if ($periods === []) {
			throw new NotFoundException('There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', [$range->from, $range->to]);
		}
		$released = Validator::flag($releasedOnly, 'Released only');
		$orgId = Validator::optionalId($organisationId, 'Organisation');
		if ($orgId !== null) {
			try {
				$this->organisations->get($orgId);
			} catch (NotFoundException) {
				throw new NotFoundException('No organisation with id %1$s exists.', [(string)$orgId]);
			}
		}
		// Read once per request: every query of the figures is restricted to these.
		$takingPart = $this->links->leftsForRights(Link::OrganisationPilots, [$pilotId]);
		sort($takingPart);
		$releasedPeriods = $released ? $this->mapper->releasedPeriods(array_values($periods)) : [];
		return new ConsolidationScope($pilotId, $range, $released, $orgId, $this->listed($takingPart), $takingPart, $periods, $releasedPeriods);
	}

	/**
	 * Of the organisations taking part in a pilot, those not archived, by name.
	 *
	 * @param list<int> $takingPart
	 * @return list<int>
	 */
	private function listed(array $takingPart): array {
		return array_map(static fn (Organisation $o): int => $o->getId(), $this->organisations->findByIds($takingPart, false));
	}
}
