<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemsOverviewMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;

/**
 * The items overview of a pilot over a range of months: counts by type × priority × status per
 * component (across all organisations and per organisation), open critical and high items,
 * items filed and closed per month, and the ranking of requirements and improvements.
 * Who sees which breakdown follows the consolidated results (Policy::breakdownOrganisations);
 * every figure counts only items the viewer may see.
 *
 * @psalm-import-type PilotFeedbackItemsOverview from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemCount from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemSummary from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemsOverviewService {
	/** How many open urgent items and ranked items the overview lists. */
	public const LIST_LIMIT = 50;

	public function __construct(
		private Policy $policy,
		private ItemsOverviewMapper $mapper,
	) {
	}

	/** @return PilotFeedbackItemsOverview */
	public function overview(Actor $actor, ConsolidationScope $scope): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		$bounds = $scope->range->bounds();
		$start = $bounds[0];
		$end = $bounds[count($bounds) - 1];

		// One grouped query by organisation gives both the counts over all organisations and
		// the breakdown of those the viewer may see, in the order of the group keys.
		$rows = $this->mapper->counts($actor, $scope->pilotId, $start, $end, null, true);
		usort($rows, static fn (array $a, array $b): int => [$a['componentId'], $a['type'], $a['priority'], $a['status'], $a['organisationId']]
			<=> [$b['componentId'], $b['type'], $b['priority'], $b['status'], $b['organisationId']]);
		$totals = [];
		$byOrg = [];
		foreach ($rows as $row) {
			$key = $row['componentId'] . '|' . $row['type'] . '|' . $row['priority'] . '|' . $row['status'];
			if (isset($totals[$key])) {
				$totals[$key]['count'] += $row['count'];
			} else {
				$totals[$key] = $row;
			}
			$byOrg[(int)$row['organisationId']][] = $this->count($row);
		}
		$breakdown = [];
		foreach ($organisationIds as $orgId) {
			$breakdown[] = ['organisationId' => $orgId, 'counts' => $byOrg[$orgId] ?? []];
		}

		$perMonth = $this->mapper->perMonth($actor, $scope->pilotId, $bounds);
		$months = [];
		foreach ($scope->range->months() as $index => $month) {
			$months[] = ['month' => $month, 'filed' => $perMonth['filed'][$index] ?? 0, 'closed' => $perMonth['closed'][$index] ?? 0];
		}

		$ranking = array_map(static function (array $row): array {
			$row['type'] = ItemType::from($row['type'])->value;
			$row['priority'] = Priority::from($row['priority'])->key();
			return $row;
		},
			$this->mapper->ranking($actor, $scope->pilotId, $end, self::LIST_LIMIT));
		$weights = [];
		foreach (ItemsOverviewMapper::WEIGHTS as $rank => $weight) {
			$weights[Priority::from($rank)->key()] = $weight;
		}

		return [
			'pilotId' => $scope->pilotId,
			'range' => ['from' => $scope->range->from, 'to' => $scope->range->to, 'months' => $scope->range->months()],
			'counts' => array_map($this->count(...), array_values($totals)),
			'organisations' => $breakdown,
			'openUrgent' => array_map(self::summary(...), $this->mapper->openUrgent($actor, $scope->pilotId, $end, self::LIST_LIMIT)),
			'perMonth' => $months,
			'ranking' => $ranking,
			'rankingWeights' => $weights,
		];
	}

	/**
	 * Items of the scope's pilot filed in its range or whose status changed in it (each once),
	 * by component, type, priority and current status: of the scope's one organisation when it
	 * names one the viewer may see the breakdown of, else of all. The monthly report's "filed or
	 * changed" table; the overview's counts keep meaning "filed in the range".
	 *
	 * @return list<PilotFeedbackItemCount>
	 */
	public function filedOrChangedCounts(Actor $actor, ConsolidationScope $scope): array {
		$bounds = $scope->range->bounds();
		return array_map($this->count(...), $this->mapper->countsFiledOrChanged($actor, $scope->pilotId, $bounds[0], $bounds[count($bounds) - 1], $this->organisationFilter($actor, $scope)));
	}

	/**
	 * How many items are open and of critical or high priority at the end of the scope's range,
	 * per component (the openUrgent list of the overview, counted without its limit): of the
	 * scope's one organisation when it names one, else of all.
	 *
	 * @return array<int, int> componentId => count
	 */
	public function openUrgentCounts(Actor $actor, ConsolidationScope $scope): array {
		$bounds = $scope->range->bounds();
		return $this->mapper->openUrgentCounts($actor, $scope->pilotId, $bounds[count($bounds) - 1], $this->organisationFilter($actor, $scope));
	}

	/**
	 * The organisations a scope about one organisation narrows to (only when the viewer may
	 * see its breakdown: else none), or null for all.
	 *
	 * @return list<int>|null
	 */
	private function organisationFilter(Actor $actor, ConsolidationScope $scope): ?array {
		if ($scope->organisationId === null) {
			return null;
		}
		return array_values(array_intersect([$scope->organisationId], $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId)));
	}

	/**
	 * @param array{organisationId?: ?int, componentId: int, type: string, priority: int, status: string, count: int} $row
	 * @return PilotFeedbackItemCount
	 */
	private function count(array $row): array {
		return [
			'componentId' => $row['componentId'],
			'type' => ItemType::from($row['type'])->value,
			'priority' => Priority::from($row['priority'])->key(),
			'status' => ItemStatus::from($row['status'])->value,
			'count' => $row['count'],
		];
	}

	/**
	 * An item as the overview and the start page list it.
	 *
	 * @return PilotFeedbackItemSummary
	 */
	public static function summary(Item $item): array {
		return [
			'id' => $item->getId(),
			'title' => $item->getTitle(),
			'type' => ItemType::from($item->getType())->value,
			'priority' => Priority::from($item->getConsPriority() ?? $item->getPriority())->key(),
			'status' => ItemStatus::from($item->getStatus())->value,
			'componentId' => $item->getComponentId(),
			'organisationId' => $item->getOrgId(),
			'createdAt' => $item->getCreatedAt(),
		];
	}
}
