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
 * every figure counts only items the viewer may see. The breakdown can be left out (the API
 * gives it only for one organisation asked for): of 50 organisations over two years it runs
 * to tens of thousands of rows.
 *
 * @psalm-import-type PilotFeedbackItemsOverview from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemCount from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemSummary from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemsOverviewService {
	/** How many open urgent items and ranked items the overview lists. */
	public const LIST_LIMIT = 50;
	/**
	 * Up to this many organisations' breakdowns (a coordinator's, one organisation asked for)
	 * are counted apart from the counts across all: two small answers instead of one row per
	 * organisation and key.
	 */
	private const FEW_ORGANISATIONS = 1;

	public function __construct(
		private Policy $policy,
		private ItemsOverviewMapper $mapper,
	) {
	}

	/**
	 * @param bool $withBreakdown whether the answer holds the breakdown (organisations) of the
	 *                            organisations the viewer may see (of the scope's one organisation when it names one)
	 * @return PilotFeedbackItemsOverview
	 */
	public function overview(Actor $actor, ConsolidationScope $scope, bool $withBreakdown = true): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		// whose breakdown the viewer may ask for, whichever one this scope asks for
		$pickable = $scope->organisationId === null ? $organisationIds : $this->policy->breakdownOrganisations($actor, $scope->organisationIds, null);
		$bounds = $scope->range->bounds();
		$start = $bounds[0];
		$end = $bounds[count($bounds) - 1];

		[$counts, $breakdown] = $this->counts($actor, $scope->pilotId, $start, $end, $withBreakdown ? $organisationIds : []);

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

		$overview = [
			'pilotId' => $scope->pilotId,
			'range' => ['from' => $scope->range->from, 'to' => $scope->range->to, 'months' => $scope->range->months()],
			'counts' => $counts,
			'organisationIds' => $pickable,
			'openUrgent' => array_map(self::summary(...), $this->mapper->openUrgent($actor, $scope->pilotId, $end, self::LIST_LIMIT)),
			'perMonth' => $months,
			'ranking' => $ranking,
			'rankingWeights' => $weights,
		];
		if ($withBreakdown) {
			$overview['organisations'] = $breakdown;
		}
		return $overview;
	}

	/**
	 * The counts filed in [start, end) across all organisations and the breakdown of the given
	 * ones, each in the order of the group keys (component, type, priority, status). For none or
	 * one organisation, the query across all (and one for its own); for more, one grouped by
	 * organisation gives both.
	 *
	 * @param list<int> $organisationIds
	 * @return array{0: list<PilotFeedbackItemCount>, 1: list<array{organisationId: int, counts: list<PilotFeedbackItemCount>}>}
	 */
	private function counts(Actor $actor, int $pilotId, int $start, int $end, array $organisationIds): array {
		$few = count($organisationIds) <= self::FEW_ORGANISATIONS;
		$rows = $organisationIds === [] ? [] : $this->sorted($this->mapper->counts($actor, $pilotId, $start, $end, $few ? $organisationIds : null, true));
		$sums = $few ? $this->sorted($this->mapper->counts($actor, $pilotId, $start, $end, null, false)) : [];
		$wanted = array_flip($organisationIds);
		$byOrg = [];
		foreach ($rows as $row) {
			$orgId = (int)$row['organisationId'];
			if (!$few) {
				$key = $row['componentId'] . '|' . $row['type'] . '|' . $row['priority'] . '|' . $row['status'];
				if (isset($sums[$key])) {
					$sums[$key]['count'] += $row['count'];
				} else {
					$sums[$key] = $row;
				}
			}
			if (isset($wanted[$orgId])) {
				$byOrg[$orgId][] = $this->count($row);
			}
		}
		$breakdown = [];
		foreach ($organisationIds as $orgId) {
			$breakdown[] = ['organisationId' => $orgId, 'counts' => $byOrg[$orgId] ?? []];
		}
		return [array_map($this->count(...), array_values($sums)), $breakdown];
	}

	/**
	 * The rows in the order of their group keys (component, type, priority, status,
	 * organisation), sorted column by column in C: tens of thousands of rows at a time.
	 *
	 * @template T of array{organisationId: ?int, componentId: int, type: string, priority: int, status: string, count: int}
	 * @param list<T> $rows
	 * @return list<T>
	 */
	private function sorted(array $rows): array {
		if ($rows === []) {
			return [];
		}
		$components = array_column($rows, 'componentId');
		$types = array_column($rows, 'type');
		$priorities = array_column($rows, 'priority');
		$statuses = array_column($rows, 'status');
		$organisations = array_map(static fn (array $row): int => (int)$row['organisationId'], $rows);
		array_multisort($components, SORT_NUMERIC, $types, SORT_STRING, $priorities, SORT_NUMERIC, $statuses, SORT_STRING, $organisations, SORT_NUMERIC, $rows);
		return $rows;
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
			'priority' => Priority::from($item->shownPriority())->key(),
			'status' => ItemStatus::from($item->getStatus())->value,
			'componentId' => $item->getComponentId(),
			'organisationId' => $item->getOrgId(),
			'createdAt' => $item->getCreatedAt(),
		];
	}
}
