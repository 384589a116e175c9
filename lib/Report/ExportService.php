<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\ExportMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\L10N\IFactory;

/**
 * The data export [Datenexport]: a workbook whose sheets are generators, so that the writers
 * stream it row by row. First sheet (the one a CSV holds): the ratings, one row per assessment
 * and criterion, the assessment's comment on each of its rows (like its overall score, so that
 * a row filtered or sorted on its own still carries it). Then the comments, the qualitative
 * half of the feedback: one row per assessment that has one. Then the items with every field,
 * and the aggregated tables (results, participation, item counts) as ConsolidationService and
 * ItemsOverviewService compute them; last, what the export covers (title, period, pilot,
 * organisation, pseudonymised or not). An export covers a month, a quarter or a range of months;
 * its rows are read with one cursor per sheet whatever the range.
 *
 * Pseudonymised unless a consolidator asked for names: a tester appears as a pseudonym (T1,
 * T2 … in order of first appearance in the ratings, the same in every sheet), never by user id
 * or display name. Free text (rating comments, item texts) is exported as written: what a tester
 * wrote about themselves stays in it. Cells that a spreadsheet would run as a formula are
 * neutralised by the writers (CsvWriter; ODS and XLSX write text cells as text). Coordinators
 * get their own organisation's rows only.
 */
class ExportService {
	public function __construct(
		private ExportMapper $mapper,
		private ConsolidationService $consolidation,
		private ItemsOverviewService $itemsOverview,
		private PilotMapper $pilots,
		private ReportLabels $labels,
		private IUserManager $userManager,
		private IFactory $l10nFactory,
		private Policy $policy,
	) {
	}

	/**
	 * @param list<int>|null $organisationIds the organisations whose rows the export holds (null: all)
	 * @param string $title the export's title (its file name, DocumentMaker::title), for the file's metadata and the last sheet
	 */
	public function workbook(Actor $actor, ReportRequest $request, ?array $organisationIds, string $title = ''): Workbook {
		$this->policy->require(!$request->withNames || $actor->isConsolidator, 'Only consolidators may export tester names.');
		$l = $this->l10nFactory->get(Application::APP_ID, $request->language);
		$this->labels->useLanguage($request->language);
		$pilots = $request->pilotId !== null ? [$this->pilots->get($request->pilotId)] : $this->pilots->findAll(false);
		$pilotIds = array_map(static fn (Pilot $p): int => $p->getId(), $pilots);
		$scopes = [];
		foreach ($pilotIds as $pilotId) {
			try {
				$scopes[] = $this->consolidation->scope($actor, $pilotId, null, null, $request->range()->from, $request->range()->to, false, $request->organisationId);
			} catch (NotFoundException) {
				// no reporting period in the range: the aggregated sheets stay empty
			}
		}
		/** @var \ArrayObject<string, string> $pseudonyms the testers' pseudonyms, the same in every sheet */
		$pseudonyms = new \ArrayObject();
		return new Workbook([
			$this->ratingsSheet($l, $request, $pilotIds, $organisationIds, $pseudonyms),
			$this->commentsSheet($l, $request, $pilotIds, $organisationIds, $pseudonyms),
			$this->itemsSheet($l, $actor, $request, $pilotIds, $organisationIds),
			$this->resultsSheet($l, $actor, $request, $scopes),
			$this->participationSheet($l, $actor, $scopes),
			$this->itemCountsSheet($l, $actor, $scopes),
			$this->aboutSheet($l, $request, $title),
		], $title, $request->language);
	}

