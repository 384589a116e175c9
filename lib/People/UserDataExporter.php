<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Item\CommentService;
use OCA\PilotFeedback\Notification\NotificationPreferences;
use OCP\Config\IUserConfig;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use OCP\IUserManager;

/**
 * Every record the app keeps about a user (GDPR Art. 15), as plain data: items filed,
 * assessments and their scores, supports, comments, history entries, attachments,
 * releases, the reports they asked for, coordinator roles and settings.
 */
class UserDataExporter {
	public function __construct(
		private IDBConnection $db,
		private IUserManager $userManager,
		private ActorFactory $actors,
		private NotificationPreferences $preferences,
		private IUserConfig $config,
	) {
	}

	/**
	 * @return array<string, mixed>
	 * @throws NotFoundException when no such user exists
	 */
	public function export(string $userId): array {
		$user = $this->userManager->get($userId);
		if ($user === null) {
			throw new NotFoundException('There is no user "%1$s".', [$userId]);
		}
		$actor = $this->actors->forUser($user);
		$assessments = $this->rows('pf_assessments', 'user_id', $userId);
		$assessmentIds = array_map(static fn (array $a): int => (int)$a['id'], $assessments);
		return [
			'app' => Application::APP_ID,
			'user' => ['userId' => $user->getUID(), 'displayName' => $user->getDisplayName()],
			'roles' => [
				'consolidator' => $actor->isConsolidator,
				'memberOfOrganisations' => $actor->memberOrgIds,
				'coordinatorOfOrganisations' => $this->rows('pf_org_coords', 'user_id', $userId),
			],
			'items' => $this->rows('pf_items', 'reporter_id', $userId),
			'assessments' => $assessments,
			'scores' => $assessmentIds === [] ? [] : $this->rowsIn('pf_scores', 'assessment_id', $assessmentIds),
			'supports' => $this->rows('pf_supporters', 'user_id', $userId),
			'comments' => $this->comments($userId),
			'history' => $this->rows('pf_history', 'user_id', $userId),
			'attachments' => $this->rows('pf_attachments', 'added_by', $userId),
			'releases' => $this->rows('pf_releases', 'user_id', $userId),
			'reports' => $this->rows('pf_reports', 'requested_by', $userId),
			'settings' => [
				'notifications' => $this->preferences->get($userId),
				'lastVisit' => $this->config->getValueString($userId, Application::APP_ID, 'last_visit', '') ?: null,
			],
		];
	}

	/** @return list<array<string, mixed>> */
	private function rows(string $table, string $column, string $userId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($table)->where($qb->expr()->eq($column, $qb->createNamedParameter($userId)))->orderBy('id');
		return $this->fetchAll($qb);
	}

	/**
	 * @param list<int> $ids
	 * @return list<array<string, mixed>>
	 */
	private function rowsIn(string $table, string $column, array $ids): array {
		$rows = [];
		foreach (array_chunk($ids, 1000) as $chunk) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('*')->from($table)->where($qb->expr()->in($column, $qb->createNamedParameter($chunk, IQueryBuilder::PARAM_INT_ARRAY)))->orderBy('id');
			array_push($rows, ...$this->fetchAll($qb));
		}
		return $rows;
	}

	/** @return list<array<string, mixed>> the user's comments on items, from Nextcloud's comments */
	private function comments(string $userId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'object_id', 'message', 'creation_timestamp')->from('comments')
			->where($qb->expr()->eq('actor_type', $qb->createNamedParameter('users')))
			->andWhere($qb->expr()->eq('actor_id', $qb->createNamedParameter($userId)))
			->andWhere($qb->expr()->eq('object_type', $qb->createNamedParameter(CommentService::OBJECT_TYPE)))
			->orderBy('id');
		return array_map(static fn (array $row): array => [
			'id' => (int)$row['id'],
			'itemId' => (int)$row['object_id'],
			'message' => (string)$row['message'],
			'createdAt' => (string)$row['creation_timestamp'],
		], $this->fetchAll($qb));
	}

	/** @return list<array<string, mixed>> */
	private function fetchAll(IQueryBuilder $qb): array {
		$result = $qb->executeQuery();
		/** @var list<array<string, mixed>> $rows */
		$rows = $result->fetchAll();
		$result->closeCursor();
		return $rows;
	}
}
