<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Model\Priority;

/**
 * What the demo activity consists of, computed without the database: months of ratings by
 * the testers of both organisations with varied scores, the releases of past months, and
 * report items filed across the months whose status changed over time (some closed in past
 * months). DemoActivitySeeder writes it. Deterministic: the same input gives the same plan.
 *
 * Ratings: in each past month every tester rates most components of the organisation's
 * active pilots; in the current month only the first tester of each organisation has rated,
 * and only the first CURRENT_MONTH_RATED components: the current month shows few ratings, the
 * other testers still have an empty sheet, and the first ones see on their sheet and on the
 * dashboard what is left to rate.
 *
 * @psalm-type DemoOrg = array{orgId: int, testers: list<string>, coordinator: string, components: list<array{componentId: int, pilotId: int}>}
 * @psalm-type DemoRating = array{userId: string, orgId: int, pilotId: int, componentId: int, month: string, overall: ?int, scores: array<int, ?int>, comment: ?string, at: int}
 * @psalm-type DemoRelease = array{orgId: int, month: string, userId: string, at: int}
 * @psalm-type DemoStep = array{field: string, old: ?string, new: ?string, userId: string, at: int}
 * @psalm-type DemoItem = array{title: string, body: string, type: string, priority: int, consPriority: ?int, status: string, reporterId: string, orgId: int, componentId: int, pilotId: int, vendorRef: ?string, createdAt: int, updatedAt: int, history: list<DemoStep>, supporters: list<array{userId: string, orgId: int, at: int}>}
 */
final class DemoActivityPlan {
	/** How many components the first tester of an organisation rated in the current month. */
	public const CURRENT_MONTH_RATED = 2;

	/** The consolidator who triages the demo items */
	public const CONSOLIDATOR = 'bmi';
	private const SEED = 20261201;
	private const DAY = 86400;

	/**
	 * The demo items: title, type, reporter's priority (1–4), organisation, tester index,
	 * component index, months before the current one, day of the month filed, and the status
	 * changes as [status, days after filing]; optional consolidated priority and +1s.
	 *
	 * @var list<array{0: string, 1: string, 2: int, 3: string, 4: int, 5: int, 6: int, 7: int, 8: list<array{0: string, 1: int}>, 9?: ?int, 10?: list<array{0: string, 1: int}>}>
	 */
	private const ITEMS = [
		['Upload of large files stops at 2 GB', 'defect', 3, 'RKI', 0, 0, 6, 3, [['in_review', 2], ['accepted', 6], ['in_progress', 12], ['done', 30]]],
		['Shared link expiry date is not shown', 'improvement', 2, 'BSH', 0, 0, 6, 10, [['in_review', 3], ['accepted', 10]], null, [['RKI', 1]]],
		['Document editor loses formatting on save', 'defect', 4, 'RKI', 1, 1, 5, 5, [['in_review', 1], ['forwarded', 4], ['in_progress', 9], ['done', 25]]],
		['Templates for recurring documents', 'requirement', 2, 'RKI', 0, 1, 5, 14, [['in_review', 5], ['accepted', 12]], null, [['BSH', 0], ['BSH', 1]]],
		['Calendar invitations arrive twice', 'defect', 2, 'BSH', 1, 2, 5, 20, [['in_review', 2], ['rejected', 8]]],
		['Login session expires while typing', 'defect', 3, 'BSH', 0, 0, 4, 4, [['in_review', 1], ['accepted', 3], ['in_progress', 7], ['done', 20], ['verified', 26]]],
		['Video call drops behind the proxy', 'defect', 4, 'RKI', 0, 2, 4, 12, [['in_review', 1], ['forwarded', 2], ['in_progress', 10]], 4],
		['Keyboard shortcuts for the file list', 'requirement', 2, 'BSH', 1, 0, 4, 18, [['in_review', 6]], null, [['RKI', 0]]],
		['Screen reader cannot reach the share dialog', 'defect', 3, 'RKI', 1, 0, 3, 6, [['in_review', 2], ['accepted', 5], ['in_progress', 15], ['done', 28]], 4],
		['Search finds no text in PDF files', 'improvement', 2, 'RKI', 0, 0, 3, 11, [['in_review', 4], ['rejected', 9]]],
		['Chat history is not searchable', 'requirement', 3, 'BSH', 0, 2, 3, 16, [['in_review', 3], ['accepted', 8]], null, [['RKI', 1]]],
		['Weak TLS ciphers accepted by the office server', 'security', 4, 'BSH', 1, 1, 3, 21, [['in_review', 1], ['forwarded', 2], ['in_progress', 6], ['done', 14]]],
		['Spreadsheet export shows wrong dates', 'defect', 2, 'BSH', 0, 1, 2, 2, [['in_review', 2], ['accepted', 9], ['in_progress', 20]]],
		['Mobile app needs offline folders', 'requirement', 2, 'RKI', 1, 0, 2, 9, [['in_review', 7]], null, [['BSH', 0]]],
		['Presentation mode freezes with many slides', 'defect', 3, 'RKI', 0, 1, 2, 15, [['in_review', 1], ['forwarded', 5]], 2],
		['Group folders for project teams', 'requirement', 3, 'BSH', 1, 0, 2, 22, [['in_review', 4], ['accepted', 10]], null, [['RKI', 0], ['RKI', 1]]],
		['Notification sound cannot be turned off', 'improvement', 1, 'RKI', 1, 2, 1, 4, [['in_review', 3], ['done', 12]]],
		['Screen sharing shows a black window', 'defect', 4, 'BSH', 0, 2, 1, 8, [['in_review', 1], ['in_progress', 3]]],
		['Password reset mail lands in spam', 'defect', 2, 'RKI', 0, 0, 1, 17, [['in_review', 2]]],
		['Contacts import ignores the second address', 'defect', 1, 'BSH', 1, 1, 1, 23, []],
		['Meeting invitations need a dial-in number', 'requirement', 2, 'RKI', 1, 2, 0, 1, [], null, [['BSH', 1]]],
		['File versions are hard to compare', 'improvement', 2, 'BSH', 0, 0, 0, 2, []],
	];