	/**
	 * What the export covers, in the request's language, one row per fact: its title, the period
	 * (a month, a quarter, or a range of months with its first and last month and its length),
	 * the pilot, the organisation and whether testers are named. Last, so that the CSV (the first
	 * sheet) stays the ratings alone.
	 */
	private function aboutSheet(IL10N $l, ReportRequest $request, string $title): Sheet {
		$range = $request->range();
		$rows = [
			[$l->t('Title'), $title],
			[$l->t('Period'), $request->periodLabel($l)],
			[$l->t('First month'), $range->from],
			[$l->t('Last month'), $range->to],
			[$l->t('Months'), $range->length()],
			[$l->t('Pilot'), $request->pilotId !== null ? $this->labels->pilot($request->pilotId) : $l->t('All pilots')],
			[$l->t('Organisation'), $request->organisationId !== null ? $this->labels->organisation($request->organisationId) : $l->t('All organisations')],
			[$l->t('Testers'), $request->withNames ? $l->t('named') : $l->t('pseudonymised')],
		];
		return new Sheet($l->t('About this export'), [$l->t('Field'), $l->t('Value')], $title === '' ? array_slice($rows, 1) : $rows);
	}

	/**
	 * @param list<int> $pilotIds
	 * @param list<int>|null $organisationIds
	 * @param \ArrayObject<string, string> $pseudonyms user id => pseudonym, shared by the sheets
	 */
	private function ratingsSheet(IL10N $l, ReportRequest $request, array $pilotIds, ?array $organisationIds, \ArrayObject $pseudonyms): Sheet {
		$header = [$l->t('Pilot'), $l->t('Month'), $l->t('Organisation'), $l->t('Tester'), $l->t('Assessment'), $l->t('Component'), $l->t('Criterion'), $l->t('Score'), $l->t('Overall score'), $l->t('Comment')];
		if ($request->withNames) {
			array_push($header, $l->t('User ID'), $l->t('Display name'));
		}
		$rows = function () use ($request, $pilotIds, $organisationIds, $pseudonyms): \Generator {
			foreach ($this->mapper->ratings($pilotIds, $request->range(), $organisationIds) as $row) {
				$out = [
					$this->labels->pilot($row['pilot_id']),
					$row['month'],
					$this->labels->organisation($row['org_id']),
					self::pseudonym($pseudonyms, $row['user_id']),
					$row['assessment_id'],
					$this->labels->component($row['component_id']),
					$this->labels->criterion($row['criterion_id']),
					$row['score'],
					$row['overall'],
					self::comment($row['comment']),
				];
				if ($request->withNames) {
					array_push($out, ...$this->names($row['user_id']));
				}
				yield $out;
			}
		};
		// a year of a million ratings fills more than one sheet of a spreadsheet (SheetParts)
		return new Sheet($l->t('Ratings'), $header, $rows(), static fn (int $part): string => $l->t('Ratings (%1$s)', [(string)$part]));
	}

	/**
	 * One row per assessment with a comment: who (pseudonymised), which component, the overall
	 * score and the comment as written. Reads the ratings again (rows of one assessment come
	 * together), so that it holds one row in memory at a time like the other sheets.
	 *
	 * @param list<int> $pilotIds
	 * @param list<int>|null $organisationIds
	 * @param \ArrayObject<string, string> $pseudonyms user id => pseudonym, shared by the sheets
	 */
	private function commentsSheet(IL10N $l, ReportRequest $request, array $pilotIds, ?array $organisationIds, \ArrayObject $pseudonyms): Sheet {
		$header = [$l->t('Pilot'), $l->t('Month'), $l->t('Organisation'), $l->t('Tester'), $l->t('Assessment'), $l->t('Component'), $l->t('Overall score'), $l->t('Comment')];
		if ($request->withNames) {
			array_push($header, $l->t('User ID'), $l->t('Display name'));
		}
		$rows = function () use ($request, $pilotIds, $organisationIds, $pseudonyms): \Generator {
			$last = null;
			foreach ($this->mapper->ratings($pilotIds, $request->range(), $organisationIds) as $row) {
				// every tester counts, commented or not, so that the pseudonyms are those of the ratings
				$pseudonym = self::pseudonym($pseudonyms, $row['user_id']);
				$comment = self::comment($row['comment']);
				if ($row['assessment_id'] === $last || $comment === null) {
					continue;
				}
				$last = $row['assessment_id'];
				$out = [
					$this->labels->pilot($row['pilot_id']),
					$row['month'],
					$this->labels->organisation($row['org_id']),
					$pseudonym,
					$row['assessment_id'],
					$this->labels->component($row['component_id']),
					$row['overall'],
					$comment,
				];
				if ($request->withNames) {
					array_push($out, ...$this->names($row['user_id']));
				}
				yield $out;
			}
		};
		return new Sheet($l->t('Comments'), $header, $rows(), static fn (int $part): string => $l->t('Comments (%1$s)', [(string)$part]));
	}

