<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\TitleWords;
use OCA\PilotFeedback\People\Policy;

/**
 * Reading report items [Meldungen]: the list, the suggestions while filing, one item. An item
 * someone may not see answers as if it did not exist (404), so that not even the existence of
 * a security finding leaks; every service that acts on one item finds it through visible().
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemPage from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackItemSuggestion from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemReader {
	public function __construct(
		private Policy $policy,
		private ItemMapper $items,
		private ItemPresenter $presenter,
	) {
	}

	/**
	 * @param array<string, mixed> $params filters, sort, order, page, limit
	 * @return PilotFeedbackItemPage
	 */
	public function list(Actor $actor, array $params): array {
		$this->requireReader($actor);
		$query = ItemQuery::fromParams($params);
		$page = $this->items->findPageWithTotal($actor, $query);
		return [
			'items' => $this->presenter->list($actor, $page['items']),
			'total' => $page['total'],
			'totalCapped' => $page['totalCapped'],
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
		return $this->detail($actor, $this->visible($actor, $id));
	}

	/**
	 * The full answer for an item the caller has found through visible().
	 *
	 * @return PilotFeedbackItemDetail
	 */
	public function detail(Actor $actor, Item $item): array {
		return $this->presenter->detail($actor, $item);
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
}
