<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Attachment;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemChange;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Saves one item with what belongs to it (title words, attachments, history), each save one
 * transaction, and announces it after the commit. Filing inserts; editing and triage save
 * against the version the client saw, so that of two writers who saw the same version only
 * one succeeds and the other gets 409 with the item as it is now.
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemWriter {
	public function __construct(
		private ItemMapper $items,
		private ItemWordMapper $words,
		private AttachmentMapper $attachments,
		private ItemHistory $history,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
		private ItemReader $reader,
		private RankingWeights $weights,
	) {
	}

	/**
	 * Inserts a new item with its title words and attachments and records it as created.
	 *
	 * @param list<Attachment> $attachments
	 * @return PilotFeedbackItemDetail
	 */
	public function add(Actor $actor, Item $item, array $attachments): array {
		$now = $this->time->getTime();
		$item->setCreatedAt($now);
		$item->setUpdatedAt($now);

		$saved = $this->transactions->run(function () use ($actor, $item, $attachments, $now): Item {
			// a fresh copy per attempt: a repeated attempt must insert without the id of a rolled-back one
			$saved = $this->items->insert(clone $item);
			$this->words->insert($saved->getId(), $saved->getTitle());
			$this->replaceAttachments($saved->getId(), $attachments);
			$this->history->record($saved->getId(), $actor->userId, 'created', null, $saved->getTitle(), $now);
			$this->weights->refresh([$saved->getId()]);
			return $saved;
		});
		$this->dispatcher->dispatchTyped(new ItemCreated($saved, $actor));
		return $this->reader->detail($actor, $saved);
	}

	/**
	 * The version the client saw, required for edits and triage; an outdated one is refused
	 * at once (and again, atomically, when the change is written).
	 *
	 * @param array<string, mixed> $input
	 * @throws ValidationException without a version
	 * @throws ItemConflictException with an outdated one
	 */
	public function expectedVersion(Actor $actor, Item $item, array $input): int {
		if (!array_key_exists('version', $input) || $input['version'] === null || $input['version'] === '') {
			throw ValidationException::field('%1$s is missing: send the "version" of the item as you last loaded it.', 'Version');
		}
		$version = Validator::intInRange($input['version'], 'Version', 1, 999_999_999);
		if ($version !== $item->getVersion()) {
			throw ItemConflictException::stale()->withCurrent($this->reader->detail($actor, $item));
		}
		return $version;
	}

	/**
	 * Saves the item and writes one history entry per changed field, all or nothing. The
	 * first statement raises the version if it still is $version (else 409, nothing saved),
	 * so that of two writers who saw the same version only one succeeds.
	 *
	 * @param array<string, ?string> $before ItemHistory::tracked() before the change
	 * @param list<Attachment>|null $attachments the new attachments, or null to keep them
	 * @param (callable(int): void)|null $also further work of the same transaction (a merge), given the time
	 * @return PilotFeedbackItemDetail
	 * @throws ItemConflictException when the item changed since $version
	 */
	public function save(Actor $actor, Item $item, int $version, array $before, ?array $attachments, ?callable $also = null): array {
		$after = ItemHistory::tracked($item);
		$now = $this->time->getTime();
		$item->setUpdatedAt($now);
		try {
			$this->transactions->run(function () use ($actor, $item, $version, $before, $after, $attachments, $also, $now): void {
				$this->write($actor, $item, $version, $before, $after, $attachments, $also, $now);
			});
		} catch (ItemConflictException $e) {
			throw $e->withCurrent($this->reader->get($actor, $item->getId()));
		}
		foreach (ItemChange::events($item, $actor, $before, $after) as $event) {
			$this->dispatcher->dispatchTyped($event);
		}
		return $this->reader->detail($actor, $item);
	}

	/**
	 * The work of save's transaction.
	 *
	 * @param array<string, ?string> $before
	 * @param array<string, ?string> $after
	 * @param list<Attachment>|null $attachments
	 * @param (callable(int): void)|null $also
	 */
	private function write(Actor $actor, Item $item, int $version, array $before, array $after, ?array $attachments, ?callable $also, int $now): void {
		if (!$this->items->claimVersion($item->getId(), $version)) {
			throw ItemConflictException::stale();
		}
		$item->setVersion($version + 1);
		$wasDuplicateOf = $this->weights->duplicateOf($item->getId());
		$this->items->update($item);
		if ($also !== null) {
			$also($now);
		}
		// the priority, organisation or merge changed the ranking weight of the item and of those it counts for
		$this->weights->refresh($this->weights->around($item->getId(), $wasDuplicateOf));
		if ($after['title'] !== $before['title']) {
			$this->words->replace($item->getId(), $item->getTitle());
		}
		$this->history->recordChanges($item->getId(), $actor->userId, $before, $after, $now);
		if ($attachments !== null) {
			$old = array_map(static fn (Attachment $a): string => $a->getName(), $this->attachments->findForItem($item->getId()));
			$new = array_map(static fn (Attachment $a): string => $a->getName(), $attachments);
			if ($old !== $new) {
				$this->replaceAttachments($item->getId(), $attachments);
				$this->history->record($item->getId(), $actor->userId, 'attachments', implode(', ', $old), implode(', ', $new), $now);
			}
		}
	}

	/** @param list<Attachment> $attachments */
	private function replaceAttachments(int $itemId, array $attachments): void {
		foreach ($this->attachments->findForItem($itemId) as $existing) {
			$this->attachments->delete($existing);
		}
		foreach ($attachments as $attachment) {
			$copy = clone $attachment;
			$copy->setItemId($itemId);
			$this->attachments->insert($copy);
		}
	}
}