	private const COMMENTS = [
		'Works well for daily use.',
		'Slow in the mornings when everyone logs in.',
		'Good, but the mobile view needs work.',
		'Several errors this month, see the reported items.',
		'Much better since the last update.',
	];

	/**
	 * @param array<string, DemoOrg> $orgs organisations by short name
	 * @param list<int> $criterionIds
	 * @param array<string, int> $monthStarts month (YYYY-MM) => Unix time of its start, oldest first, the current month last
	 * @param int $now the current time; nothing is planned at or after it
	 * @return array{ratings: list<DemoRating>, releases: list<DemoRelease>, items: list<DemoItem>}
	 */
	public static function build(array $orgs, array $criterionIds, array $monthStarts, int $now): array {
		mt_srand(self::SEED);
		$months = array_keys($monthStarts);
		$last = count($months) - 1;
		$ratings = [];
		$releases = [];
		foreach ($months as $index => $month) {
			$start = $monthStarts[$month];
			$orgIndex = 0;
			foreach ($orgs as $org) {
				$orgBias = $orgIndex++ === 0 ? 0.3 : -0.3;
				foreach ($org['testers'] as $testerIndex => $userId) {
					if ($index === $last && $testerIndex > 0) {
						continue;
					}
					foreach ($org['components'] as $componentIndex => $component) {
						// Draw every number even when the rating is skipped, so the plan stays the same
						$skip = mt_rand(1, 100) <= 20;
						$day = mt_rand(1, 24);
						$noise = mt_rand(-10, 10) / 10;
						$quality = 2.6 + (($component['componentId'] * 7) % 5 - 2) * 0.35 + $orgBias + $index * 0.18 + $noise;
						$scores = [];
						foreach ($criterionIds as $criterionIndex => $criterionId) {
							$value = self::score($quality + (($criterionIndex * 3) % 5 - 2) * 0.3 + mt_rand(-10, 10) / 10);
							$scores[$criterionId] = mt_rand(1, 100) <= 10 ? null : $value;
						}
						$overall = mt_rand(1, 100) <= 5 ? null : self::score($quality + mt_rand(-5, 5) / 10);
						$comment = mt_rand(1, 100) <= 40 ? self::COMMENTS[mt_rand(0, count(self::COMMENTS) - 1)] : null;
						if ($skip && $index !== $last) {
							continue;
						}
						if ($index === $last && $componentIndex >= self::CURRENT_MONTH_RATED) {
							continue;
						}
						$at = min($now - 60, $start + $day * self::DAY + ($testerIndex * 3 + $componentIndex) * 3600);
						$ratings[] = [
							'userId' => $userId,
							'orgId' => $org['orgId'],
							'pilotId' => $component['pilotId'],
							'componentId' => $component['componentId'],
							'month' => $month,
							'overall' => $overall,
							'scores' => $scores,
							'comment' => $comment,
							'at' => max($start, $at),
						];
					}
				}
				// The first organisation released every past month but the last, the second one month less.
				$releasedUpTo = $last - ($orgIndex === 1 ? 2 : 3);
				if ($index <= $releasedUpTo) {
					$releases[] = ['orgId' => $org['orgId'], 'month' => $month, 'userId' => $org['coordinator'], 'at' => $monthStarts[$months[$index + 1]] + 2 * self::DAY];
				}
			}
		}
		return ['ratings' => $ratings, 'releases' => $releases, 'items' => self::items($orgs, $monthStarts, $now)];
	}

