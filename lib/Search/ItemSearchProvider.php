<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Search;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemSearchMapper;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCP\IL10N;
use OCP\IUser;
use OCP\Search\FilterDefinition;
use OCP\Search\IFilteringProvider;
use OCP\Search\ISearchQuery;
use OCP\Search\SearchResult;
use OCP\Search\SearchResultEntry;

/**
 * Report items in Nextcloud's unified search: title and text, paged by offset, visibility
 * applied in the query. A term longer than MAX_TERM finds nothing (a title is at most 255).
 */
class ItemSearchProvider implements IFilteringProvider {
	public const ID = 'pilotfeedback-items';
	/** Longest term searched; longer ones find nothing. */
	public const MAX_TERM = 255;
	/** Most results per page, whatever the client asks. */
	private const MAX_LIMIT = 50;

	public function __construct(
		private IL10N $l10n,
		private ActorFactory $actors,
		private Policy $policy,
		private ItemSearchMapper $mapper,
		private AppLinks $links,
	) {
	}

	public function getId(): string {
		return self::ID;
	}

	public function getName(): string {
		return $this->l10n->t('Pilot Feedback items');
	}

	public function getOrder(string $route, array $routeParameters): ?int {
		return str_starts_with($route, Application::APP_ID . '.') ? -1 : 40;
	}

	public function search(IUser $user, ISearchQuery $query): SearchResult {
		$term = trim($query->getTerm());
		$actor = $this->actors->forUser($user);
		if ($term === '' || mb_strlen($term) > self::MAX_TERM || !$this->policy->canReadItems($actor)) {
			return SearchResult::complete($this->getName(), []);
		}
		$cursor = $query->getCursor();
		$offset = is_numeric($cursor) ? max(0, (int)$cursor) : 0;
		$limit = max(1, min(self::MAX_LIMIT, $query->getLimit()));
		/** @var mixed $since */
		$since = $query->getFilter('since')?->get();
		/** @var mixed $until */
		$until = $query->getFilter('until')?->get();
		/** @var mixed $person */
		$person = $query->getFilter('person')?->get();
		$items = $this->mapper->search(
			$actor,
			$term,
			$since instanceof \DateTimeInterface ? $since->getTimestamp() : null,
			$until instanceof \DateTimeInterface ? $until->getTimestamp() : null,
			$person instanceof IUser ? $person->getUID() : null,
			$offset,
			$limit,
		);
		$entries = array_map($this->entry(...), $items);
		return count($items) < $limit
			? SearchResult::complete($this->getName(), $entries)
			: SearchResult::paginated($this->getName(), $entries, $offset + count($items));
	}

	public function getSupportedFilters(): array {
		return ['term', 'since', 'until', 'person'];
	}

	public function getAlternateIds(): array {
		return [];
	}

	/** @return list<FilterDefinition> */
	public function getCustomFilters(): array {
		return [];
	}

	private function entry(Item $item): SearchResultEntry {
		$subline = implode(' · ', [
			'#' . $item->getId(),
			Labels::type($this->l10n, $item->getType()),
			Labels::status($this->l10n, $item->getStatus()),
			Labels::priority($this->l10n, $item->shownPriority()),
		]);
		$entry = new SearchResultEntry('', $item->getTitle(), $subline, $this->links->item($item->getId()), $this->links->icon());
		$entry->addAttribute('itemId', (string)$item->getId());
		return $entry;
	}
}
