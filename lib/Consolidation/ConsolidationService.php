<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\FormerTesterMapper;
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
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Settings\SettingsService;

/**
 * The consolidated picture of a pilot over a range of months [Konsolidierung]: rating results
 * per component and criterion (across all organisations and per organisation), their trend
 * month by month, and each organisation's participation. The API, the view and the reports
 * read these figures from here, so they cannot disagree.
 *
 * Who sees what (Policy::breakdownOrganisations): consolidators everything; a coordinator the
 * figure across all organisations and the breakdown of their own organisation; testers nothing.
 *
 * @psalm-import-type RatingRow from ConsolidationMapper
 * @psalm-import-type PilotFeedbackRatingStats from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackComponentResult from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationResults from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationTrend from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackParticipation from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackConsolidationRange from \OCA\PilotFeedback\ResponseDefinitions
 */
class ConsolidationService {
	public function __construct(
		private Policy $policy,
		private ConsolidationMapper $mapper,
		private PilotMapper $pilots,
		private ComponentMapper $components,
		private CriterionMapper $criteria,
		private OrganisationMapper $organisations,
		private LinkMapper $links,
		private People $people,
		private SettingsService $settings,
		private FormerTesterMapper $formerTesters,
	) {
	}

	/**
	 * Mean, n, distribution and "not assessed" per component and criterion, and of the overall
	 * score: across all organisations, and per organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationResults
	 */
	public function results(Actor $actor, ConsolidationScope $scope): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds, $criterionIds] = $this->dimensions($scope);

		// One query per kind, grouped by organisation over all of them: the figure across all
		// organisations is the sum of their groups, so the ratings are read once (the
		// breakdown of an organisation the actor may not see is summed, never shown).
		$overallRows = $this->mapper->ratingStats($scope->pilotId, $scope->range, $scope->releasedOnly, organisationIds: null, overall: true, byOrganisation: true);
		$scoreRows = $this->mapper->ratingStats($scope->pilotId, $scope->range, $scope->releasedOnly, organisationIds: null, overall: false, byOrganisation: true);
		$all = $this->components($componentIds, $criterionIds, $this->acrossOrganisations($overallRows), $this->acrossOrganisations($scoreRows));
		$overallByOrg = $this->byOrganisation($overallRows);
		$scoresByOrg = $this->byOrganisation($scoreRows);
		$breakdown = [];
		foreach ($organisationIds as $orgId) {
			$breakdown[] = [
				'organisationId' => $orgId,
				'components' => $this->components($componentIds, $criterionIds, $overallByOrg[$orgId] ?? [], $scoresByOrg[$orgId] ?? []),
			];
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => $this->range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'components' => $all,
			'organisations' => $breakdown,
		];
	}

	/**
	 * Month by month mean and n per component, of the overall score and of each criterion;
	 * months with fewer ratings than the administrator's threshold are flagged. Across all
	 * organisations, or of one organisation the actor may see.
	 *
	 * @return PilotFeedbackConsolidationTrend
	 */
	public function trend(Actor $actor, ConsolidationScope $scope): array {
		// Without an organisation: the figure across all of them, which coordinators see too.
		$organisationIds = $scope->organisationId === null
			? null
			: $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds, $criterionIds] = $this->dimensions($scope);
		$threshold = $this->settings->lowRatingThreshold();
		$rows = [
			...$this->mapper->monthlyScores($scope->pilotId, $scope->range, $scope->releasedOnly, $organisationIds, overall: true),
			...$this->mapper->monthlyScores($scope->pilotId, $scope->range, $scope->releasedOnly, $organisationIds, overall: false),
		];
		$byKey = [];
		foreach ($rows as $row) {
			$byKey[$row['componentId'] . ':' . ($row['criterionId'] ?? 'overall')][$row['month']] = $row;
		}
		$months = $scope->range->months();
		$series = [];
		foreach ($componentIds as $componentId) {
			foreach ([null, ...$criterionIds] as $criterionId) {
				$points = [];
				foreach ($months as $month) {
					$row = $byKey[$componentId . ':' . ($criterionId ?? 'overall')][$month] ?? null;
					$n = $row['n'] ?? 0;
					$points[] = ['month' => $month, 'mean' => $this->mean($row['sum'] ?? 0, $n), 'n' => $n, 'lowN' => $n < $threshold];
				}
				$series[] = ['componentId' => $componentId, 'criterionId' => $criterionId, 'points' => $points];
			}
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => $this->range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'organisationId' => $scope->organisationId,
			'lowRatingThreshold' => $threshold,
			'series' => $series,
		];
	}

	/**
	 * Per organisation and month: testers who rated against the testers in the organisation's
	 * groups, components rated, assessments, and whether (by whom, when) the month was released.
	 *
	 * @return PilotFeedbackParticipation
	 */
	public function participation(Actor $actor, ConsolidationScope $scope): array {
		$organisationIds = $this->policy->breakdownOrganisations($actor, $scope->organisationIds, $scope->organisationId);
		[$componentIds] = $this->dimensions($scope);
		$counts = [];
		foreach ($this->mapper->participation($scope->pilotId, $scope->range, $scope->releasedOnly, $organisationIds) as $row) {
			$counts[$row['organisationId']][$row['month']] = $row;
		}
		$releases = [];
		foreach ($this->mapper->releases($scope->range, $organisationIds) as $row) {
			$releases[$row['organisationId']][$row['month']] = ['userId' => $row['userId'], 'releasedAt' => $row['releasedAt']];
		}
		// A month's testers: today's members of the organisation's groups (its coordinators
		// only if they rated, as on the coordinator's progress page), whoever rated for it that
		// month, and its testers whose accounts were deleted that month (FormerTesters): a
		// deleted tester still counts in the months they rated and the month they left, and
		// testersWithAssessment never exceeds testers.
		$members = $this->membersWithoutCoordinators($organisationIds);
		$raters = [];
		foreach ($this->mapper->raters($scope->pilotId, $scope->range, $scope->releasedOnly, $organisationIds) as $row) {
			$raters[$row['organisationId']][$row['month']][$row['userId']] = true;
		}
		$deleted = [];
		foreach ($this->formerTesters->deletedIn($organisationIds, $scope->range) as $row) {
			$deleted[$row['organisationId']][$row['lastMonth']][$row['userId']] = true;
		}
		$periods = $this->mapper->periodsIn($scope->range);
		$rows = [];
		foreach ($organisationIds as $orgId) {
			foreach ($scope->range->months() as $month) {
				$count = $counts[$orgId][$month] ?? null;
				$rows[] = [
					'organisationId' => $orgId,
					'month' => $month,
					'periodId' => $periods[$month] ?? null,
					'testers' => count(($members[$orgId] ?? []) + ($raters[$orgId][$month] ?? []) + ($deleted[$orgId][$month] ?? [])),
					'testersWithAssessment' => $count['raters'] ?? 0,
					'componentsRated' => $count['components'] ?? 0,
					'assessments' => $count['assessments'] ?? 0,
					'release' => $releases[$orgId][$month] ?? null,
				];
			}
		}
		return [
			'pilotId' => $scope->pilotId,
			'range' => $this->range($scope->range),
			'releasedOnly' => $scope->releasedOnly,
			'componentsInPilot' => count($componentIds),
			'rows' => $rows,
		];
	}

	/**
	 * Checks the request and resolves what the figures cover. Testers are refused before
	 * their input is looked at; unknown pilots, organisations and months get a 404.
	 */
	public function scope(Actor $actor, mixed $pilotId, mixed $month, mixed $quarter, mixed $from, mixed $to, mixed $releasedOnly, mixed $organisationId): ConsolidationScope {
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
		if ($this->mapper->periodsIn($range) === []) {
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
		return new ConsolidationScope($pilotId, $range, $released, $orgId, $this->pilotOrganisations($pilotId));
	}

	/**
	 * The organisations taking part in a pilot (not archived), by name.
	 *
	 * @return list<int>
	 */
	private function pilotOrganisations(int $pilotId): array {
		$ids = $this->links->leftsForRights(Link::OrganisationPilots, [$pilotId]);
		return array_map(static fn (Organisation $o): int => $o->getId(), $this->organisations->findByIds($ids, false));
	}

	/**
	 * The components of the pilot and the criteria (not archived), in catalogue order.
	 *
	 * @return array{0: list<int>, 1: list<int>}
	 */
	private function dimensions(ConsolidationScope $scope): array {
		$componentIds = $this->links->rightsByLeft(Link::PilotComponents, [$scope->pilotId])[$scope->pilotId] ?? [];
		$components = $this->components->findByIds(array_map('intval', $componentIds), false);
		return [
			array_map(static fn (Component $c): int => $c->getId(), $components),
			array_map(static fn (Criterion $c): int => $c->getId(), $this->criteria->findAll(false)),
		];
	}

	/**
	 * One result per component (every component of the pilot, rated or not); a criterion
	 * rated but since archived is listed after the active ones.
	 *
	 * @param list<int> $componentIds
	 * @param list<int> $criterionIds
	 * @param list<RatingRow> $overallRows
	 * @param list<RatingRow> $scoreRows
	 * @return list<PilotFeedbackComponentResult>
	 */
	private function components(array $componentIds, array $criterionIds, array $overallRows, array $scoreRows): array {
		$overall = [];
		foreach ($overallRows as $row) {
			$overall[$row['componentId']] = $row;
		}
		$scores = [];
		foreach ($scoreRows as $row) {
			$scores[$row['componentId']][(int)$row['criterionId']] = $row;
		}
		$results = [];
		foreach ($componentIds as $componentId) {
			$criteria = [];
			$rated = $scores[$componentId] ?? [];
			foreach (array_values(array_unique([...$criterionIds, ...array_keys($rated)])) as $criterionId) {
				$criteria[] = ['criterionId' => $criterionId, ...$this->stats($rated[$criterionId] ?? null)];
			}
			$results[] = [
				'componentId' => $componentId,
				'assessments' => $overall[$componentId]['total'] ?? 0,
				'overall' => $this->stats($overall[$componentId] ?? null),
				'criteria' => $criteria,
			];
		}
		return $results;
	}

	/**
	 * @param RatingRow|null $row
	 * @return PilotFeedbackRatingStats
	 */
	private function stats(?array $row): array {
		$n = $row['n'] ?? 0;
		return [
			'mean' => $this->mean($row['sum'] ?? 0, $n),
			'n' => $n,
			'sum' => $row['sum'] ?? 0,
			'distribution' => $row['distribution'] ?? [0, 0, 0, 0, 0],
			'notAssessed' => $row['notAssessed'] ?? 0,
		];
	}

	/** The mean of n scores summing to $sum, to two decimals; null without scores. */
	private function mean(int $sum, int $n): ?float {
		return $n === 0 ? null : round($sum / $n, 2);
	}

	/**
	 * The rows per organisation summed into one per component and criterion: every figure
	 * (counts, sums, distribution) adds up.
	 *
	 * @param list<RatingRow> $rows
	 * @return list<RatingRow>
	 */
	private function acrossOrganisations(array $rows): array {
		$summed = [];
		foreach ($rows as $row) {
			$key = $row['componentId'] . ':' . ($row['criterionId'] ?? '');
			if (!isset($summed[$key])) {
				$summed[$key] = ['organisationId' => null] + $row;
				continue;
			}
			$into = $summed[$key];
			$into['total'] += $row['total'];
			$into['n'] += $row['n'];
			$into['sum'] += $row['sum'];
			$into['notAssessed'] += $row['notAssessed'];
			$into['distribution'] = array_map(static fn (int $a, int $b): int => $a + $b, $into['distribution'], $row['distribution']);
			$summed[$key] = $into;
		}
		return array_values($summed);
	}

	/**
	 * @param list<RatingRow> $rows
	 * @return array<int, list<RatingRow>> organisation id => its rows
	 */
	private function byOrganisation(array $rows): array {
		$grouped = [];
		foreach ($rows as $row) {
			$grouped[(int)$row['organisationId']][] = $row;
		}
		return $grouped;
	}

	/**
	 * The users in each organisation's groups today, without its coordinators.
	 *
	 * @param list<int> $organisationIds
	 * @return array<int, array<array-key, true>> organisation id => user id => true
	 */
	private function membersWithoutCoordinators(array $organisationIds): array {
		$members = [];
		foreach ($organisationIds as $orgId) {
			$members[$orgId] = array_fill_keys(array_diff($this->people->members($orgId), $this->people->coordinators($orgId)), true);
		}
		return $members;
	}

	/** @return PilotFeedbackConsolidationRange */
	private function range(MonthRange $range): array {
		return ['from' => $range->from, 'to' => $range->to, 'months' => $range->months()];
	}
}
