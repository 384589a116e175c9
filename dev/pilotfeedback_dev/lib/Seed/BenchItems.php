<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCP\DB\QueryBuilder\IQueryBuilder;
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
		private ItemWordMapper $words,
	) {
	}

	/**
	 * Inserts $total items, oldest first, in transactions of BenchQuery::BATCH items.
	 *
	 * @param BenchCatalogueData $catalogue
	 * @param array<array-key, int> $userOrgs BenchPlan::users()
	 * @param callable(string): void $progress
	 * @return array{pf_items: int, pf_supporters: int} what was inserted, by table
	 */
	public function seed(int $total, int $now, array $catalogue, array $userOrgs, callable $progress): array {
		$counts = ['pf_items' => 0, 'pf_supporters' => 0];
		$userIds = array_keys($userOrgs);
		$insert = $this->db->getQueryBuilder();
		$insert->insert('pf_items')->values([
			'type' => $insert->createParameter('type'),
			'title' => $insert->createParameter('title'),
			'body' => $insert->createParameter('body'),
			'component_id' => $insert->createParameter('component_id'),
			'pilot_id' => $insert->createParameter('pilot_id'),
			'priority' => $insert->createParameter('priority'),
			'cons_priority' => $insert->createParameter('cons_priority'),
			'status' => $insert->createParameter('status'),
			'reporter_id' => $insert->createParameter('reporter_id'),
			'org_id' => $insert->createParameter('org_id'),
			'confidential' => $insert->createParameter('confidential'),
			'duplicate_of' => $insert->createParameter('duplicate_of'),
			'vendor_ref' => $insert->createParameter('vendor_ref'),
			'support_count' => $insert->createParameter('support_count'),
			'created_at' => $insert->createParameter('created_at'),
			'updated_at' => $insert->createParameter('updated_at'),
		]);
		$support = $this->db->getQueryBuilder();
		$support->insert('pf_supporters')->values([
			'item_id' => $support->createParameter('item_id'),
			'user_id' => $support->createParameter('user_id'),
			'org_id' => $support->createParameter('org_id'),
			'created_at' => $support->createParameter('created_at'),
		]);

		// Oldest first, so that ids grow with created_at as in real use.
		$span = 540 * 86400;
		$createdTimes = [];
		for ($i = 0; $i < $total; $i++) {
			$createdTimes[] = $now - mt_rand(3600, $span);
		}
		sort($createdTimes);

		$insertedIds = [];
		for ($start = 0; $start < $total; $start += BenchQuery::BATCH) {
			$this->db->beginTransaction();
			try {
				for ($i = $start; $i < min($total, $start + BenchQuery::BATCH); $i++) {
					$reporter = $userIds[mt_rand(0, count($userIds) - 1)];
					$orgId = $userOrgs[$reporter];
					[$componentId, $pilotId] = $catalogue['orgComponents'][$orgId][mt_rand(0, count($catalogue['orgComponents'][$orgId]) - 1)];
					$type = self::pick(self::TYPES);
					$status = $insertedIds === [] ? 'new' : self::pick(self::STATUSES);
					$created = $createdTimes[$i];
					$updated = $created + mt_rand(0, max(0, $now - $created));
					$triaged = !in_array($status, ['new', 'in_review'], true);
					$supportCount = mt_rand(1, 100) <= 35 ? mt_rand(1, 12) : 0;
					$title = self::SUBJECTS[mt_rand(0, count(self::SUBJECTS) - 1)] . ' '
						. self::PROBLEMS[mt_rand(0, count(self::PROBLEMS) - 1)] . ' '
						. self::CONTEXTS[mt_rand(0, count(self::CONTEXTS) - 1)];

					$consPriority = $triaged && mt_rand(0, 9) < 6 ? self::pick(self::PRIORITIES) : null;
					$duplicateOf = $status === 'duplicate' ? $insertedIds[mt_rand(0, count($insertedIds) - 1)] : null;
					$insert->setParameter('type', $type)
						->setParameter('title', $title)
						->setParameter('body', "Steps to reproduce:\n\n1. Open the component.\n2. Try: " . $title . ".\n\nSynthetic benchmark item " . ($i + 1) . '.')
						->setParameter('component_id', $componentId, IQueryBuilder::PARAM_INT)
						->setParameter('pilot_id', $pilotId, IQueryBuilder::PARAM_INT)
						->setParameter('priority', self::pick(self::PRIORITIES), IQueryBuilder::PARAM_INT)
						->setParameter('cons_priority', $consPriority, $consPriority === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('status', $status)
						->setParameter('reporter_id', $reporter)
						->setParameter('org_id', $orgId, IQueryBuilder::PARAM_INT)
						->setParameter('confidential', $type === 'security', IQueryBuilder::PARAM_BOOL)
						->setParameter('duplicate_of', $duplicateOf, $duplicateOf === null ? IQueryBuilder::PARAM_NULL : IQueryBuilder::PARAM_INT)
						->setParameter('vendor_ref', in_array($status, ['forwarded', 'in_progress', 'done', 'verified'], true) ? sprintf('VND-%05d', mt_rand(1, 99999)) : null)
						->setParameter('support_count', $supportCount, IQueryBuilder::PARAM_INT)
						->setParameter('created_at', $created, IQueryBuilder::PARAM_INT)
						->setParameter('updated_at', $updated, IQueryBuilder::PARAM_INT);
					$insert->executeStatement();
					$itemId = $insert->getLastInsertId();
					$insertedIds[] = $itemId;
					$counts['pf_items']++;
					$this->words->insert($itemId, $title);

					$supporters = [];
					while (count($supporters) < $supportCount) {
						$supporters[$userIds[mt_rand(0, count($userIds) - 1)]] = true;
					}
					foreach (array_keys($supporters) as $supporter) {
						$support->setParameter('item_id', $itemId, IQueryBuilder::PARAM_INT)
							->setParameter('user_id', (string)$supporter)
							->setParameter('org_id', $userOrgs[$supporter], IQueryBuilder::PARAM_INT)
							->setParameter('created_at', $created + mt_rand(0, max(0, $now - $created)), IQueryBuilder::PARAM_INT);
						$support->executeStatement();
						$counts['pf_supporters']++;
					}
				}
				$this->db->commit();
			} catch (\Throwable $e) {
				$this->db->rollBack();
				throw $e;
			}
			$progress(sprintf('items: %d/%d', min($total, $start + BenchQuery::BATCH), $total));
		}
		return $counts;
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
