<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\Attachment;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemFacts;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCP\IUserManager;

/**
 * Turns items into the API's Item and ItemDetail shapes, with what the actor may do to them.
 * A reference to another item (duplicateOf, and the duplicateOf values in the history) is
 * shown only if the actor may see that item; otherwise it is null, so that no answer carries
 * the id or the existence of an item the actor may not see.
 *
 * @psalm-import-type PilotFeedbackItem from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemHistoryEntry from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemPresenter {
	public function __construct(
		private Policy $policy,
		private SupporterMapper $supporters,
		private AttachmentMapper $attachments,
		private HistoryMapper $history,
		private ItemMapper $items,
		private IUserManager $userManager,
		private TransitionRule $transitions,
	) {
	}

	public static function facts(Item $item): ItemFacts {
		return new ItemFacts((bool)$item->getConfidential(), $item->getReporterId(), $item->getOrgId(), $item->getStatus());
	}

	/**
	 * @param list<Item> $items
	 * @return list<PilotFeedbackItem>
	 */
	public function list(Actor $actor, array $items): array {
		$supported = $this->supporters->supportedBy($actor->userId, array_map(static fn (Item $i): int => $i->getId(), $items));
		$visible = $this->visibleReferences($actor, array_map(static fn (Item $i): ?int => $i->getDuplicateOf(), $items));
		return array_map(fn (Item $item): array => $this->item($actor, $item, in_array($item->getId(), $supported, true), $visible), $items);
	}

	/**
	 * The full item. Its merged duplicates, the supporters moved from them and their share of
	 * the priority per organisation are shown only as far as the actor may see those duplicates.
	 *
	 * @return PilotFeedbackItemDetail
	 */
	public function detail(Actor $actor, Item $item): array {
		$history = $this->history->findForItem($item->getId());
		$duplicates = array_values(array_filter(
			$this->items->findDuplicatesOf($item->getId()),
			fn (Item $d): bool => $this->policy->canSeeItem($actor, self::facts($d)),
		));
		$references = [$item->getDuplicateOf()];
		foreach ($history as $entry) {
			if (in_array($entry->getField(), self::REFERENCE_FIELDS, true)) {
				$references[] = self::idOf($entry->getOldValue());
				$references[] = self::idOf($entry->getNewValue());
			}
		}
		$supporters = $this->supporters->findForItem($item->getId());
		foreach ($supporters as $row) {
			$references[] = $row['mergedFrom'];
		}
		$visible = $this->visibleReferences($actor, $references);
		$shown = array_values(array_filter($supporters, static fn (array $s): bool => $s['mergedFrom'] === null || in_array($s['mergedFrom'], $visible, true)));
		$supportedByMe = in_array($actor->userId, array_column($supporters, 'userId'), true);
		// the priority a supporter gave, or that of the item they supported (rows without one)
		$priorityOf = [$item->getId() => $item->getPriority()];
		foreach ($duplicates as $duplicate) {
			$priorityOf[$duplicate->getId()] = $duplicate->getPriority();
		}
		return [
			...$this->item($actor, $item, $supportedByMe, $visible),
			'attachments' => array_map(static fn (Attachment $a): array => $a->jsonSerialize(), $this->attachments->findForItem($item->getId())),
			'history' => $this->history($history, $visible),
			'supporters' => array_map(fn (array $s): array => [
				'userId' => $s['userId'],
				'displayName' => $this->name($s['userId']),
				'organisationId' => $s['organisationId'],
				'mergedFrom' => $s['mergedFrom'],
				'priority' => Priority::from($s['priority'] ?? $priorityOf[$s['mergedFrom'] ?? $item->getId()] ?? $item->getPriority())->key(),
			], $shown),
			'canChangeStatus' => $this->policy->canTriage($actor),
			'mergedDuplicates' => array_map(static fn (Item $d): array => [
				'id' => $d->getId(),
				'title' => $d->getTitle(),
				'organisationId' => $d->getOrgId(),
				'priority' => Priority::from($d->getPriority())->key(),
			], $duplicates),
			'priorityPerOrganisation' => MergeService::priorityPerOrganisation($item, $shown, $duplicates),
		];
	}

	/** History fields whose values are item ids, shown only to those who may see that item. */
	private const REFERENCE_FIELDS = ['duplicateOf', 'merged', 'unmerged'];

	/**
	 * The history entries in API form; a duplicateOf value naming an item the actor may not
	 * see becomes null, and an entry left with nothing to show is dropped.
	 *
	 * @param list<HistoryEntry> $entries
	 * @param list<int> $visible the referenced item ids the actor may see
	 * @return list<PilotFeedbackItemHistoryEntry>
	 */
	private function history(array $entries, array $visible): array {
		$rows = [];
		foreach ($entries as $e) {
			$old = $e->getOldValue();
			$new = $e->getNewValue();
			if (in_array($e->getField(), self::REFERENCE_FIELDS, true)) {
				$old = in_array(self::idOf($old), $visible, true) ? $old : null;
				$new = in_array(self::idOf($new), $visible, true) ? $new : null;
				if ($old === null && $new === null) {
					continue;
				}
			}
			$rows[] = [
				'id' => $e->getId(),
				'userId' => $e->getUserId(),
				'userName' => $this->name($e->getUserId()),
				'field' => $e->getField(),
				'oldValue' => $old,
				'newValue' => $new,
				'createdAt' => $e->getCreatedAt(),
			];
		}
		return $rows;
	}

	/**
	 * Which of the referenced item ids name an item the actor may see.
	 *
	 * @param list<?int> $ids
	 * @return list<int>
	 */
	private function visibleReferences(Actor $actor, array $ids): array {
		$ids = array_values(array_unique(array_filter($ids, static fn (?int $id): bool => $id !== null)));
		$visible = [];
		foreach ($this->items->findByIds($ids) as $referenced) {
			if ($this->policy->canSeeItem($actor, self::facts($referenced))) {
				$visible[] = $referenced->getId();
			}
		}
		return $visible;
	}

	private static function idOf(?string $value): ?int {
		return ($value !== null && preg_match('/^[1-9]\d*$/D', $value) === 1) ? (int)$value : null;
	}

	/**
	 * @param list<int> $visible the referenced item ids the actor may see
	 * @return PilotFeedbackItem
	 */
	private function item(Actor $actor, Item $item, bool $supportedByMe, array $visible): array {
		$duplicateOf = $item->getDuplicateOf();
		$consolidated = $item->getConsPriority();
		return [
			'id' => $item->getId(),
			'type' => ItemType::from($item->getType())->value,
			'title' => $item->getTitle(),
			'body' => $item->getBody() ?? '',
			'componentId' => $item->getComponentId(),
			'pilotId' => $item->getPilotId(),
			'priority' => Priority::from($item->getPriority())->key(),
			'consolidatedPriority' => $consolidated === null ? null : Priority::from($consolidated)->key(),
			'status' => ItemStatus::from($item->getStatus())->value,
			'reporterId' => $item->getReporterId(),
			'reporterName' => $this->name($item->getReporterId()),
			'organisationId' => $item->getOrgId(),
			'duplicateOf' => in_array($duplicateOf, $visible, true) ? $duplicateOf : null,
			'vendorReference' => $item->getVendorRef() ?? '',
			'vendorUrl' => $item->getVendorUrl() ?? '',
			'supportCount' => $item->getSupportCount(),
			'supportedByMe' => $supportedByMe,
			'canEdit' => $this->policy->canEditItem($actor, self::facts($item)),
			'allowedStatuses' => array_map(static fn (ItemStatus $s): string => $s->value, $this->transitions->allowed($actor, ItemStatus::from($item->getStatus()))),
			'version' => $item->getVersion(),
			'createdAt' => $item->getCreatedAt(),
			'updatedAt' => $item->getUpdatedAt(),
		];
	}

	private function name(string $userId): string {
		return $this->userManager->getDisplayName($userId) ?? $userId;
	}
}
