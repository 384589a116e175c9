<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\UserMigration;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Item\CommentService;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Rating\AssessmentPilotAssigner;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCA\PilotFeedback\Rating\RatingContribution;
use OCP\Comments\ICommentsManager;
use OCP\Files\IRootFolder;

/**
 * Restores the records of UserRecordsExporter for a user (the same account, or another on
 * this or another server), in one transaction:
 *
 * - catalogue entries are found by id when the entry of that id has the exported name, else
 *   by name; a record whose pilot, component, criterion, organisation or period does not
 *   exist here is left out (and counted as skipped);
 * - the user's items get new ids (and their title words for the search); supports and
 *   comments follow them; a support or comment on someone else's item is restored when that
 *   item is here (same id, same fingerprint), i.e. on the same server;
 * - an assessment keeps its pilot; one from an export made before assessments named their
 *   pilot (0.3) gets the pilot AssessmentPilotAssigner chooses, as the upgrade did here;
 * - a record that exists already (an import run twice) is not doubled;
 * - report records keep their path; their file id is looked up in the user's Files;
 *   reports that were still queued or running are left out (nothing would make them).
 *
 * @psalm-type Counts = array{items: int, assessments: int, scores: int, supports: int, comments: int, reports: int, skipped: int}
 */
class UserRecordsImporter {
	private const KEEP_REPORT_STATUSES = [Report::STATUS_DONE, Report::STATUS_FAILED];