	/**
	 * The tester's pseudonym: T1, T2 … in order of first appearance.
	 *
	 * @param \ArrayObject<string, string> $pseudonyms
	 */
	private static function pseudonym(\ArrayObject $pseudonyms, string $userId): string {
		if (!isset($pseudonyms[$userId])) {
			$pseudonyms[$userId] = 'T' . (count($pseudonyms) + 1);
		}
		return $pseudonyms[$userId];
	}

	/** A comment as written; null for none (or only blanks). */
	private static function comment(?string $comment): ?string {
		return $comment === null || trim($comment) === '' ? null : $comment;
	}

	/** @return array{string, string} the user id and display name, for an export with names */
	private function names(string $userId): array {
		return [$userId, $this->userManager->getDisplayName($userId) ?? $userId];
	}

	/**
	 * @param list<int> $pilotIds
	 * @param list<int>|null $organisationIds
	 */
	private function itemsSheet(IL10N $l, Actor $actor, ReportRequest $request, array $pilotIds, ?array $organisationIds): Sheet {
		$header = [$l->t('ID'), $l->t('Type'), $l->t('Title'), $l->t('Text'), $l->t('Pilot'), $l->t('Component'), $l->t('Organisation'), $l->t('Priority'), $l->t('Consolidated priority'), $l->t('Status'), $l->t('Confidential'), $l->t('Duplicate of'), $l->t('Vendor reference'), $l->t('Supporters'), $l->t('Filed'), $l->t('Updated')];
		if ($request->withNames) {
			array_push($header, $l->t('Reporter ID'), $l->t('Reporter'));
		}
		$bounds = $request->range()->bounds();
		$rows = function () use ($l, $actor, $request, $pilotIds, $organisationIds, $bounds): \Generator {
			foreach ($this->mapper->items($actor, $pilotIds, $bounds[0], $bounds[count($bounds) - 1], $organisationIds) as $row) {
				$consPriority = $row['cons_priority'] === null ? null : Priority::from((int)$row['cons_priority'])->key();
				$out = [
					(int)$row['id'],
					$this->labels->type($l, (string)$row['type']),
					(string)$row['title'],
					$row['body'] === null ? '' : (string)$row['body'],
					$this->labels->pilot((int)$row['pilot_id']),
					$this->labels->component((int)$row['component_id']),
					$this->labels->organisation((int)$row['org_id']),
					$this->labels->priority($l, Priority::from((int)$row['priority'])->key()),
					$consPriority === null ? '' : $this->labels->priority($l, $consPriority),
					$this->labels->status($l, (string)$row['status']),
					(bool)$row['confidential'] ? $l->t('yes') : $l->t('no'),
					$row['duplicate_of'] === null ? null : (int)$row['duplicate_of'],
					$row['vendor_ref'] === null ? '' : (string)$row['vendor_ref'],
					(int)$row['support_count'],
					gmdate('Y-m-d H:i:s', (int)$row['created_at']),
					gmdate('Y-m-d H:i:s', (int)$row['updated_at']),
				];
				if ($request->withNames) {
					$reporter = (string)$row['reporter_id'];
					array_push($out, $reporter, $this->userManager->getDisplayName($reporter) ?? $reporter);
				}
				yield $out;
			}
		};
		return new Sheet($l->t('Items'), $header, $rows(), static fn (int $part): string => $l->t('Items (%1$s)', [(string)$part]));
	}

