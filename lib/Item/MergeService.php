<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\Priority;

/**
 * Merging a duplicate B into its original A, and undoing it.
 *
 * A merge gives A the support of B: B's reporter and each of B's supporters become
 * supporters of A unless A already counts them (its reporter or a supporter), each row
 * marked with merged_from = B. B keeps its own supporter rows as its record; it is closed as
 * a duplicate, so no ranking counts it. An unmerge removes from A exactly the rows marked
 * merged_from = B; a user who also came with another still merged duplicate C keeps the row,
 * now marked as coming from C. Supporters A had before are never touched.
 *
 * Chains are refused, so no cycle can arise: the target must not be a duplicate itself, and
 * an item into which others are merged cannot become a duplicate. A security finding merges
 * only into a security finding and any other item only into one that is not.
 *
 * Call merge and unmerge inside the transaction of the triage (ItemTriage::triage): they
 * raise A's version first, which holds A's row until the commit, and check the rules after.
 * The triage's RankingWeights::refresh then recounts A's supporters and its weight.
 */
class MergeService {
	public function __construct(
		private ItemMapper $items,
		private SupporterMapper $supporters,
		private ItemHistory $history,
	) {
	}

	/**
	 * Checks that $duplicate may be merged into $target; throws a 400 naming what is wrong.
	 *
	 * @throws ValidationException
	 */
	public function check(Item $duplicate, Item $target): void {
		if ($target->getId() === $duplicate->getId()) {
			throw new ValidationException('An item cannot be a duplicate of itself. Name the original item.');
		}
		if ((bool)$target->getConfidential() !== (bool)$duplicate->getConfidential()) {
			// Otherwise everyone who sees the public item would learn of the confidential one.
			throw new ValidationException('A security finding can only be a duplicate of another security finding, and any other item only of an item that is not a security finding.');
		}
		if ($target->getStatus() === ItemStatus::Duplicate->value) {
			$root = $target->getDuplicateOf();
			throw new ValidationException('Item #%1$s is itself a duplicate (of #%2$s). Name the original item instead.', [
				(string)$target->getId(), $root === null ? '?' : (string)$root,
			]);
		}
		$merged = $this->items->findDuplicatesOf($duplicate->getId());
		if ($merged !== []) {
			throw new ValidationException('Other items are merged into this one (%1$s). Undo those merges first, or merge them into the original item.', [
				implode(', ', array_map(static fn (Item $i): string => '#' . $i->getId(), $merged)),
			]);
		}
	}

	/**
	 * Merges $duplicate into the item $targetId: moves the support and records the merge in
	 * the target's history (the duplicate's own history records its status and duplicateOf).
	 *
	 * @throws ValidationException when the merge breaks a rule (see check)
	 */
	public function merge(Item $duplicate, int $targetId, string $userId, int $now): void {
		$this->items->bumpVersion($targetId, $now);
		$target = $this->items->get($targetId);
		$this->check($duplicate, $target);

		$counted = [$target->getReporterId() => true];
		foreach ($this->supporters->findForItem($targetId) as $row) {
			$counted[$row['userId']] = true;
		}
		$moving = [['userId' => $duplicate->getReporterId(), 'organisationId' => $duplicate->getOrgId(), 'priority' => null]];
		foreach ($this->supporters->findForItem($duplicate->getId()) as $row) {
			$moving[] = $row;
		}
		foreach ($moving as $row) {
			if (isset($counted[$row['userId']])) {
				continue;
			}
			$counted[$row['userId']] = true;
			// a supporter of B keeps the priority they gave; B's reporter counts with B's
			$this->supporters->add($targetId, $row['userId'], $row['organisationId'], $now, $duplicate->getId(), $row['priority']);
		}
		$this->history->record($targetId, $userId, 'merged', null, (string)$duplicate->getId(), $now);
	}

	/**
	 * Undoes the merge of $duplicate into the item $targetId: removes the support it brought
	 * and records it in the target's history.
	 */
	public function unmerge(Item $duplicate, int $targetId, string $userId, int $now): void {
		$this->items->bumpVersion($targetId, $now);
		// who came with the other duplicates still merged into the target, oldest merge first
		$stillMerged = [];
		foreach ($this->items->findDuplicatesOf($targetId) as $other) {
			if ($other->getId() === $duplicate->getId()) {
				continue;
			}
			$stillMerged[$other->getReporterId()] ??= $other->getId();
			foreach ($this->supporters->findForItem($other->getId()) as $row) {
				$stillMerged[$row['userId']] ??= $other->getId();
			}
		}
		foreach ($this->supporters->findForItem($targetId) as $row) {
			if ($row['mergedFrom'] !== $duplicate->getId()) {
				continue;
			}
			if (isset($stillMerged[$row['userId']])) {
				$this->supporters->retag($targetId, $row['userId'], $stillMerged[$row['userId']]);
			} else {
				$this->supporters->remove($targetId, $row['userId']);
			}
		}
		$this->history->record($targetId, $userId, 'unmerged', (string)$duplicate->getId(), null, $now);
	}

	/**
	 * "Priority per organisation" of an item: for each organisation, the highest priority
	 * its people gave. The item's reporter gave the item's priority, a merged duplicate's
	 * reporter the duplicate's; a supporter the priority they chose when supporting, or, on a
	 * row without one (made before supporters chose), the priority of the item they supported
	 * (the item, or the duplicate the row was moved from). Sorted by organisation id.
	 *
	 * @param list<array{userId: string, organisationId: int, mergedFrom: ?int, priority?: ?int}> $supporters the item's supporter rows to count
	 * @param list<Item> $duplicates the merged duplicates to count
	 * @return list<array{organisationId: int, priority: 'low'|'medium'|'high'|'critical'}>
	 */
	public static function priorityPerOrganisation(Item $item, array $supporters, array $duplicates): array {
		$priorityOf = [$item->getId() => $item->getPriority()];
		$highest = [$item->getOrgId() => $item->getPriority()];
		foreach ($duplicates as $duplicate) {
			$priorityOf[$duplicate->getId()] = $duplicate->getPriority();
			$highest[$duplicate->getOrgId()] = max($highest[$duplicate->getOrgId()] ?? 0, $duplicate->getPriority());
		}
		foreach ($supporters as $row) {
			$source = $row['mergedFrom'] ?? $item->getId();
			if (!isset($priorityOf[$source])) {
				continue; // moved from a duplicate the actor may not see
			}
			$priority = $row['priority'] ?? $priorityOf[$source];
			$highest[$row['organisationId']] = max($highest[$row['organisationId']] ?? 0, $priority);
		}
		ksort($highest);
		$result = [];
		foreach ($highest as $orgId => $priority) {
			$result[] = ['organisationId' => $orgId, 'priority' => Priority::from($priority)->key()];
		}
		return $result;
	}
}
