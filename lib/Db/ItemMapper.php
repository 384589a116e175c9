<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemQuery;
use OCA\PilotFeedback\Model\TitleWords;
use OCP\AppFramework\Db\QBMapper;
use OCP\DB\QueryBuilder\ICompositeExpression;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;

/**
 * Report items. Every list query applies the visibility rule of Policy::canSeeItem in SQL,
 * so that confidential items never leave the database for someone who may not see them,
 * and pages and counts stay right.
 *
 * @template-extends QBMapper<Item>
 */
class ItemMapper extends QBMapper {
	/** @use FindsById<Item> */
	use FindsById;

	public function __construct(
		IDBConnection $db,
		private ItemMonthsMapper $months,
	) {
		parent::__construct($db, 'pf_items', Item::class);
	}

	/** @throws NotFoundException */
	public function get(int $id): Item {
		return $this->findById($id, 'Item %1$s does not exist or you may not see it.');
	}

	/**
	 * The items with the given ids that exist (unknown ids are left out).
	 *
	 * @param list<int> $ids
	 * @return list<Item>
	 */
	public function findByIds(array $ids): array {
		if ($ids === []) {
			return [];
		}
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->in('id', $qb->createNamedParameter($ids, IQueryBuilder::PARAM_INT_ARRAY)));
		return $this->findEntities($qb);
	}

	/**
	 * The first step of a versioned write: raises the item's version by one if it still is
	 * $expected. Returns false when someone else changed the item since (or it is gone).
	 * Run it inside the write's transaction, as its first statement: it holds the item's row
	 * until the commit, so that two writers that saw the same version never both succeed.
	 */
	public function claimVersion(int $id, int $expected): bool {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('version', $qb->createFunction($qb->getColumnName('version') . ' + 1'))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('version', $qb->createNamedParameter($expected, IQueryBuilder::PARAM_INT)));
		return $qb->executeStatement() === 1;
	}

	/** Raises the item's version by one and sets its time of change, whatever the version was (a merge changes the target). */
	public function bumpVersion(int $id, int $now): void {
		$qb = $this->db->getQueryBuilder();
		$qb->update($this->getTableName())
			->set('version', $qb->createFunction($qb->getColumnName('version') . ' + 1'))
			->set('updated_at', $qb->createNamedParameter($now, IQueryBuilder::PARAM_INT))
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))
			->executeStatement();
	}

	/**
	 * The items marked as duplicates of the given one (its merged duplicates), oldest first.
	 *
	 * @return list<Item>
	 */
	public function findDuplicatesOf(int $id): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('duplicate_of', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('status', $qb->createNamedParameter('duplicate')))
			->orderBy('id');
		return $this->findEntities($qb);
	}

	/**
	 * One page of the items the actor may see. The page's ids are chosen first from the
	 * filter columns alone (pf_item_list covers every filter, the visibility rule and the sort
	 * keys but the title), then only those rows are read.
	 *
	 * @return list<Item>
	 */
	public function findPage(Actor $actor, ItemQuery $query): array {
		return $this->findInOrder($this->findPageIds($actor, $query, $query->limit));
	}

	/**
	 * The ids of at most $count items from the page's start on, in the list's order.
	 *
	 * @return list<int>
	 */
	public function findPageIds(Actor $actor, ItemQuery $query, int $count): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id')->from($this->getTableName());
		$this->applyFilters($qb, $actor, $query);
		$qb->orderBy($this->sortExpression($qb, $query->sortColumn), $query->ascending ? 'ASC' : 'DESC')
			->addOrderBy('id', $query->ascending ? 'ASC' : 'DESC')
			->setFirstResult($query->offset())
			->setMaxResults($count);
		$result = $qb->executeQuery();
		$ids = array_map(static fn (mixed $id): int => (int)$id, $result->fetchAll(\PDO::FETCH_COLUMN));
		$result->closeCursor();
		return $ids;
	}

	/**
	 * The items of these ids, in this order; an item deleted in between is left out.
	 *
	 * @param list<int> $ids
	 * @return list<Item>
	 */
	public function findInOrder(array $ids): array {
		$byId = [];
		foreach ($this->findByIds($ids) as $item) {
			$byId[$item->getId()] = $item;
		}
		return array_values(array_filter(array_map(static fn (int $id): ?Item => $byId[$id] ?? null, $ids)));
	}

	/**
	 * A text search counts at most this many matches past the page's start (rounded up to
	 * whole pages): the text is matched by reading the items one by one (LIKE), so counting
	 * every match costs as much as reading every visible item; past the bound the list says
	 * "more than". EXPLAIN ANALYZE at 200 000 items on PostgreSQL, "sharing link" (10 023
	 * matches): counting all reads every item (≈ 385 ms), counting to 201 reads ≈ 4 500.
	 */
	public const SEARCH_COUNT_CAP = 200;

	/** How many of the best and newest title matches the suggestions rank by support (findSimilar). */
	public const SUGGESTION_CANDIDATES = 500;

	/**
	 * One page of the items the actor may see and how many match in all. A page that is not
	 * full (and not past the end) is the end of the list, so the total follows from it
	 * without counting again. A text search counts no further than SEARCH_COUNT_CAP items past
	 * the page's start: when more match, total is that bound and totalCapped is true.
	 *
	 * @return array{items: list<Item>, total: int, totalCapped: bool}
	 */
	public function findPageWithTotal(Actor $actor, ItemQuery $query): array {
		if ($query->search !== null) {
			return $this->findSearchPageWithTotal($actor, $query);
		}
		$items = $this->findPage($actor, $query);
		$onPage = count($items);
		if ($onPage < $query->limit && ($onPage > 0 || $query->offset() === 0)) {
			return ['items' => $items, 'total' => $query->offset() + $onPage, 'totalCapped' => false];
		}
		if ($query->filtersOnlyByPilotOrOrganisation()) {
			return ['items' => $items, 'total' => $this->countFromTotals($actor, $query), 'totalCapped' => false];
		}
		return ['items' => $items, 'total' => $this->count($actor, $query), 'totalCapped' => false];
	}

	/**
	 * A page of a text search and its bounded total from one query: the ids of the page and
	 * of the matches after it up to the bound, in the list's order. Matching reads the items
	 * one by one (LIKE on title and body), so a second query that counts them reads the same
	 * rows again (PostgreSQL, 200 000 items, a tester's "sharing link": page 7 ms and count
	 * 13 ms, against 13–17 ms for both at once). Only a page past the end counts from the start.
	 *
	 * @return array{items: list<Item>, total: int, totalCapped: bool}
	 */
	private function findSearchPageWithTotal(Actor $actor, ItemQuery $query): array {
		// whole pages, so that "more than N pages" holds when the bound is passed
		$cap = $query->offset() + $query->limit * (int)ceil(self::SEARCH_COUNT_CAP / $query->limit);
		$ids = $this->findPageIds($actor, $query, $cap + 1 - $query->offset());
		$total = $ids === [] && $query->offset() > 0
			? $this->count($actor, $query, $cap + 1)
			: $query->offset() + count($ids);
		return [
			'items' => $this->findInOrder(array_slice($ids, 0, $query->limit)),
			'total' => min($total, $cap),
			'totalCapped' => $total > $cap,
		];
	}

	/**
	 * How many items the actor may see, optionally of one pilot and organisation: the list as
	 * everyone first opens it. Counting them read every visible item (a tester at 200 000 items
	 * on PostgreSQL: a parallel sequential scan, 25 ms of a 66 ms request); the monthly item
	 * totals give the same number from a few rows per month. Only the viewer's own confidential
	 * items of organisations they do not coordinate, which the totals cannot tell apart, and
	 * items without a pilot (of versions before pilots, not in the totals) are counted here.
	 */
	public function countFromTotals(Actor $actor, ItemQuery $query): int {
		$count = $this->months->visibleCount($actor, $query->pilotId, $query->organisationId);
		$rest = $this->db->getQueryBuilder();
		$rest->select($rest->func()->count('*'))->from($this->getTableName());
		$elsewhere = [$rest->expr()->lte('pilot_id', $rest->createNamedParameter(0, IQueryBuilder::PARAM_INT))];
		if (!$actor->isConsolidator) {
			$elsewhere[] = $this->ownConfidentialUncounted($rest, $actor);
		}
		$rest->where($rest->expr()->orX(...$elsewhere));
		$this->restrictToVisible($rest, $actor);
		if ($query->pilotId !== null) {
			$rest->andWhere($rest->expr()->eq('pilot_id', $rest->createNamedParameter($query->pilotId, IQueryBuilder::PARAM_INT)));
		}
		if ($query->organisationId !== null) {
			$rest->andWhere($rest->expr()->eq('org_id', $rest->createNamedParameter($query->organisationId, IQueryBuilder::PARAM_INT)));
		}
		$result = $rest->executeQuery();
		$count += (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/**
	 * How many items the actor may see match the filters; with $atMost, no more than that
	 * many are counted (the query stops reading there).
	 */
	public function count(Actor $actor, ItemQuery $query, ?int $atMost = null): int {
		$qb = $this->db->getQueryBuilder();
		if ($atMost === null) {
			$qb->select($qb->func()->count('*'))->from($this->getTableName());
			$this->applyFilters($qb, $actor, $query);
		} else {
			$matches = $this->db->getQueryBuilder();
			$matches->select('id')->from($this->getTableName());
			$this->applyFilters($matches, $actor, $query);
			$matches->setMaxResults($atMost);
			// parameters are bound on the subquery; the outer query only wraps its SQL
			$qb->select($qb->func()->count('*'))->from($qb->createFunction('(' . $matches->getSQL() . ')'), 'm');
			$qb->setParameters($matches->getParameters(), $matches->getParameterTypes());
		}
		$result = $qb->executeQuery();
		$count = (int)$result->fetchOne();
		$result->closeCursor();
		return $count;
	}

	/**
	 * Visible items whose titles have words beginning with the given words, found through the
	 * word index (pf_item_words): those matching most words first, then the most supported,
	 * the most recently changed. Visibility is applied in SQL.
	 *
	 * Only the items that can reach the first $limit places (at least as many matching words
	 * as the bar) are joined with the items, filtered by visibility and sorted. For three words
	 * or more the bar starts at the $limit-th best's matches, tallied on the covering word index
	 * alone; for one or two, at all words. If visibility leaves fewer than $limit, the bar is
	 * lowered one word at a time.
	 *
	 * Of the items at the bar, only the SUGGESTION_CANDIDATES that match most words and were
	 * filed last are ranked by support: a common word can match tens of thousands of titles,
	 * and looking each up in the items to read its support cost more than the rest of the
	 * request (10 023 items for "sharing link" at 200 000 items on PostgreSQL: 85 ms; the
	 * newest 500 of them: 19 ms). Typing a further word narrows the matches below the cap.
	 * At the bar of all words they are read from the newest title down and the reading stops
	 * at the cap (newestWithEveryWord); below it, every title with any of the words is tallied.
	 *
	 * @param list<string> $words lower-case words of at least TitleWords::MIN_LENGTH characters
	 * @return list<Item>
	 */
	public function findSimilar(Actor $actor, array $words, int $limit): array {
		if ($words === []) {
			return [];
		}
		// With one or two words the bar starts at all of them: a second query at one word, when
		// too few match both, costs no more than the tally that would have chosen the bar.
		$bar = count($words) <= 2 ? count($words) : $this->startingBar($words, $limit);
		if ($bar === null) {
			return [];
		}

		while (true) {
			$qb = $this->db->getQueryBuilder();
			$qb->select('i.*')
				->from($qb->createFunction('(' . $this->newestMatches($qb, $words, $bar)->getSQL() . ')'), 'm')
				->innerJoin('m', $this->getTableName(), 'i', $qb->expr()->eq('i.id', 'm.item_id'));
			$this->restrictToVisible($qb, $actor, 'i.');
			$qb->orderBy('m.matches', 'DESC')
				->addOrderBy('i.support_count', 'DESC')
				->addOrderBy('i.updated_at', 'DESC')
				->addOrderBy('i.id', 'DESC')
				->setMaxResults($limit);
			$items = $this->findEntities($qb);
			if (count($items) >= $limit || $bar <= 1) {
				return $items;
			}
			$bar--;
		}
	}

	/**
	 * The SUGGESTION_CANDIDATES items matching most of the words (at least $atLeast), the
	 * last filed first among those matching as many.
	 *
	 * @param non-empty-list<string> $words
	 */
	private function newestMatches(IQueryBuilder $outer, array $words, int $atLeast): IQueryBuilder {
		if ($atLeast >= count($words)) {
			return $this->newestWithEveryWord($outer, $words);
		}
		return $this->wordMatches($outer, $words, $atLeast)
			->orderBy('matches', 'DESC')
			->addOrderBy('u.item_id', 'DESC')
			->setMaxResults(self::SUGGESTION_CANDIDATES);
	}

	/**
	 * SELECT item_id, matches: the SUGGESTION_CANDIDATES last filed items whose titles hold
	 * every word. The first word's index rows are read from the newest item down
	 * (pf_iw_newest: prefix, item_id, word), each looked up under the other words' prefixes,
	 * until enough are found: for common words a few hundred rows, where counting the matches
	 * of each word read all of them (Version000408Date20261212000001).
	 *
	 * @param non-empty-list<string> $words
	 */
	private function newestWithEveryWord(IQueryBuilder $outer, array $words): IQueryBuilder {
		$sub = $this->db->getQueryBuilder();
		$sub->select('w0.item_id')
			->selectAlias($sub->createFunction((string)count($words)), 'matches')
			->from(ItemWordMapper::TABLE, 'w0');
		foreach ($words as $i => $word) {
			$alias = 'w' . $i;
			$matches = $this->beginsATitleWord($sub, $outer, $alias, $word);
			if ($i === 0) {
				$sub->where(...$matches);
			} else {
				$sub->innerJoin('w0', ItemWordMapper::TABLE, $alias, $sub->expr()->andX($sub->expr()->eq($alias . '.item_id', 'w0.item_id'), ...$matches));
			}
		}
		// a title may hold a word twice ("link", "links"): one row per item
		return $sub->groupBy('w0.item_id')
			->orderBy('w0.item_id', 'DESC')
			->setMaxResults(self::SUGGESTION_CANDIDATES);
	}

	/**
	 * The most words that at least $limit items match (visible or not: an upper bound), from a
	 * tally of how many items match how many of the words; null when no item matches any.
	 *
	 * @param list<string> $words
	 */
	private function startingBar(array $words, int $limit): ?int {
		$tally = $this->db->getQueryBuilder();
		$tally->select('m.matches')->selectAlias($tally->func()->count('*'), 'items')
			->from($tally->createFunction('(' . $this->wordMatches($tally, $words, null)->getSQL() . ')'), 'm')
			->groupBy('m.matches');
		$result = $tally->executeQuery();
		$itemsWith = [];
		while ($row = $result->fetch()) {
			$itemsWith[(int)$row['matches']] = (int)$row['items'];
		}
		$result->closeCursor();
		if ($itemsWith === []) {
			return null;
		}
		krsort($itemsWith);
		$reaching = 0;
		foreach ($itemsWith as $matches => $count) {
			$reaching += $count;
			if ($reaching >= $limit) {
				return $matches;
			}
		}
		return 1;
	}

	/**
	 * SELECT item_id, matches (how many of the words begin a word of the title) FROM pf_item_words,
	 * for items with at least $atLeast matches; parameters are bound on $outer.
	 *
	 * One SELECT DISTINCT per word joined by UNION ALL, not one OR of all words: a word counts
	 * once however many title words it begins, and each SELECT reads only its prefix's
	 * range of the covering index (pf_iw_newest), where an OR makes PostgreSQL visit
	 * the table's rows (EXPLAIN ANALYZE at 200 000 items, "sharing link": 175 ms → 35 ms).
	 *
	 * @param list<string> $words
	 */
	private function wordMatches(IQueryBuilder $outer, array $words, ?int $atLeast): IQueryBuilder {
		$perWord = [];
		foreach ($words as $word) {
			$one = $this->db->getQueryBuilder();
			$one->selectDistinct('w.item_id')->from(ItemWordMapper::TABLE, 'w')
				->where(...$this->beginsATitleWord($one, $outer, 'w', $word));
			$perWord[] = $one->getSQL();
		}
		$sub = $this->db->getQueryBuilder();
		$sub->select('u.item_id')->selectAlias($sub->func()->count('*'), 'matches')
			->from($sub->createFunction('(' . implode(' UNION ALL ', $perWord) . ')'), 'u')
			->groupBy('u.item_id');
		if ($atLeast !== null) {
			$sub->having($sub->expr()->gte($sub->func()->count('*'), $outer->createNamedParameter($atLeast, IQueryBuilder::PARAM_INT)));
		}
		return $sub;
	}

	/**
	 * The conditions on a row of pf_item_words (alias $alias) that $word begins its title word:
	 * the three-letter prefix the index is searched by, then the word itself; parameters are
	 * bound on $outer.
	 *
	 * @return array{0: string, 1: string}
	 */
	private function beginsATitleWord(IQueryBuilder $qb, IQueryBuilder $outer, string $alias, string $word): array {
		return [
			$qb->expr()->eq($alias . '.prefix', $outer->createNamedParameter(TitleWords::prefix($word))),
			$qb->expr()->like($alias . '.word', $outer->createNamedParameter($this->db->escapeLikeParameter($word) . '%')),
		];
	}

	/**
	 * The priority an item shows: the consolidated one where the ministry set one, otherwise
	 * the reporter's. The list filters and sorts by it and the items overview groups by it,
	 * so that a count and the list it links to select the same items.
	 *
	 * @param string $prefix the items table's alias with its dot ("i."), or "" without alias
	 */
	public function shownPriority(IQueryBuilder $qb, string $prefix = ''): IQueryFunction {
		return $qb->createFunction('COALESCE(' . $qb->getColumnName($prefix . 'cons_priority') . ', ' . $qb->getColumnName($prefix . 'priority') . ')');
	}

	private function sortExpression(IQueryBuilder $qb, string $sortColumn): string|IQueryFunction {
		return $sortColumn === 'priority' ? $this->shownPriority($qb) : $sortColumn;
	}

	private function applyFilters(IQueryBuilder $qb, Actor $actor, ItemQuery $query): void {
		$this->restrictToVisible($qb, $actor);
		$equals = [
			'pilot_id' => [$query->pilotId, IQueryBuilder::PARAM_INT],
			'component_id' => [$query->componentId, IQueryBuilder::PARAM_INT],
			'org_id' => [$query->organisationId, IQueryBuilder::PARAM_INT],
			'reporter_id' => [$query->mine ? $actor->userId : null, IQueryBuilder::PARAM_STR],
		];
		foreach ($equals as $column => [$value, $type]) {
			if ($value !== null) {
				$qb->andWhere($qb->expr()->eq($column, $qb->createNamedParameter($value, $type)));
			}
		}
		if ($query->types !== []) {
			$qb->andWhere($qb->expr()->in('type', $qb->createNamedParameter($query->types, IQueryBuilder::PARAM_STR_ARRAY)));
		}
		if ($query->priorities !== []) {
			$qb->andWhere($qb->expr()->in($this->shownPriority($qb), $qb->createNamedParameter($query->priorities, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		if ($query->statuses !== []) {
			$qb->andWhere($qb->expr()->in('status', $qb->createNamedParameter($query->statuses, IQueryBuilder::PARAM_STR_ARRAY)));
		}
		if ($query->open) {
			$qb->andWhere($qb->expr()->notIn('status', $qb->createNamedParameter(ItemsOverviewMapper::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)));
		}
		if ($query->search !== null) {
			// iLike: LOWER(…) LIKE LOWER(…) on SQLite and Oracle, ILIKE on PostgreSQL, a case-insensitive collation on MySQL
			$pattern = $qb->createNamedParameter('%' . $this->db->escapeLikeParameter($query->search) . '%');
			$qb->andWhere($qb->expr()->orX(
				$qb->expr()->iLike('title', $pattern),
				$qb->expr()->iLike('body', $pattern),
			));
		}
		if ($query->filed !== null) {
			$this->restrictToSpan($qb, 'created_at', $query->filed, $qb);
		}
		if ($query->closed !== null) {
			$qb->andWhere($qb->expr()->in('id', $qb->createFunction($this->closedIn($qb, $query->closed)->getSQL())));
		}
	}

	/**
	 * The ids of items that received a closing status within the span, from their history:
	 * the rule by which ItemsOverviewMapper::perMonth counts items closed in a month.
	 *
	 * @param array{?int, ?int} $span [start, end) in Unix seconds; null ends are open
	 */
	private function closedIn(IQueryBuilder $outer, array $span): IQueryBuilder {
		$sub = $this->db->getQueryBuilder();
		$sub->select('h.item_id')->from('pf_history', 'h')
			->where($sub->expr()->eq('h.field', $outer->createNamedParameter('status')))
			->andWhere($sub->expr()->in('h.new_value', $outer->createNamedParameter(ItemsOverviewMapper::CLOSING_STATUSES, IQueryBuilder::PARAM_STR_ARRAY)));
		$this->restrictToSpan($sub, 'h.created_at', $span, $outer);
		return $sub;
	}

	/**
	 * @param array{?int, ?int} $span [start, end) in Unix seconds; null ends are open
	 * @param IQueryBuilder $params the query the parameters are bound on ($qb itself, or the query $qb is a subquery of)
	 */
	private function restrictToSpan(IQueryBuilder $qb, string $column, array $span, IQueryBuilder $params): void {
		[$start, $end] = $span;
		if ($start !== null) {
			$qb->andWhere($qb->expr()->gte($column, $params->createNamedParameter($start, IQueryBuilder::PARAM_INT)));
		}
		if ($end !== null) {
			$qb->andWhere($qb->expr()->lt($column, $params->createNamedParameter($end, IQueryBuilder::PARAM_INT)));
		}
	}

	/**
	 * Restricts a query over items to those the actor may see (Policy::canSeeItem in SQL):
	 * consolidators see everything; others the non-confidential items, their own, and their
	 * organisations' if they coordinate.
	 *
	 * @param string $prefix the items table's alias with its dot ("i."), or "" without alias
	 * @param IQueryBuilder|null $params the query the parameters are bound on when $qb is a subquery of it (else $qb)
	 */
	public function restrictToVisible(IQueryBuilder $qb, Actor $actor, string $prefix = '', ?IQueryBuilder $params = null): void {
		if ($actor->isConsolidator) {
			return;
		}
		$params ??= $qb;
		$visible = [
			$qb->expr()->isNull($prefix . 'confidential'),
			$qb->expr()->eq($prefix . 'confidential', $params->createNamedParameter(false, IQueryBuilder::PARAM_BOOL)),
			$qb->expr()->eq($prefix . 'reporter_id', $params->createNamedParameter($actor->userId)),
		];
		if ($actor->coordinatorOrgIds !== []) {
			$visible[] = $qb->expr()->in($prefix . 'org_id', $params->createNamedParameter($actor->coordinatorOrgIds, IQueryBuilder::PARAM_INT_ARRAY));
		}
		$qb->andWhere($qb->expr()->orX(...$visible));
	}

	/**
	 * The condition for the viewer's own confidential items that only they see, those of
	 * organisations they do not coordinate: the part of what a viewer sees that the monthly
	 * item totals (ItemMonthsMapper::visibleSums, visibleCount) leave out, because a row there
	 * holds many reporters' items.
	 */
	public function ownConfidentialUncounted(IQueryBuilder $qb, Actor $actor, string $prefix = ''): ICompositeExpression {
		$own = $qb->expr()->andX(
			$qb->expr()->eq($prefix . 'reporter_id', $qb->createNamedParameter($actor->userId)),
			$qb->expr()->eq($prefix . 'confidential', $qb->createNamedParameter(true, IQueryBuilder::PARAM_BOOL)),
		);
		if ($actor->coordinatorOrgIds !== []) {
			$own->add($qb->expr()->notIn($prefix . 'org_id', $qb->createNamedParameter($actor->coordinatorOrgIds, IQueryBuilder::PARAM_INT_ARRAY)));
		}
		return $own;
	}

	/**
	 * The items a prepared query selects (all columns of pf_items).
	 *
	 * @return list<Item>
	 */
	public function findByQuery(IQueryBuilder $qb): array {
		return $this->findEntities($qb);
	}
}