	/** @param list<ConsolidationScope> $scopes */
	private function resultsSheet(IL10N $l, Actor $actor, ReportRequest $request, array $scopes): Sheet {
		$rows = function () use ($l, $actor, $request, $scopes): \Generator {
			foreach ($scopes as $scope) {
				$results = $this->consolidation->results($actor, $scope);
				$groups = $request->organisationId === null ? [[$l->t('All organisations'), $results['components']]] : [];
				foreach ($results['organisations'] as $org) {
					$groups[] = [$this->labels->organisation($org['organisationId']), $org['components']];
				}
				foreach ($groups as [$orgName, $components]) {
					foreach ($components as $component) {
						$stats = [[$l->t('Overall score'), $component['overall']]];
						foreach ($component['criteria'] as $criterion) {
							$stats[] = [$this->labels->criterion($criterion['criterionId']), $criterion];
						}
						foreach ($stats as [$name, $s]) {
							yield [$this->labels->pilot($scope->pilotId), $orgName, $this->labels->component($component['componentId']), $name, $s['mean'], $s['n'], $s['sum'], $s['notAssessed'], ...$s['distribution']];
						}
					}
				}
			}
		};
		return new Sheet($l->t('Results'), [$l->t('Pilot'), $l->t('Organisation'), $l->t('Component'), $l->t('Criterion'), $l->t('Mean'), $l->t('n'), $l->t('Sum'), $l->t('Not assessed'), '1', '2', '3', '4', '5'], $rows());
	}

	/** @param list<ConsolidationScope> $scopes */
	private function participationSheet(IL10N $l, Actor $actor, array $scopes): Sheet {
		$rows = function () use ($l, $actor, $scopes): \Generator {
			foreach ($scopes as $scope) {
				$participation = $this->consolidation->participation($actor, $scope);
				foreach ($participation['rows'] as $row) {
					yield [
						$this->labels->pilot($scope->pilotId),
						$this->labels->organisation($row['organisationId']),
						$row['month'],
						$row['testers'],
						$row['testersWithAssessment'],
						$row['componentsRated'],
						$participation['componentsInPilot'],
						$row['assessments'],
						$row['release'] === null ? $l->t('no') : gmdate('Y-m-d', $row['release']['releasedAt']),
					];
				}
			}
		};
		return new Sheet($l->t('Participation'), [$l->t('Pilot'), $l->t('Organisation'), $l->t('Month'), $l->t('Testers'), $l->t('Testers who rated'), $l->t('Components rated'), $l->t('Components in the pilot'), $l->t('Assessments'), $l->t('Released')], $rows());
	}

	/** @param list<ConsolidationScope> $scopes */
	private function itemCountsSheet(IL10N $l, Actor $actor, array $scopes): Sheet {
		$rows = function () use ($l, $actor, $scopes): \Generator {
			foreach ($scopes as $scope) {
				$overview = $this->itemsOverview->overview($actor, $scope);
				$groups = $scope->organisationId === null ? [[$l->t('All organisations'), $overview['counts']]] : [];
				foreach ($overview['organisations'] ?? [] as $org) {
					$groups[] = [$this->labels->organisation($org['organisationId']), $org['counts']];
				}
				foreach ($groups as [$orgName, $counts]) {
					foreach ($counts as $count) {
						yield [
							$this->labels->pilot($scope->pilotId),
							$orgName,
							$this->labels->component($count['componentId']),
							$this->labels->type($l, $count['type']),
							$this->labels->priority($l, $count['priority']),
							$this->labels->status($l, $count['status']),
							$count['count'],
						];
					}
				}
			}
		};
		return new Sheet($l->t('Item counts'), [$l->t('Pilot'), $l->t('Organisation'), $l->t('Component'), $l->t('Type'), $l->t('Priority'), $l->t('Status'), $l->t('Count')], $rows());
	}
}