	/**
	 * @param array<string, DemoOrg> $orgs
	 * @param array<string, int> $monthStarts
	 * @return list<DemoItem>
	 */
	private static function items(array $orgs, array $monthStarts, int $now): array {
		$starts = array_values($monthStarts);
		$last = count($starts) - 1;
		$items = [];
		foreach (self::ITEMS as $template) {
			[$title, $type, $priority, $shortName, $testerIndex, $componentIndex, $monthsAgo, $day, $steps] = $template;
			$consPriority = $template[9] ?? null;
			$support = $template[10] ?? [];
			$org = $orgs[$shortName] ?? null;
			if ($org === null || $org['components'] === [] || $monthsAgo > $last) {
				continue;
			}
			$component = $org['components'][$componentIndex % count($org['components'])];
			$reporterId = $org['testers'][$testerIndex] ?? $org['testers'][0] ?? null;
			if ($reporterId === null) {
				continue;
			}
			$index = $last - $monthsAgo;
			if ($index < 0 || $last < 0) {
				continue;
			}
			$monthStart = $starts[$index];
			$currentStart = $starts[$last];
			$created = $monthStart + ($day - 1) * self::DAY + 9 * 3600;
			if ($created >= $now) {
				$created = max($currentStart, $now - 2 * 3600);
			}
			$history = [];
			$status = 'new';
			$updated = $created;
			if ($consPriority !== null && $created + self::DAY < $now) {
				$updated = $created + self::DAY;
				$history[] = ['field' => 'consolidatedPriority', 'old' => null, 'new' => Priority::from($consPriority)->key(), 'userId' => self::CONSOLIDATOR, 'at' => $updated];
			}
			$vendorRef = null;
			foreach ($steps as [$next, $days]) {
				$at = $created + $days * self::DAY + 3600;
				if ($at >= $now) {
					break;
				}
				$history[] = ['field' => 'status', 'old' => $status, 'new' => $next, 'userId' => self::CONSOLIDATOR, 'at' => $at];
				if ($next === 'forwarded' && $vendorRef === null) {
					$vendorRef = sprintf('VND-%04d', 1000 + count($items));
					$history[] = ['field' => 'vendorReference', 'old' => '', 'new' => $vendorRef, 'userId' => self::CONSOLIDATOR, 'at' => $at];
				}
				$status = $next;
				$updated = max($updated, $at);
			}
			usort($history, static fn (array $a, array $b): int => $a['at'] <=> $b['at']);
			$supporters = [];
			foreach ($support as $k => [$supporterOrg, $supporterIndex]) {
				$other = $orgs[$supporterOrg] ?? null;
				$userId = $other['testers'][$supporterIndex] ?? null;
				if ($other === null || $userId === null || $userId === $reporterId) {
					continue;
				}
				$supporters[] = ['userId' => $userId, 'orgId' => $other['orgId'], 'at' => min($now - 60, $created + ($k + 1) * 2 * self::DAY)];
			}
			$items[] = [
				'title' => $title,
				'body' => "Seen during the pilot.\n\nSteps: open the component and try: " . lcfirst($title) . '.',
				'type' => $type,
				'priority' => $priority,
				'consPriority' => $consPriority,
				'status' => $status,
				'reporterId' => $reporterId,
				'orgId' => $org['orgId'],
				'componentId' => $component['componentId'],
				'pilotId' => $component['pilotId'],
				'vendorRef' => $vendorRef,
				'createdAt' => $created,
				'updatedAt' => $updated,
				'history' => $history,
				'supporters' => $supporters,
			];
		}
		return $items;
	}

	/** A score from 1 to 5, rounded from a quality. */
	private static function score(float $quality): int {
		return max(1, min(5, (int)round($quality)));
	}
}
