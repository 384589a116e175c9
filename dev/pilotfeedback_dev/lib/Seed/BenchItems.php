<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Model\TitleWords;
use OCP\IDBConnection;

/**
 * The synthetic report items, with their title words and supporters: random types, statuses,
 * priorities and titles by the weights below, created over the last 540 days.
 *
 * @psalm-import-type BenchCatalogueData from BenchCatalogue
 */
class BenchItems {
	/** What a title is about; the assessments' comments name them too. */
	public const SUBJECTS = [
		'Upload', 'Download', 'Sharing link', 'Calendar sync', 'Login', 'Search', 'Notification',
		'Video call', 'Screen sharing', 'Document editing', 'Spreadsheet export', 'Contact import',
		'Mail filter', 'File versioning', 'Group folder', 'Password reset', 'Chat history',
		'Meeting invitation', 'Presentation mode', 'Mobile app',
	];
	private const PROBLEMS = [
		'fails', 'is slow', 'times out', 'shows wrong dates', 'loses formatting', 'needs confirmation',
		'breaks the layout', 'ignores permissions', 'crashes', 'needs keyboard shortcuts',
		'should support templates', 'is not accessible', 'shows an error',
	];
	private const CONTEXTS = [
		'for large files', 'in Firefox', 'on mobile', 'for external guests', 'after the update',
		'with a screen reader', 'behind the proxy', 'over VPN', 'in Edge', 'with many participants',
		'for shared calendars', 'in the German locale',
	];

	/** weight tables: value => weight */
	private const TYPES = ['requirement' => 30, 'defect' => 40, 'improvement' => 20, 'security' => 10];
	private const PRIORITIES = [1 => 25, 2 => 40, 3 => 25, 4 => 10];
	private const STATUSES = [
		'new' => 30, 'in_review' => 15, 'accepted' => 12, 'forwarded' => 8, 'in_progress' => 10,
		'done' => 10, 'verified' => 7, 'rejected' => 5, 'duplicate' => 3,
	];

	public function __construct(
		private IDBConnection $db,
	) {
	}

