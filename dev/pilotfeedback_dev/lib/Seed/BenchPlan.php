<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

/**
 * The arithmetic of the bench data, without the database or chance: which synthetic tester
 * belongs to which organisation, how the assessments spread over the months, and in which
 * order the (user, component, month) slots are filled.
 *
 * @psalm-type BenchSlot = array{0: int, 1: int, 2: string, 3: int, 4: int, 5: int} period index (0 = newest), period id, user id, organisation id, component id, pilot id
 */
final class BenchPlan {
	public const USER_PREFIX = 'bench-user-';

	/**
	 * Synthetic user id => organisation id; the first half of the users belongs to the first organisation, and so on.
	 *
	 * @param list<int> $orgIds
	 * @return array<array-key, int> (PHP stores numeric-looking keys as int, hence array-key)
	 */
	public static function users(int $count, array $orgIds): array {
		$users = [];
		$perOrg = (int)ceil($count / count($orgIds));
		for ($i = 1; $i <= $count; $i++) {
			$users[self::USER_PREFIX . sprintf('%04d', $i)] = $orgIds[intdiv($i - 1, $perOrg)];
		}
		return $users;
	}

	/**
	 * How the assessments spread: over how many months (none without assessments), how many
	 * a month, and how many distinct components each user needs to rate a month for that.
	 *
	 * @return array{months: int, perPeriod: int, perUser: int}
	 */
	public static function spread(int $assessments, int $months, int $users): array {
		$months = $assessments > 0 ? max(1, $months) : 0;
		$perPeriod = $months > 0 ? (int)ceil($assessments / $months) : 0;
		$perUser = (int)ceil($perPeriod / max(1, $users));
		return ['months' => $months, 'perPeriod' => $perPeriod, 'perUser' => $perUser];
	}

	/**
	 * Fills period after period (newest first) with up to $perPeriod slots each: users in
	 * turn, each rating the next of their organisation's components in one of its pilots
	 * (a component in two pilots is rated in each), pair by pair over all users, so that a
	 * partly filled month still covers every user. Each user starts at another pair (the
	 * n-th user of an organisation at its n-th), so that a partly filled month covers every
	 * pair too, as testers who each rate a few components of a pilot do: with everyone
	 * starting at the first, 100 000 assessments rated two of pilot 1's nine components, and
	 * results at 100 000 had an eighth of the groups they have at 1 000 000. A user rates a
	 * component in a pilot at most once a month.
	 *
	 * @param array<int, list<array{0: int, 1: int}>> $orgComponents org id => list of [component id, pilot id]
	 * @param array<array-key, int> $userOrgs user id => org id
	 * @param list<int> $periodIds newest first
	 * @return \Generator<int, BenchSlot, mixed, void>
	 */
	public static function slots(array $orgComponents, array $userOrgs, array $periodIds, int $perPeriod): \Generator {
		$distinct = [];
		foreach ($orgComponents as $orgId => $pairs) {
			$distinct[$orgId] = array_values(array_unique($pairs, SORT_REGULAR));
		}
		// the position of each user among their organisation's users
		$positions = [];
		$seen = [];
		foreach ($userOrgs as $userId => $orgId) {
			$positions[$userId] = $seen[$orgId] = ($seen[$orgId] ?? -1) + 1;
		}
		foreach ($periodIds as $index => $periodId) {
			$yielded = 0;
			$round = 0;
			$more = true;
			while ($more && $yielded < $perPeriod) {
				$more = false;
				foreach ($userOrgs as $userId => $orgId) {
					$pairs = $distinct[$orgId];
					if ($round < count($pairs) && $yielded < $perPeriod) {
						$more = true;
						$yielded++;
						[$componentId, $pilotId] = $pairs[($round + $positions[$userId]) % count($pairs)];
						yield [$index, $periodId, (string)$userId, $orgId, $componentId, $pilotId];
					}
				}
				$round++;
			}
		}
	}
}
