<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Service;

use OCA\PilotFeedback\Db\Attachment;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemFacts;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCP\IUserManager;

/**
 * Turns items into the API's Item and ItemDetail shapes, with what the actor may do to them.
 *
 * @psalm-import-type PilotFeedbackItem from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemPresenter {
	public function __construct(
		private Policy $policy,
		private SupporterMapper $supporters,
		private AttachmentMapper $attachments,
		private HistoryMapper $history,
		private IUserManager $userManager,
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
		return array_map(fn (Item $item): array => $this->item($actor, $item, in_array($item->getId(), $supported, true)), $items);
	}

	/** @return PilotFeedbackItemDetail */
	public function detail(Actor $actor, Item $item): array {
		$supporters = $this->supporters->findForItem($item->getId());
		$supportedByMe = in_array($actor->userId, array_column($supporters, 'userId'), true);
		return [
			...$this->item($actor, $item, $supportedByMe),
			'attachments' => array_map(static fn (Attachment $a): array => $a->jsonSerialize(), $this->attachments->findForItem($item->getId())),
			'history' => array_map(fn (HistoryEntry $e): array => [
				'id' => $e->getId(),
				'userId' => $e->getUserId(),
				'userName' => $this->name($e->getUserId()),
				'field' => $e->getField(),
				'oldValue' => $e->getOldValue(),
				'newValue' => $e->getNewValue(),
				'createdAt' => $e->getCreatedAt(),
			], $this->history->findForItem($item->getId())),
			'supporters' => array_map(fn (array $s): array => [...$s, 'displayName' => $this->name($s['userId'])], $supporters),
			'canChangeStatus' => $this->policy->canTriage($actor),
		];
	}

	/** @return PilotFeedbackItem */
	private function item(Actor $actor, Item $item, bool $supportedByMe): array {
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
			'duplicateOf' => $item->getDuplicateOf(),
			'vendorReference' => $item->getVendorRef() ?? '',
			'supportCount' => $item->getSupportCount(),
			'supportedByMe' => $supportedByMe,
			'canEdit' => $this->policy->canEditItem($actor, self::facts($item)),
			'createdAt' => $item->getCreatedAt(),
			'updatedAt' => $item->getUpdatedAt(),
		];
	}

	private function name(string $userId): string {
		return $this->userManager->getDisplayName($userId) ?? $userId;
	}
}