	/**
	 * Inserts $total items, oldest first, spread evenly over the last $days days, with their
	 * title words, supporters and status history (pf_history: every item not new went through
	 * in_review, a verified one through done, each change after the one before, so that
	 * "filed" and "closed in a month" both have data). Rows get explicit ids after the largest
	 * existing one; BenchQuery::BATCH items and their rows go in one transaction, written as
	 * multi-row INSERTs.
	 *
	 * @param BenchCatalogueData $catalogue
	 * @param array<array-key, int> $userOrgs BenchPlan::users()
	 * @param callable(string): void $progress
	 * @return array{pf_items: int, pf_supporters: int, pf_history: int, pf_item_words: int} what was inserted, by table
	 */
	public function seed(int $total, int $now, array $catalogue, array $userOrgs, callable $progress, int $days = 540): array {
		$counts = ['pf_items' => 0, 'pf_supporters' => 0, 'pf_history' => 0, 'pf_item_words' => 0];
		$userIds = array_map(strval(...), array_keys($userOrgs));
		$firstId = BenchQuery::maxId($this->db, 'pf_items') + 1;
		// Oldest first, so that ids grow with created_at as in real use.
		$span = $days * 86400;
		$step = $span / max(1, $total);
		for ($start = 0; $start < $total; $start += BenchQuery::BATCH) {
			$items = [];
			$words = [];
			$supporters = [];
			$history = [];
			for ($i = $start; $i < min($total, $start + BenchQuery::BATCH); $i++) {
				$itemId = $firstId + $i;
				$reporter = $userIds[mt_rand(0, count($userIds) - 1)];
				$orgId = $userOrgs[$reporter];
				[$componentId, $pilotId] = $catalogue['orgComponents'][$orgId][mt_rand(0, count($catalogue['orgComponents'][$orgId]) - 1)];
				$type = self::pick(self::TYPES);
				$status = $i === 0 ? 'new' : self::pick(self::STATUSES);
				$created = (int)($now - $span + $i * $step) + mt_rand(0, (int)max(0, $step - 1));
				$triaged = !in_array($status, ['new', 'in_review'], true);
				$supportCount = mt_rand(1, 100) <= 35 ? mt_rand(1, 12) : 0;
				$title = self::SUBJECTS[mt_rand(0, count(self::SUBJECTS) - 1)] . ' '
					. self::PROBLEMS[mt_rand(0, count(self::PROBLEMS) - 1)] . ' '
					. self::CONTEXTS[mt_rand(0, count(self::CONTEXTS) - 1)];
				$consPriority = $triaged && mt_rand(0, 9) < 6 ? self::pick(self::PRIORITIES) : null;
				$duplicateOf = $status === 'duplicate' ? mt_rand($firstId, $itemId - 1) : null;

				// The status changes, each a while after the one before, the last one at updated_at.
				$at = $created;
				$previous = 'new';
				foreach (self::path($status) as $next) {
					$at += mt_rand(3600, (int)max(3600, min(30 * 86400, ($now - $at) / 3)));
					$at = min($at, $now);
					$history[] = [$itemId, 'bmi', 'status', $previous, $next, $at];
					$previous = $next;
				}
				$updated = $at === $created ? $created + mt_rand(0, max(0, min(86400, $now - $created))) : $at;

				$items[] = [
					$itemId, $type, $title,
					"Steps to reproduce:\n\n1. Open the component.\n2. Try: " . $title . ".\n\nSynthetic benchmark item " . ($i + 1) . '.',
					$componentId, $pilotId, self::pick(self::PRIORITIES), $consPriority, $status, $reporter, $orgId,
					$type === 'security' ? 1 : 0, $duplicateOf,
					in_array($status, ['forwarded', 'in_progress', 'done', 'verified'], true) ? sprintf('VND-%05d', mt_rand(1, 99999)) : null,
					$supportCount, $created, $updated,
				];
				foreach (TitleWords::of($title) as $word) {
					$words[] = [$itemId, TitleWords::prefix($word), $word];
				}
				$chosen = [];
				while (count($chosen) < $supportCount) {
					$userId = $userIds[mt_rand(0, count($userIds) - 1)];
					$chosen[$userId] = $userId;
				}
				foreach ($chosen as $supporter) {
					$supporters[] = [$itemId, $supporter, $userOrgs[$supporter], $created + mt_rand(0, max(0, $now - $created))];
				}
			}
			BenchQuery::transaction($this->db, function () use ($items, $words, $supporters, $history): void {
				BenchQuery::insertRows($this->db, 'pf_items', [
					'id', 'type', 'title', 'body', 'component_id', 'pilot_id', 'priority', 'cons_priority', 'status', 'reporter_id', 'org_id',
					'confidential', 'duplicate_of', 'vendor_ref', 'support_count', 'created_at', 'updated_at',
				], $items);
				BenchQuery::insertRows($this->db, ItemWordMapper::TABLE, ['item_id', 'prefix', 'word'], $words);
				BenchQuery::insertRows($this->db, 'pf_supporters', ['item_id', 'user_id', 'org_id', 'created_at'], $supporters);
				BenchQuery::insertRows($this->db, 'pf_history', ['item_id', 'user_id', 'field', 'old_value', 'new_value', 'created_at'], $history);
			});
			$counts['pf_items'] += count($items);
			$counts['pf_item_words'] += count($words);
			$counts['pf_supporters'] += count($supporters);
			$counts['pf_history'] += count($history);
			$done = min($total, $start + BenchQuery::BATCH);
			if ($done % (20 * BenchQuery::BATCH) === 0 || $done >= $total) {
				$progress(sprintf('items: %d/%d (%.0f MB peak)', $done, $total, memory_get_peak_usage() / 1048576));
			}
		}
		BenchQuery::syncSequence($this->db, 'pf_items');
		return $counts;
	}

	/**
	 * The statuses an item went through after new, up to its current one.
	 *
	 * @return list<string>
	 */
	private static function path(string $status): array {
		return match ($status) {
			'new' => [],
			'in_review' => ['in_review'],
			'verified' => ['in_review', 'accepted', 'done', 'verified'],
			'done' => ['in_review', 'accepted', 'done'],
			default => ['in_review', $status],
		};
	}

	/**
	 * A value drawn by its weight (mt_rand, so seeded runs repeat).
	 *
	 * @template K of array-key
	 * @param array<K, int> $weights
	 * @return K
	 */
	private static function pick(array $weights): int|string {
		$roll = mt_rand(1, array_sum($weights));
		foreach ($weights as $value => $weight) {
			$roll -= $weight;
			if ($roll <= 0) {
				return $value;
			}
		}
		return array_key_last($weights);
	}
}
