<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\UserMigration;

/**
 * A user's records as the user migration carries them (UserRecordsImporter reads them back):
 * the items they filed with the history of their own changes, their ratings (assessments
 * with their scores), their supports and comments, and the records of the reports they
 * asked for. Catalogue entries are named (pilot title, component and criterion name,
 * organisation short name, month) so that an import on another server finds them by name;
 * other people's items that a support or comment is about are carried as a fingerprint only.
 *
 * Not carried: roles (organisation membership is a Nextcloud group, coordinator and
 * consolidator roles are granted by an administrator), releases (an organisation's act),
 * attachments (files in Nextcloud's Files), the settings (user_migration carries every
 * app's user settings itself).
 */
class UserRecordsExporter {
	/** The version of the records' format; an import refuses newer ones (PilotFeedbackMigrator). */
	public const FORMAT = 1;

	public function __construct(
		private UserRecordsMapper $mapper,
	) {
	}

	/** @return array<string, mixed> */
	public function export(string $userId): array {
		$catalogue = array_fill_keys(array_keys(UserRecordsMapper::CATALOGUE), []);
		$refer = static function (string $kind, ?int $id) use (&$catalogue): ?int {
			if ($id !== null) {
				$catalogue[$kind][$id] = true;
			}
			return $id;
		};

		$items = [];
		$ownItems = [];
		foreach ($this->mapper->rows('pf_items', 'reporter_id', $userId) as $row) {
			$id = Fields::int($row, 'id');
			$ownItems[$id] = true;
			$items[] = [
				'id' => $id,
				'type' => Fields::string($row, 'type'),
				'title' => Fields::string($row, 'title'),
				'body' => Fields::stringOrNull($row, 'body'),
				'pilotId' => $refer('pilots', Fields::int($row, 'pilot_id')),
				'componentId' => $refer('components', Fields::int($row, 'component_id')),
				'organisationId' => $refer('organisations', Fields::int($row, 'org_id')),
				'priority' => Fields::int($row, 'priority'),
				'consolidatedPriority' => Fields::intOrNull($row, 'cons_priority'),
				'status' => Fields::string($row, 'status'),
				'confidential' => Fields::bool($row, 'confidential'),
				'duplicateOf' => Fields::intOrNull($row, 'duplicate_of'),
				'vendorReference' => Fields::stringOrNull($row, 'vendor_ref'),
				'vendorUrl' => Fields::stringOrNull($row, 'vendor_url'),
				'createdAt' => Fields::int($row, 'created_at'),
				'updatedAt' => Fields::int($row, 'updated_at'),
			];
		}

		$history = [];
		foreach ($this->mapper->rows('pf_history', 'user_id', $userId) as $row) {
			$itemId = Fields::int($row, 'item_id');
			if (isset($ownItems[$itemId])) {
				$history[] = [
					'itemId' => $itemId,
					'field' => Fields::string($row, 'field'),
					'oldValue' => Fields::stringOrNull($row, 'old_value'),
					'newValue' => Fields::stringOrNull($row, 'new_value'),
					'createdAt' => Fields::int($row, 'created_at'),
				];
			}
		}

		$assessmentRows = $this->mapper->rows('pf_assessments', 'user_id', $userId);
		$scores = [];
		foreach ($this->mapper->rowsIn('pf_scores', 'assessment_id', array_map(static fn (array $row): int => Fields::int($row, 'id'), $assessmentRows)) as $row) {
			$scores[Fields::int($row, 'assessment_id')][] = [
				'criterionId' => $refer('criteria', Fields::int($row, 'criterion_id')),
				'score' => Fields::intOrNull($row, 'score'),
			];
		}
		$assessments = [];
		foreach ($assessmentRows as $row) {
			$assessments[] = [
				'organisationId' => $refer('organisations', Fields::int($row, 'org_id')),
				'pilotId' => $refer('pilots', Fields::int($row, 'pilot_id')),
				'componentId' => $refer('components', Fields::int($row, 'component_id')),
				'periodId' => $refer('periods', Fields::int($row, 'period_id')),
				'overall' => Fields::intOrNull($row, 'overall'),
				'comment' => Fields::stringOrNull($row, 'comment'),
				'rated' => Fields::int($row, 'rated'),
				'createdAt' => Fields::int($row, 'created_at'),
				'updatedAt' => Fields::int($row, 'updated_at'),
				'scores' => $scores[Fields::int($row, 'id')] ?? [],
			];
		}

		$otherItems = [];
		$other = static function (?int $itemId) use (&$otherItems, $ownItems): ?int {
			if ($itemId !== null && !isset($ownItems[$itemId])) {
				$otherItems[$itemId] = true;
			}
			return $itemId;
		};
		foreach ($items as $item) {
			$other($item['duplicateOf']);
		}
		$supports = [];
		foreach ($this->mapper->rows('pf_supporters', 'user_id', $userId) as $row) {
			$supports[] = [
				'itemId' => $other(Fields::int($row, 'item_id')),
				'organisationId' => $refer('organisations', Fields::int($row, 'org_id')),
				'mergedFrom' => $other(Fields::intOrNull($row, 'merged_from')),
				'createdAt' => Fields::int($row, 'created_at'),
			];
		}
		$comments = [];
		foreach ($this->mapper->comments($userId) as $comment) {
			$other($comment['itemId']);
			$comments[] = $comment;
		}

		$reports = [];
		foreach ($this->mapper->rows('pf_reports', 'requested_by', $userId) as $row) {
			$reports[] = [
				'type' => Fields::string($row, 'type'),
				'pilotId' => $refer('pilots', Fields::intOrNull($row, 'pilot_id')),
				'organisationId' => $refer('organisations', Fields::intOrNull($row, 'org_id')),
				'period' => Fields::string($row, 'period'),
				'format' => Fields::string($row, 'format'),
				'language' => Fields::string($row, 'language'),
				'pseudonymised' => Fields::bool($row, 'pseudonymised', true),
				'origin' => Fields::string($row, 'origin'),
				'folder' => Fields::string($row, 'folder'),
				'status' => Fields::string($row, 'status'),
				'error' => Fields::stringOrNull($row, 'error'),
				'fileName' => Fields::stringOrNull($row, 'file_name'),
				'createdAt' => Fields::int($row, 'created_at'),
				'finishedAt' => Fields::intOrNull($row, 'finished_at'),
			];
		}

		$names = [];
		foreach (array_keys(UserRecordsMapper::CATALOGUE) as $kind) {
			$ids = array_keys($catalogue[$kind]);
			$names[$kind] = $ids === [] ? [] : $this->mapper->keysOf($kind, $ids);
		}
		return [
			'format' => self::FORMAT,
			'userId' => $userId,
			'catalogue' => $names,
			'items' => $items,
			'history' => $history,
			'assessments' => $assessments,
			'supports' => $supports,
			'comments' => $comments,
			'otherItems' => $otherItems === [] ? [] : $this->mapper->fingerprints(array_keys($otherItems)),
			'reports' => $reports,
		];
	}
}
