<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Exception\ValidationException;

/**
 * The filters, sorting and page of an item list, checked and typed (docs/api.md, "Item list
 * filters"). Every number of the items overview links to a list with exactly the filters that
 * select the items it counts.
 */
final class ItemQuery {
	/** API sort key => column */
	public const SORT_COLUMNS = [
		'created' => 'created_at',
		'updated' => 'updated_at',
		'priority' => 'priority',
		'support' => 'support_count',
		'title' => 'title',
	];
	public const DEFAULT_LIMIT = 25;
	public const MAX_LIMIT = 100;
	/** Longest search text. */
	public const MAX_SEARCH = 200;

	/**
	 * @param list<string> $types any of these types (empty: all)
	 * @param list<int> $priorities any of these shown priorities, as ranks (empty: all)
	 * @param list<string> $statuses any of these statuses (empty: all)
	 * @param string|null $search text searched in title and body, case-insensitively
	 * @param bool $open only items whose status is not a closing one
	 * @param array{?int, ?int}|null $filed created in [start, end), Unix seconds; null ends are open
	 * @param array{?int, ?int}|null $closed received a closing status in [start, end), Unix seconds
	 */
	public function __construct(
		public readonly array $types = [],
		public readonly ?int $componentId = null,
		public readonly array $priorities = [],
		public readonly array $statuses = [],
		public readonly ?int $organisationId = null,
		public readonly bool $mine = false,
		public readonly string $sortColumn = 'created_at',
		public readonly bool $ascending = false,
		public readonly int $page = 1,
		public readonly int $limit = self::DEFAULT_LIMIT,
		public readonly ?int $pilotId = null,
		public readonly ?string $search = null,
		public readonly bool $open = false,
		public readonly ?array $filed = null,
		public readonly ?array $closed = null,
	) {
	}

	/**
	 * Reads the list parameters of GET /items; empty values mean "no filter".
	 *
	 * @param array<string, mixed> $params
	 * @throws ValidationException with a message that names the parameter and what to send instead
	 */
	public static function fromParams(array $params): self {
		$present = static fn (string $key): bool => isset($params[$key]) && $params[$key] !== '';
		$search = $present('q') ? Validator::optionalLine($params['q'], 'Search text', self::MAX_SEARCH) : '';
		return new self(
			$present('type') ? self::anyOf($params['type'], 'Type', ItemType::values()) : [],
			$present('componentId') ? Validator::id($params['componentId'], 'Component') : null,
			$present('priority')
				? array_map(static fn (string $key): int => Priority::fromKey($key)->value, self::anyOf($params['priority'], 'Priority', Priority::keys()))
				: [],
			$present('status') ? self::anyOf($params['status'], 'Status', ItemStatus::values()) : [],
			$present('organisationId') ? Validator::id($params['organisationId'], 'Organisation') : null,
			$present('mine') && Validator::flag($params['mine'], 'Mine'),
			self::SORT_COLUMNS[$present('sort') ? Validator::oneOf($params['sort'], 'Sort', array_keys(self::SORT_COLUMNS)) : 'created'],
			$present('order') && Validator::oneOf($params['order'], 'Order', ['asc', 'desc']) === 'asc',
			$present('page') ? Validator::intInRange($params['page'], 'Page', 1, 1000000) : 1,
			$present('limit') ? Validator::intInRange($params['limit'], 'Limit', 1, self::MAX_LIMIT) : self::DEFAULT_LIMIT,
			$present('pilotId') ? Validator::id($params['pilotId'], 'Pilot') : null,
			$search === '' ? null : $search,
			$present('open') && Validator::flag($params['open'], 'Open'),
			self::months($params['filedFrom'] ?? null, $params['filedTo'] ?? null, 'Filed'),
			self::months($params['closedFrom'] ?? null, $params['closedTo'] ?? null, 'Closed'),
		);
	}

	/**
	 * Whether the query filters on nothing but the pilot and the organisation, the keys of the
	 * monthly item totals (Db\ItemMonthsMapper): how many items it matches can be summed from them.
	 */
	public function filtersOnlyByPilotOrOrganisation(): bool {
		return $this->types === [] && $this->componentId === null && $this->priorities === [] && $this->statuses === []
			&& !$this->mine && $this->search === null && !$this->open && $this->filed === null && $this->closed === null;
	}

	public function offset(): int {
		return ($this->page - 1) * $this->limit;
	}

	/**
	 * A comma-separated list of allowed values ("critical,high"), each at most once.
	 *
	 * @template T of string
	 * @param list<T> $allowed
	 * @return non-empty-list<T>
	 * @throws ValidationException naming the first value that is not allowed
	 */
	private static function anyOf(mixed $value, string $field, array $allowed): array {
		if (!is_string($value)) {
			throw ValidationException::field('%1$s must be one or more of %2$s, separated by commas.', $field, implode(', ', $allowed));
		}
		$chosen = [];
		foreach (explode(',', $value) as $part) {
			$part = trim($part);
			$match = array_search($part, $allowed, true);
			if ($match === false) {
				throw ValidationException::field('%1$s contains "%2$s", which is not a known value. Choose one or more of %3$s, separated by commas.', $field, mb_substr($part, 0, 40), implode(', ', $allowed));
			}
			$chosen[$match] = $allowed[$match];
		}
		ksort($chosen);
		return array_values($chosen);
	}

	/**
	 * The time span of an inclusive range of months, either end optional.
	 *
	 * @param string $field "Filed" or "Closed": the parameters are {field}From and {field}To
	 * @return array{?int, ?int}|null [start, end) in Unix seconds (null: open), or null when neither end is given
	 * @throws ValidationException for a month that is not YYYY-MM or a start after the end
	 */
	private static function months(mixed $from, mixed $to, string $field): ?array {
		$given = static fn (mixed $v): bool => $v !== null && $v !== '';
		if (!$given($from) && !$given($to)) {
			return null;
		}
		$from = $given($from) ? Validator::month($from, $field . ' from') : null;
		$to = $given($to) ? Validator::month($to, $field . ' to') : null;
		if ($from !== null && $to !== null && strcmp($from, $to) > 0) {
			throw ValidationException::field('%1$s range starts in %2$s, after it ends in %3$s. Choose a start month on or before the end month.', $field, $from, $to);
		}
		return [
			$from === null ? null : MonthRange::startOf($from),
			$to === null ? null : MonthRange::endOf($to),
		];
	}
}
