<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Month;

use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;

/**
 * The items of the start page, each list restricted to what the actor may see (in SQL by
 * ItemMapper::restrictToVisible, and once more by Policy): the items a user filed or
 * supports that changed since a time, an organisation's open security findings, the items
 * waiting for triage, and the open critical and high items.
 *
 * @psalm-import-type PilotFeedbackMonthItem from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackMonthItemList from \OCA\PilotFeedback\ResponseDefinitions
 */
class MonthItems {
	/** The statuses of items still being worked on (as the Coordination view and the items overview count them). */
	public const OPEN_STATUSES = [ItemStatus::New, ItemStatus::InReview, ItemStatus::Accepted, ItemStatus::Forwarded, ItemStatus::InProgress];
	/** How many items each list of the start page shows. */
	public const LIMIT = 10;

	public function __construct(
		private IDBConnection $db,
		private ItemMapper $items,
		private Policy $policy,
	) {
	}

	/**
	 * The items the user filed or supports that changed after $since, most recent change first.
	 *
	 * @return list<PilotFeedbackMonthItem>
	 */
	public function followedChangedSince(Actor $actor, int $since, int $limit = self::LIMIT): array {
		$qb = $this->db->getQueryBuilder();
		$supported = $this->db->getQueryBuilder();
		$supported->select('s.item_id')->from('pf_supporters', 's')
			->where($supported->expr()->eq('s.user_id', $qb->createNamedParameter($actor->userId)));
		$qb->select('*')->from('pf_items')
			->where($qb->expr()->gt('updated_at', $qb->createNamedParameter($since, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->orX(
				$qb->expr()->eq('reporter_id', $qb->createNamedParameter($actor->userId)),
				$qb->expr()->in('id', $qb->createFunction($supported->getSQL())),
			));
		$this->items->restrictToVisible($qb, $actor);
		$qb->orderBy('updated_at', 'DESC')->addOrderBy('id', 'DESC')->setMaxResults($limit);
		return $this->present($actor, $this->items->findByQuery($qb));
	}

	/**
	 * An organisation's open security findings, highest priority first.
	 *
	 * @return PilotFeedbackMonthItemList
	 */
	public function openSecurityFindings(Actor $actor, int $orgId, int $limit = self::LIMIT): array {
		return $this->list($actor, new ItemQuery(
			types: [ItemType::Security->value],
			statuses: self::values(self::OPEN_STATUSES),
			organisationId: $orgId,
			sortColumn: 'priority',
			limit: $limit,
		));
	}

	/**
	 * The items whose status is still "new": waiting for a consolidator's triage, newest first.
	 *
	 * @return PilotFeedbackMonthItemList
	 */
	public function waitingForTriage(Actor $actor, int $limit = self::LIMIT): array {
		return $this->list($actor, new ItemQuery(statuses: [ItemStatus::New->value], sortColumn: 'created_at', limit: $limit));
	}

	/**
	 * The open items of critical or high priority (the consolidated one where set), highest first.
	 *
	 * @return PilotFeedbackMonthItemList
	 */
	public function openUrgent(Actor $actor, int $limit = self::LIMIT): array {
		return $this->list($actor, new ItemQuery(
			priorities: [Priority::High->value, Priority::Critical->value],
			statuses: self::values(self::OPEN_STATUSES),
			sortColumn: 'priority',
			limit: $limit,
		));
	}

	/** @return PilotFeedbackMonthItemList */
	private function list(Actor $actor, ItemQuery $query): array {
		return [
			'items' => $this->present($actor, $this->items->findPage($actor, $query)),
			'total' => $this->items->count($actor, $query),
		];
	}

	/**
	 * @param list<Item> $items
	 * @return list<PilotFeedbackMonthItem>
	 */
	private function present(Actor $actor, array $items): array {
		$shown = [];
		foreach ($items as $item) {
			if (!$this->policy->canSeeItem($actor, ItemPresenter::facts($item))) {
				continue;
			}
			$shown[] = [
				...ItemsOverviewService::summary($item),
				'updatedAt' => $item->getUpdatedAt(),
				'filedByMe' => $item->getReporterId() === $actor->userId,
			];
		}
		return $shown;
	}

	/**
	 * @param list<ItemStatus> $statuses
	 * @return list<string>
	 */
	private static function values(array $statuses): array {
		return array_map(static fn (ItemStatus $s): string => $s->value, $statuses);
	}
}
