<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Attachment;
use OCA\PilotFeedback\Db\AttachmentMapper;
use OCA\PilotFeedback\Db\HistoryEntry;
use OCA\PilotFeedback\Db\HistoryMapper;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemChange;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\Model\TitleWords;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Report items [Meldungen]: filing, reading, editing, support and triage, each checked
 * against Policy. An item someone may not see answers as if it did not exist (404), so
 * that not even the existence of a security finding leaks.
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemPage from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemSuggestion from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemService {
	public function __construct(
		private Policy $policy,
		private ItemMapper $items,
		private HistoryMapper $history,
		private AttachmentMapper $attachmentMapper,
		private SupporterMapper $supporters,
		private ItemWordMapper $words,
		private LinkMapper $links,
		private CatalogueService $catalogue,
		private AttachmentService $attachments,
		private ItemPresenter $presenter,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private TransitionRule $transitions,
		private MergeService $merges,
		private IEventDispatcher $dispatcher,
	) {
	}

	/**
	 * @param array<string, mixed> $params filters, sort, order, page, limit
	 * @return PilotFeedbackItemPage
	 */
	public function list(Actor $actor, array $params): array {
		$this->requireReader($actor);
		$query = ItemQuery::fromParams($params);
		return [
			'items' => $this->presenter->list($actor, $this->items->findPage($actor, $query)),
			'total' => $this->items->count($actor, $query),
			'page' => $query->page,
			'limit' => $query->limit,
		];
	}

	/**
	 * Visible items whose titles resemble the given text, to support instead of filing twice.
	 *
	 * @return list<PilotFeedbackItemSuggestion>
	 */
	public function suggestions(Actor $actor, mixed $text, mixed $limit): array {
		$this->requireReader($actor);
		$text = Validator::optionalLine($text, 'Search text');
		$limit = ($limit === null || $limit === '') ? 5 : Validator::intInRange($limit, 'Limit', 1, 20);
		$words = TitleWords::query($text);
		if ($words === []) {
			return [];
		}
		return array_map(static fn (Item $item): array => [
			'id' => $item->getId(),
			'title' => $item->getTitle(),
			'type' => ItemType::from($item->getType())->value,
			'status' => ItemStatus::from($item->getStatus())->value,
			'supportCount' => $item->getSupportCount(),
		], $this->items->findSimilar($actor, $words, $limit));
	}

	/** @return PilotFeedbackItemDetail */
	public function get(Actor $actor, int $id): array {
		return $this->presenter->detail($actor, $this->visible($actor, $id));
	}

	/**
	 * Files an item for one of the actor's organisations.
	 *
	 * @param array<string, mixed> $input type, title, body, componentId, pilotId, priority, attachmentIds, organisationId
	 * @return PilotFeedbackItemDetail
	 */
	public function create(Actor $actor, array $input): array {
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation file items. Ask your administrator to add your group to an organisation.');
		$type = ItemType::from(Validator::oneOf($input['type'] ?? null, 'Type', ItemType::values()));
		$orgId = $this->organisationFor($actor, $input['organisationId'] ?? null);

		$item = new Item();
		$item->setType($type->value);
		$item->setConfidential($type->isConfidential());
		$item->setReporterId($actor->userId);
		$item->setOrgId($orgId);
		$item->setStatus(ItemStatus::New->value);
		$this->applyContent($actor, $item, $input, $orgId);
		$attachments = $this->attachments->resolve($actor->userId, Validator::ids($input['attachmentIds'] ?? null, 'Attachments', 20));
		$now = $this->time->getTime();
		$item->setCreatedAt($now);
		$item->setUpdatedAt($now);

		$saved = $this->transactions->run(function () use ($actor, $item, $attachments, $now): Item {
			// a fresh copy per attempt: a repeated attempt must insert without the id of a rolled-back one
			$saved = $this->items->insert(clone $item);
			$this->words->insert($saved->getId(), $saved->getTitle());
			$this->replaceAttachments($saved->getId(), $attachments);
			$this->record($saved->getId(), $actor->userId, 'created', null, $saved->getTitle(), $now);
			return $saved;
		});
		$this->dispatcher->dispatchTyped(new ItemCreated($saved, $actor->userId));
		return $this->presenter->detail($actor, $saved);
	}

	/**
	 * Edits title, text, priority, component, pilot and attachments. The input holds the
	 * fields sent: attachmentIds left out keeps the attachments, null or [] removes them.
	 * The version the client saw must be sent; an outdated one is refused (409).
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackItemDetail
	 * @throws ItemConflictException when the item changed since the version sent
	 */
	public function update(Actor $actor, int $id, array $input): array {
		$item = $this->visible($actor, $id);
		$this->policy->require(
			$this->policy->canEditItem($actor, ItemPresenter::facts($item)),
			'You may edit your own items while they are new; coordinators edit their organisation\'s items.',
		);
		$version = $this->expectedVersion($actor, $item, $input);
		$before = $this->snapshot($item);
		$merged = [...$this->editableFields($item), ...$input];
		$this->applyContent($actor, $item, $merged, $item->getOrgId());
		$newAttachments = array_key_exists('attachmentIds', $input)
			? $this->attachments->resolve($actor->userId, Validator::ids($input['attachmentIds'], 'Attachments', 20))
			: null;
		return $this->persist($actor, $item, $version, $before, $newAttachments);
	}

	/**
	 * Triage by a consolidator: status, consolidated priority, duplicate-of, vendor reference
	 * and URL. The version the client saw must be sent; an outdated one is refused (409).
	 *
	 * Setting status duplicate with duplicateOf = A merges the item into A (MergeService);
	 * moving a duplicate to another status undoes the merge. Both happen in the same
	 * transaction as the status change.
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackItemDetail
	 * @throws ItemConflictException when the item changed since the version sent
	 */
	public function triage(Actor $actor, int $id, array $input): array {
		$item = $this->visible($actor, $id);
		$this->policy->require($this->policy->canTriage($actor), 'Only consolidators change the status of an item.');
		$version = $this->expectedVersion($actor, $item, $input);
		$before = $this->snapshot($item);

		$status = ItemStatus::from(Validator::oneOf($input['status'] ?? $item->getStatus(), 'Status', ItemStatus::values()));
		$current = ItemStatus::from($item->getStatus());
		$this->transitions->check($current, $status);
		$item->setStatus($status->value);
		if (array_key_exists('consolidatedPriority', $input)) {
			$item->setConsPriority(in_array($input['consolidatedPriority'], [null, ''], true)
				? null
				: Priority::fromKey(Validator::oneOf($input['consolidatedPriority'], 'Consolidated priority', Priority::keys()))->value);
		}
		if (array_key_exists('vendorReference', $input)) {
			$item->setVendorRef(Validator::optionalLine($input['vendorReference'], 'Vendor reference'));
		}
		if (array_key_exists('vendorUrl', $input)) {
			$url = Validator::optionalHttpsUrl($input['vendorUrl'], 'Vendor URL');
			$item->setVendorUrl($url === '' ? null : $url);
		}
		$wasDuplicateOf = $current === ItemStatus::Duplicate ? $item->getDuplicateOf() : null;
		$duplicateOf = array_key_exists('duplicateOf', $input) ? Validator::optionalId($input['duplicateOf'], 'Duplicate of') : $item->getDuplicateOf();
		if ($status === ItemStatus::Duplicate) {
			if ($duplicateOf === null) {
				throw new ValidationException('Name the item this one duplicates (another item\'s id).');
			}
			if ($wasDuplicateOf !== null && $duplicateOf !== $wasDuplicateOf) {
				throw new ValidationException('This item is already a duplicate of #%1$s. Set it back to "In review" first, then name the other original.', [(string)$wasDuplicateOf]);
			}
			// the rules are checked now for a quick answer, and again under the lock in merge()
			$this->merges->check($item, $this->items->get($duplicateOf));
		} else {
			$duplicateOf = null;
		}
		$item->setDuplicateOf($duplicateOf);

		$mergeStep = null;
		if ($duplicateOf !== null && $wasDuplicateOf === null) {
			$mergeStep = function (int $now) use ($item, $duplicateOf, $actor): void {
				$this->merges->merge($item, $duplicateOf, $actor->userId, $now);
			};
		} elseif ($wasDuplicateOf !== null && $duplicateOf === null) {
			$mergeStep = function (int $now) use ($item, $wasDuplicateOf, $actor): void {
				$this->merges->unmerge($item, $wasDuplicateOf, $actor->userId, $now);
			};
		}
		return $this->persist($actor, $item, $version, $before, null, $mergeStep);
	}

	/**
	 * The version the client saw, required for edits and triage; an outdated one is refused
	 * at once (and again, atomically, when the change is written).
	 *
	 * @param array<string, mixed> $input
	 * @throws ValidationException without a version
	 * @throws ItemConflictException with an outdated one
	 */
	private function expectedVersion(Actor $actor, Item $item, array $input): int {
		if (!array_key_exists('version', $input) || $input['version'] === null || $input['version'] === '') {
			throw ValidationException::field('%1$s is missing: send the "version" of the item as you last loaded it.', 'Version');
		}
		$version = Validator::intInRange($input['version'], 'Version', 1, 999_999_999);
		if ($version !== $item->getVersion()) {
			throw ItemConflictException::stale()->withCurrent($this->presenter->detail($actor, $item));
		}
		return $version;
	}

	/**
	 * "Concerns us too": records the supporting user and organisation.
	 *
	 * @return PilotFeedbackItemDetail
	 */
	public function support(Actor $actor, int $id, bool $supports): array {
		$item = $this->visible($actor, $id);
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation support items.');
		$this->policy->require(!$supports || $item->getReporterId() !== $actor->userId, 'You filed this item, so it already counts for you; support is for the others who share the need.');
		$changed = $this->transactions->run(function () use ($actor, $item, $supports): bool {
			$orgId = in_array($item->getOrgId(), $actor->organisationIds(), true) ? $item->getOrgId() : $actor->organisationIds()[0];
			$changed = $supports
				? $this->supporters->add($item->getId(), $actor->userId, $orgId, $this->time->getTime())
				: $this->supporters->remove($item->getId(), $actor->userId);
			if ($changed) {
				$this->supporters->refreshCount($item->getId());
			}
			return $changed;
		}, [DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION]); // the same user twice at once: the next attempt sees the first
		if ($changed) {
			$this->dispatcher->dispatchTyped(new ItemSupported($item, $actor->userId, $supports));
		}
		return $this->get($actor, $id);
	}

	/** The item, if the actor may see it; otherwise a 404 that says nothing about its existence. */
	public function visible(Actor $actor, int $id): Item {
		$this->requireReader($actor);
		$item = $this->items->get($id);
		if (!$this->policy->canSeeItem($actor, ItemPresenter::facts($item))) {
			throw new NotFoundException('Item %1$s does not exist or you may not see it.', [(string)$id]);
		}
		return $item;
	}

	private function requireReader(Actor $actor): void {
		$this->policy->require($this->policy->canReadItems($actor), 'You are not a member of a test organisation yet. Ask your administrator to add your group to one.');
	}

	private function organisationFor(Actor $actor, mixed $organisationId): int {
		if ($organisationId === null || $organisationId === '') {
			return $actor->organisationIds()[0];
		}
		$orgId = Validator::id($organisationId, 'Organisation');
		$this->policy->require($this->policy->canActFor($actor, $orgId), 'You can only file items for your own organisation.');
		return $orgId;
	}

	/**
	 * Checks and sets the fields a reporter writes. The component must belong to a pilot of the organisation, and the pilot must contain it.
	 *
	 * @param array<string, mixed> $input
	 */
	private function applyContent(Actor $actor, Item $item, array $input, int $orgId): void {
		$item->setTitle(Validator::requiredLine($input['title'] ?? null, 'Title'));
		$item->setBody(Validator::optionalText($input['body'] ?? null, 'Text'));
		$item->setPriority(Priority::fromKey(Validator::oneOf($input['priority'] ?? null, 'Priority', Priority::keys()))->value);
		$componentId = Validator::id($input['componentId'] ?? null, 'Component');
		$pilotId = Validator::id($input['pilotId'] ?? null, 'Pilot');

		$orgPilots = $this->links->rightsByLeft(Link::OrganisationPilots, [$orgId])[$orgId] ?? [];
		$visiblePilots = array_map(static fn ($p): int => $p->getId(), $this->catalogue->visiblePilots($actor, false));
		if (!in_array($pilotId, $orgPilots, true) && !($actor->isConsolidator && in_array($pilotId, $visiblePilots, true))) {
			throw new ValidationException('Pilot: choose one of the pilots your organisation takes part in.');
		}
		$componentsOfPilot = $this->links->rightsByLeft(Link::PilotComponents, [$pilotId])[$pilotId] ?? [];
		if (!in_array($componentId, $componentsOfPilot, true)) {
			throw new ValidationException('Component: choose a component of the chosen pilot.');
		}
		$item->setComponentId($componentId);
		$item->setPilotId($pilotId);
	}

	/** @return array<string, mixed> the current editable values in API form */
	private function editableFields(Item $item): array {
		return [
			'title' => $item->getTitle(),
			'body' => $item->getBody(),
			'priority' => Priority::from($item->getPriority())->key(),
			'componentId' => $item->getComponentId(),
			'pilotId' => $item->getPilotId(),
		];
	}

	/** @return array<string, ?string> the fields the history tracks, as text */
	private function snapshot(Item $item): array {
		$cons = $item->getConsPriority();
		$duplicateOf = $item->getDuplicateOf();
		return [
			'title' => $item->getTitle(),
			'body' => $item->getBody() ?? '',
			'priority' => Priority::from($item->getPriority())->key(),
			'componentId' => (string)$item->getComponentId(),
			'pilotId' => (string)$item->getPilotId(),
			'status' => $item->getStatus(),
			'consolidatedPriority' => $cons === null ? null : Priority::from($cons)->key(),
			'duplicateOf' => $duplicateOf === null ? null : (string)$duplicateOf,
			'vendorReference' => $item->getVendorRef() ?? '',
			'vendorUrl' => $item->getVendorUrl() ?? '',
		];
	}

	/**
	 * Saves the item and writes one history entry per changed field, all or nothing. The
	 * first statement raises the version if it still is $version (else 409, nothing saved),
	 * so that of two writers who saw the same version only one succeeds.
	 *
	 * @param array<string, ?string> $before
	 * @param list<Attachment>|null $attachments the new attachments, or null to keep them
	 * @param (callable(int): void)|null $also further work of the same transaction (a merge), given the time
	 * @return PilotFeedbackItemDetail
	 * @throws ItemConflictException when the item changed since $version
	 */
	private function persist(Actor $actor, Item $item, int $version, array $before, ?array $attachments, ?callable $also = null): array {
		$after = $this->snapshot($item);
		$now = $this->time->getTime();
		$item->setUpdatedAt($now);
		try {
			$this->transactions->run(function () use ($actor, $item, $version, $before, $after, $attachments, $also, $now): void {
				$this->write($actor, $item, $version, $before, $after, $attachments, $also, $now);
			});
		} catch (ItemConflictException $e) {
			throw $e->withCurrent($this->get($actor, $item->getId()));
		}
		foreach (ItemChange::events($item, $actor->userId, $before, $after) as $event) {
			$this->dispatcher->dispatchTyped($event);
		}
		return $this->presenter->detail($actor, $item);
	}

	/**
	 * The work of persist's transaction.
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
		$this->items->update($item);
		if ($also !== null) {
			$also($now);
		}
		if ($after['title'] !== $before['title']) {
			$this->words->replace($item->getId(), $item->getTitle());
		}
		foreach ($after as $field => $value) {
			if ($value !== $before[$field]) {
				$this->record($item->getId(), $actor->userId, $field, $before[$field], $value, $now);
			}
		}
		if ($attachments !== null) {
			$old = array_map(static fn (Attachment $a): string => $a->getName(), $this->attachmentMapper->findForItem($item->getId()));
			$new = array_map(static fn (Attachment $a): string => $a->getName(), $attachments);
			if ($old !== $new) {
				$this->replaceAttachments($item->getId(), $attachments);
				$this->record($item->getId(), $actor->userId, 'attachments', implode(', ', $old), implode(', ', $new), $now);
			}
		}
	}

	/** @param list<Attachment> $attachments */
	private function replaceAttachments(int $itemId, array $attachments): void {
		foreach ($this->attachmentMapper->findForItem($itemId) as $existing) {
			$this->attachmentMapper->delete($existing);
		}
		foreach ($attachments as $attachment) {
			$copy = clone $attachment;
			$copy->setItemId($itemId);
			$this->attachmentMapper->insert($copy);
		}
	}

	private function record(int $itemId, string $userId, string $field, ?string $old, ?string $new, int $now): void {
		$entry = new HistoryEntry();
		$entry->setItemId($itemId);
		$entry->setUserId($userId);
		$entry->setField($field);
		$entry->setOldValue($old);
		$entry->setNewValue($new);
		$entry->setCreatedAt($now);
		$this->history->insert($entry);
	}
}
