<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Reference;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Item\ItemPresenter;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Search\ItemSearchProvider;
use OCP\Collaboration\Reference\ADiscoverableReferenceProvider;
use OCP\Collaboration\Reference\IReference;
use OCP\Collaboration\Reference\ISearchableReferenceProvider;
use OCP\Collaboration\Reference\Reference;
use OCP\IL10N;
use OCP\IUserSession;

/**
 * Link previews of report items (Talk, Text, Deck, Mail): an item's URL shows its title,
 * type, priority, status and supporters, to those who may see the item; to everyone else,
 * and for unknown ids, nothing. Previews are cached per item and user.
 */
class ItemReferenceProvider extends ADiscoverableReferenceProvider implements ISearchableReferenceProvider {
	public const RICH_OBJECT_TYPE = 'pilotfeedback-item';

	public function __construct(
		private IL10N $l10n,
		private IUserSession $userSession,
		private ActorFactory $actors,
		private Policy $policy,
		private ItemMapper $items,
		private AppLinks $links,
	) {
	}

	public function getId(): string {
		return Application::APP_ID . '-item';
	}

	public function getTitle(): string {
		return $this->l10n->t('Pilot Feedback items');
	}

	public function getOrder(): int {
		return 50;
	}

	public function getIconUrl(): string {
		return $this->links->icon();
	}

	public function getSupportedSearchProviderIds(): array {
		return [ItemSearchProvider::ID];
	}

	public function matchReference(string $referenceText): bool {
		return $this->links->itemIdIn($referenceText) !== null;
	}

	public function resolveReference(string $referenceText): ?IReference {
		$id = $this->links->itemIdIn($referenceText);
		$user = $this->userSession->getUser();
		if ($id === null || $user === null) {
			return null;
		}
		$item = $this->items->findByIds([$id])[0] ?? null;
		if ($item === null || !$this->policy->canSeeItem($this->actors->forUser($user), ItemPresenter::facts($item))) {
			return null;
		}
		$type = Labels::type($this->l10n, $item->getType());
		$priority = Labels::priority($this->l10n, $item->shownPriority());
		$status = Labels::status($this->l10n, $item->getStatus());
		$supporters = $this->l10n->n('%n supporter', '%n supporters', $item->getSupportCount());

		$reference = new Reference($referenceText);
		$reference->setTitle($item->getTitle());
		$reference->setDescription(implode(' · ', [$type, $priority, $status, $supporters]));
		$reference->setImageUrl($this->links->icon());
		$reference->setUrl($this->links->item($item->getId()));
		$reference->setRichObject(self::RICH_OBJECT_TYPE, [
			'id' => $item->getId(),
			'title' => $item->getTitle(),
			'type' => $item->getType(),
			'typeLabel' => $type,
			'priority' => $item->shownPriority(),
			'priorityLabel' => $priority,
			'status' => $item->getStatus(),
			'statusLabel' => $status,
			'supportCount' => $item->getSupportCount(),
			'url' => $this->links->item($item->getId()),
		]);
		return $reference;
	}

	/** Previews are cached per item… */
	public function getCachePrefix(string $referenceId): string {
		return (string)($this->links->itemIdIn($referenceId) ?? '');
	}

	/** …and per user and roles, since who may see an item differs, and roles change. */
	public function getCacheKey(string $referenceId): ?string {
		$user = $this->userSession->getUser();
		if ($user === null) {
			return '';
		}
		$actor = $this->actors->forUser($user);
		return implode('|', [$actor->userId, $actor->isConsolidator ? 'c' : '', implode(',', $actor->memberOrgIds), implode(',', $actor->coordinatorOrgIds)]);
	}
}
