<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Consolidation\ProgressService;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Model\Actor;

/**
 * A coordinator's month, for each organisation they coordinate (never another one): who of
 * its testers has rated what in the open period (ProgressService, which asks Policy), where
 * its release stands (ReleaseBoard), and its open security findings.
 *
 * @psalm-import-type PilotFeedbackMonthCoordinator from \OCA\PilotFeedback\ResponseDefinitions
 */
class CoordinatorMonth {
	public function __construct(
		private ProgressService $progress,
		private OrganisationMapper $organisations,
		private ComponentMapper $components,
		private ReleaseBoard $board,
		private MonthItems $items,
		private CatalogueNames $names,
	) {
	}

	/** @return PilotFeedbackMonthCoordinator */
	public function section(Actor $actor, ?Period $period): array {
		$earlier = $this->board->earlierPeriods($period);
		$rows = [];
		foreach ($this->organisations->findByIds($actor->coordinatorOrgIds, false) as $organisation) {
			$orgId = $organisation->getId();
			$progress = $period === null ? null : $this->progress->progress($actor, $orgId, $period->getId());
			$components = $this->components->findByIds($progress['componentIds'] ?? []);
			$rows[] = [
				...$this->board->row($organisation, $period, $earlier),
				'components' => array_map(fn (Component $c): array => ['id' => $c->getId(), 'name' => $this->names->componentName($c)], $components),
				'members' => $progress['members'] ?? [],
				'securityFindings' => $this->items->openSecurityFindings($actor, $orgId),
			];
		}
		return ['organisations' => $rows];
	}
}
