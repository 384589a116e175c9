<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Model\ConsolidationScope;

/**
 * What the consolidated figures are broken down by: the components of the pilot and the
 * criteria. Every component of the pilot gets a figure, rated or not.
 */
class ConsolidationDimensions {
	public function __construct(
		private LinkMapper $links,
		private ComponentMapper $components,
		private CriterionMapper $criteria,
	) {
	}

	/**
	 * The components of the pilot and the criteria (not archived), in catalogue order.
	 *
	 * @return array{0: list<int>, 1: list<int>}
	 */
	public function of(ConsolidationScope $scope): array {
		$componentIds = $this->links->rightsByLeft(Link::PilotComponents, [$scope->pilotId])[$scope->pilotId] ?? [];
		$components = $this->components->findByIds(array_map('intval', $componentIds), false);
		return [
			array_map(static fn (Component $c): int => $c->getId(), $components),
			array_map(static fn (Criterion $c): int => $c->getId(), $this->criteria->findAll(false)),
		];
	}
}
