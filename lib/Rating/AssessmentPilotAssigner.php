<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Rating;

use OCA\PilotFeedback\Db\AssessmentPilotMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;

/**
 * Gives every assessment without a pilot (those made before 0.4.0) the pilot that
 * AssessmentPilotRule chooses, decided once per organisation, component and month and
 * written in one update per organisation, period and pilot.
 */
class AssessmentPilotAssigner {
	public function __construct(
		private AssessmentPilotMapper $mapper,
		private LinkMapper $links,
		private AssessmentPilotRule $rule,
	) {
	}

	/**
	 * @return array<string, int> rule (AssessmentPilotRule::ONLY …) => how many assessments it assigned;
	 *                            NONE counts those left without a pilot (their component is in none)
	 */
	public function assign(): array {
		$counts = [AssessmentPilotRule::ONLY => 0, AssessmentPilotRule::EARLIEST => 0, AssessmentPilotRule::OUTSIDE_DATES => 0, AssessmentPilotRule::FALLBACK => 0, AssessmentPilotRule::NONE => 0];
		$groups = $this->mapper->unassignedGroups();
		if ($groups === []) {
			return $counts;
		}
		$pilots = $this->mapper->pilots();
		$pilotsOfComponent = $this->links->leftsByRight(Link::PilotComponents, array_values(array_unique(array_map(static fn (array $g): int => $g['componentId'], $groups))));
		$pilotsOfOrganisation = $this->links->rightsByLeft(Link::OrganisationPilots);

		// organisation, period, pilot and rule => the components to assign together
		$batches = [];
		foreach ($groups as $group) {
			$componentPilots = [];
			foreach ($pilotsOfComponent[$group['componentId']] ?? [] as $pilotId) {
				if (isset($pilots[$pilotId])) {
					$componentPilots[] = $pilots[$pilotId];
				}
			}
			$organisationPilots = array_map(intval(...), $pilotsOfOrganisation[$group['orgId']] ?? []);
			[$pilotId, $rule] = $this->rule->choose($componentPilots, $organisationPilots, $group['month']);
			$key = $group['orgId'] . ':' . $group['periodId'] . ':' . $pilotId . ':' . $rule;
			$batches[$key] ??= ['orgId' => $group['orgId'], 'periodId' => $group['periodId'], 'pilotId' => $pilotId, 'rule' => $rule, 'componentIds' => []];
			$batches[$key]['componentIds'][] = $group['componentId'];
		}
		foreach ($batches as $batch) {
			if ($batch['pilotId'] === 0) {
				continue;
			}
			$counts[$batch['rule']] += $this->mapper->assign($batch['orgId'], $batch['periodId'], $batch['componentIds'], $batch['pilotId']);
		}
		$counts[AssessmentPilotRule::NONE] = $this->mapper->countUnassigned();
		return $counts;
	}
}