	public function __construct(
		private UserRecordsMapper $mapper,
		private ItemWordMapper $words,
		private ICommentsManager $comments,
		private IRootFolder $rootFolder,
		private TransactionRunner $transactions,
		private AssessmentPilotAssigner $pilotAssigner,
		private MonthlyTotals $totals,
		private RankingWeights $weights,
		private ItemMonthTotals $itemTotals,
	) {
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return Counts
	 */
	public function import(string $userId, array $document): array {
		return $this->transactions->run(fn (): array => $this->importAll($userId, $document));
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return Counts
	 */
	private function importAll(string $userId, array $document): array {
		$counts = ['items' => 0, 'assessments' => 0, 'scores' => 0, 'supports' => 0, 'comments' => 0, 'reports' => 0, 'skipped' => 0];
		$catalogue = $this->catalogue($document);
		$items = $this->items($userId, $document, $catalogue, $counts);
		$this->assessments($userId, $document, $catalogue, $counts);
		$this->supports($userId, $document, $catalogue, $items, $counts);
		$this->commentsOf($userId, $document, $items, $counts);
		$this->reports($userId, $document, $catalogue, $counts);
		return $counts;
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return array<string, array<int, int|null>> per kind, the id here of each exported id (null: not here)
	 */
	private function catalogue(array $document): array {
		$exported = Fields::section($document, 'catalogue');
		$resolved = [];
		foreach (array_keys(UserRecordsMapper::CATALOGUE) as $kind) {
			$names = Fields::map($exported, $kind);
			$resolved[$kind] = [];
			if ($names === []) {
				continue;
			}
			$here = $this->mapper->keysOf($kind, array_keys($names));
			$byName = $this->mapper->idsByKey($kind, array_values($names));
			foreach ($names as $id => $name) {
				$resolved[$kind][$id] = ($here[$id] ?? null) === $name ? $id : ($byName[$name] ?? null);
			}
		}
		return $resolved;
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @param array<string, array<int, int|null>> $catalogue
	 * @param Counts $counts
	 * @return array{own: array<int, int>, other: array<int, int>} the id here of exported item ids: the user's own items, others' items found here
	 */
	private function items(string $userId, array $document, array $catalogue, array &$counts): array {
		$own = [];
		$duplicates = [];
		$itemsBefore = $counts['items'];
		$historyAdded = false;
		foreach (Fields::rows($document, 'items') as $row) {
			$pilotId = $catalogue['pilots'][Fields::int($row, 'pilotId')] ?? null;
			$componentId = $catalogue['components'][Fields::int($row, 'componentId')] ?? null;
			$orgId = $catalogue['organisations'][Fields::int($row, 'organisationId')] ?? null;
			if ($pilotId === null || $componentId === null || $orgId === null) {
				$counts['skipped']++;
				continue;
			}
			$title = Fields::string($row, 'title');
			$createdAt = Fields::int($row, 'createdAt');
			$id = $this->mapper->findId('pf_items', ['reporter_id' => $userId, 'title' => $title, 'created_at' => $createdAt]);
			if ($id === null) {
				$id = $this->mapper->insert('pf_items', [
					'type' => Fields::string($row, 'type'),
					'title' => $title,
					'body' => Fields::stringOrNull($row, 'body'),
					'component_id' => $componentId,
					'pilot_id' => $pilotId,
					'priority' => Fields::int($row, 'priority'),
					'cons_priority' => Fields::intOrNull($row, 'consolidatedPriority'),
					'status' => Fields::string($row, 'status'),
					'reporter_id' => $userId,
					'org_id' => $orgId,
					'confidential' => Fields::bool($row, 'confidential'),
					'duplicate_of' => null,
					'vendor_ref' => Fields::stringOrNull($row, 'vendorReference'),
					'vendor_url' => Fields::stringOrNull($row, 'vendorUrl'),
					'version' => 1,
					'support_count' => 0,
					'created_at' => $createdAt,
					'updated_at' => Fields::int($row, 'updatedAt', $createdAt),
				]);
				$this->words->insert($id, $title);
				$duplicateOf = Fields::intOrNull($row, 'duplicateOf');
				if ($duplicateOf !== null) {
					$duplicates[$id] = $duplicateOf;
				}
				$counts['items']++;
			}
			$own[Fields::int($row, 'id')] = $id;
		}
		$items = ['own' => $own, 'other' => $this->otherItems($document)];
		foreach ($duplicates as $id => $target) {
			$here = $this->item($items, $target);
			if ($here !== null) {
				$this->mapper->update('pf_items', $id, ['duplicate_of' => $here]);
			}
		}
		foreach (Fields::rows($document, 'history') as $row) {
			$itemId = $own[Fields::int($row, 'itemId')] ?? null;
			if ($itemId === null) {
				continue;
			}
			$entry = ['item_id' => $itemId, 'user_id' => $userId, 'field' => Fields::string($row, 'field'), 'created_at' => Fields::int($row, 'createdAt')];
			if ($this->mapper->findId('pf_history', $entry) === null) {
				$this->mapper->insert('pf_history', $entry + ['old_value' => Fields::stringOrNull($row, 'oldValue'), 'new_value' => Fields::stringOrNull($row, 'newValue')]);
				$historyAdded = true;
			}
		}
		if ($counts['items'] > $itemsBefore || $historyAdded) {
			// items and their history went in directly, with the times of the export: count again
			$this->itemTotals->rebuild();
		}
		return $items;
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return array<int, int> others' items of the export that are here: the same id with the same fingerprint
	 */
	private function otherItems(array $document): array {
		$exported = Fields::map($document, 'otherItems');
		if ($exported === []) {
			return [];
		}
		$here = $this->mapper->fingerprints(array_keys($exported));
		$found = [];
		foreach ($exported as $id => $fingerprint) {
			if (($here[$id] ?? null) === $fingerprint) {
				$found[$id] = $id;
			}
		}
		return $found;
	}

	/** @param array{own: array<int, int>, other: array<int, int>} $items */
	private function item(array $items, ?int $exportedId): ?int {
		return $exportedId === null ? null : ($items['own'][$exportedId] ?? $items['other'][$exportedId] ?? null);
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @param array<string, array<int, int|null>> $catalogue
	 * @param Counts $counts
	 */
	private function assessments(string $userId, array $document, array $catalogue, array &$counts): void {
		// the periods of assessments without their pilot: their totals are recomputed once assigned
		$withoutPilot = [];
		foreach (Fields::rows($document, 'assessments') as $row) {
			$orgId = $catalogue['organisations'][Fields::int($row, 'organisationId')] ?? null;
			$componentId = $catalogue['components'][Fields::int($row, 'componentId')] ?? null;
			$periodId = $catalogue['periods'][Fields::int($row, 'periodId')] ?? null;
			// 0: exported before assessments named their pilot; assigned below
			$exportedPilot = Fields::intOrNull($row, 'pilotId');
			$pilotId = $exportedPilot === null ? 0 : ($catalogue['pilots'][$exportedPilot] ?? null);
			if ($orgId === null || $componentId === null || $periodId === null || $pilotId === null) {
				$counts['skipped']++;
				continue;
			}
			// Without its pilot, a rating here of the component in any pilot counts as the same.
			$key = ['user_id' => $userId, 'component_id' => $componentId, 'period_id' => $periodId] + ($pilotId === 0 ? [] : ['pilot_id' => $pilotId]);
			if ($this->mapper->findId('pf_assessments', $key) !== null) {
				// Rated here already: the rating made here stays.
				continue;
			}
			$createdAt = Fields::int($row, 'createdAt');
			$overall = Fields::intOrNull($row, 'overall');
			$rated = Fields::int($row, 'rated');
			$id = $this->mapper->insert('pf_assessments', [
				'user_id' => $userId,
				'org_id' => $orgId,
				'pilot_id' => $pilotId,
				'component_id' => $componentId,
				'period_id' => $periodId,
				'overall' => Fields::intOrNull($row, 'overall'),
				'comment' => Fields::stringOrNull($row, 'comment'),
				'rated' => Fields::int($row, 'rated'),
				'version' => 1,
				'created_at' => $createdAt,
				'updated_at' => Fields::int($row, 'updatedAt', $createdAt),
			]);
			$counts['assessments']++;
			$scores = [];
			foreach (Fields::rows($row, 'scores') as $score) {
				$criterionId = $catalogue['criteria'][Fields::int($score, 'criterionId')] ?? null;
				if ($criterionId === null) {
					$counts['skipped']++;
					continue;
				}
				$scores[$criterionId] = Fields::intOrNull($score, 'score');
				$this->mapper->insert('pf_scores', ['assessment_id' => $id, 'criterion_id' => $criterionId, 'score' => $scores[$criterionId]]);
				$counts['scores']++;
			}
			if ($pilotId === 0) {
				$withoutPilot[$periodId] = $periodId;
			} else {
				$this->totals->record($userId, $pilotId, $componentId, $periodId, null, new RatingContribution($orgId, $rated === 1, $overall, $scores));
			}
		}
		if ($withoutPilot !== []) {
			$this->pilotAssigner->assign();
			$this->totals->rebuild(array_values($withoutPilot));
		}
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @param array<string, array<int, int|null>> $catalogue
	 * @param array{own: array<int, int>, other: array<int, int>} $items
	 * @param Counts $counts
	 */
	private function supports(string $userId, array $document, array $catalogue, array $items, array &$counts): void {
		$touched = array_fill_keys(array_values($items['own']), true);
		foreach (Fields::rows($document, 'supports') as $row) {
			$itemId = $this->item($items, Fields::intOrNull($row, 'itemId'));
			$orgId = $catalogue['organisations'][Fields::int($row, 'organisationId')] ?? null;
			if ($itemId === null || $orgId === null) {
				$counts['skipped']++;
				continue;
			}
			if ($this->mapper->findId('pf_supporters', ['item_id' => $itemId, 'user_id' => $userId]) !== null) {
				continue;
			}
			$this->mapper->insert('pf_supporters', [
				'item_id' => $itemId,
				'user_id' => $userId,
				'org_id' => $orgId,
				'merged_from' => $this->item($items, Fields::intOrNull($row, 'mergedFrom')),
				'created_at' => Fields::int($row, 'createdAt'),
			]);
			$touched[$itemId] = true;
			$counts['supports']++;
		}
		foreach (array_keys($touched) as $itemId) {
			// recounts the supporters as well
			$this->weights->refresh($this->weights->around($itemId));
		}
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @param array{own: array<int, int>, other: array<int, int>} $items
	 * @param Counts $counts
	 */
	private function commentsOf(string $userId, array $document, array $items, array &$counts): void {
		foreach (Fields::rows($document, 'comments') as $row) {
			$itemId = $this->item($items, Fields::intOrNull($row, 'itemId'));
			$message = Fields::string($row, 'message');
			if ($itemId === null || $message === '') {
				$counts['skipped']++;
				continue;
			}
			$createdAt = Fields::int($row, 'createdAt');
			foreach ($this->comments->getForObject(CommentService::OBJECT_TYPE, (string)$itemId) as $existing) {
				if ($existing->getActorType() === 'users' && $existing->getActorId() === $userId && $existing->getMessage() === $message && $existing->getCreationDateTime()->getTimestamp() === $createdAt) {
					continue 2;
				}
			}
			$comment = $this->comments->create('users', $userId, CommentService::OBJECT_TYPE, (string)$itemId);
			$comment->setMessage($message);
			$comment->setVerb('comment');
			$comment->setCreationDateTime(new \DateTime('@' . $createdAt));
			$this->comments->save($comment);
			$counts['comments']++;
		}
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @param array<string, array<int, int|null>> $catalogue
	 * @param Counts $counts
	 */
	private function reports(string $userId, array $document, array $catalogue, array &$counts): void {
		foreach (Fields::rows($document, 'reports') as $row) {
			$status = Fields::string($row, 'status');
			if (!in_array($status, self::KEEP_REPORT_STATUSES, true)) {
				continue;
			}
			$exportedPilot = Fields::intOrNull($row, 'pilotId');
			$exportedOrg = Fields::intOrNull($row, 'organisationId');
			$pilotId = $exportedPilot === null ? null : ($catalogue['pilots'][$exportedPilot] ?? null);
			$orgId = $exportedOrg === null ? null : ($catalogue['organisations'][$exportedOrg] ?? null);
			if (($exportedPilot !== null && $pilotId === null) || ($exportedOrg !== null && $orgId === null)) {
				$counts['skipped']++;
				continue;
			}
			$type = Fields::string($row, 'type');
			$period = Fields::string($row, 'period');
			$createdAt = Fields::int($row, 'createdAt');
			if ($this->mapper->findId('pf_reports', ['requested_by' => $userId, 'type' => $type, 'period' => $period, 'created_at' => $createdAt]) !== null) {
				continue;
			}
			$folder = Fields::string($row, 'folder');
			$fileName = Fields::stringOrNull($row, 'fileName');
			$this->mapper->insert('pf_reports', [
				'type' => $type,
				'pilot_id' => $pilotId,
				'org_id' => $orgId,
				'period' => $period,
				'format' => Fields::string($row, 'format'),
				'language' => Fields::string($row, 'language'),
				'pseudonymised' => Fields::bool($row, 'pseudonymised', true),
				'origin' => Fields::string($row, 'origin', Report::ORIGIN_REQUEST),
				'requested_by' => $userId,
				'folder' => $folder,
				'status' => $status,
				'error' => Fields::stringOrNull($row, 'error'),
				'file_id' => $fileName === null ? null : $this->fileId($userId, $folder . '/' . $period . '/' . $fileName),
				'file_name' => $fileName,
				'created_at' => $createdAt,
				'finished_at' => Fields::intOrNull($row, 'finishedAt'),
			]);
			$counts['reports']++;
		}
	}

	/** The id of the file at a path of the user's Files, if it is there (user_migration may bring it). */
	private function fileId(string $userId, string $path): ?int {
		try {
			return $this->rootFolder->getUserFolder($userId)->get($path)->getId();
		} catch (\Throwable) {
			return null;
		}
	}
}
