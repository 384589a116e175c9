<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;

/**
 * Filing a report item and editing what was filed: type, title, text, priority, component,
 * pilot and attachments, each checked against Policy. The component must belong to a pilot
 * the organisation takes part in. Triage (status and the consolidators' fields) is ItemTriage.
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemFiling {
	public function __construct(
		private Policy $policy,
		private LinkMapper $links,
		private PilotScope $pilotScope,
		private AttachmentService $attachments,
		private ItemReader $reader,
		private ItemWriter $writer,
	) {
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
		return $this->writer->add($actor, $item, $attachments);
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
		$item = $this->reader->visible($actor, $id);
		$this->policy->require(
			$this->policy->canEditItem($actor, ItemPresenter::facts($item)),
			'You may edit your own items while they are new; coordinators edit their organisation\'s items.',
		);
		$version = $this->writer->expectedVersion($actor, $item, $input);
		$before = ItemHistory::tracked($item);
		$merged = [...$this->editableFields($item), ...$input];
		$this->applyContent($actor, $item, $merged, $item->getOrgId());
		$newAttachments = array_key_exists('attachmentIds', $input)
			? $this->attachments->resolve($actor->userId, Validator::ids($input['attachmentIds'], 'Attachments', 20))
			: null;
		return $this->writer->save($actor, $item, $version, $before, $newAttachments);
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
		$item->setPriority(self::priority($input['priority'] ?? null));
		$componentId = Validator::id($input['componentId'] ?? null, 'Component');
		$pilotId = Validator::id($input['pilotId'] ?? null, 'Pilot');

		$orgPilots = $this->links->rightsByLeft(Link::OrganisationPilots, [$orgId])[$orgId] ?? [];
		$visiblePilots = array_map(static fn ($p): int => $p->getId(), $this->pilotScope->visiblePilots($actor, false));
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

	/**
	 * The priority the reporter chose: there is no default, so an item sent without one is
	 * refused (400 naming the field).
	 *
	 * @return int the rank (Priority)
	 * @throws ValidationException
	 */
	private static function priority(mixed $value): int {
		if ($value === null || $value === '') {
			throw ValidationException::field('%1$s is required: choose one of %2$s.', 'Priority', implode(', ', Priority::keys()));
		}
		return Priority::fromKey(Validator::oneOf($value, 'Priority', Priority::keys()))->value;
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
}
