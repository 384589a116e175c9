<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

use OCA\PilotFeedback\Service\Validator;

/** The filters, sorting and page of an item list, checked and typed. */
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

	public function __construct(
		public readonly ?string $type = null,
		public readonly ?int $componentId = null,
		public readonly ?int $priority = null,
		public readonly ?string $status = null,
		public readonly ?int $organisationId = null,
		public readonly bool $mine = false,
		public readonly string $sortColumn = 'created_at',
		public readonly bool $ascending = false,
		public readonly int $page = 1,
		public readonly int $limit = self::DEFAULT_LIMIT,
	) {
	}

	/**
	 * Reads the list parameters of GET /items; empty values mean "no filter".
	 *
	 * @param array<string, mixed> $params
	 */
	public static function fromParams(array $params): self {
		$present = static fn (string $key): bool => isset($params[$key]) && $params[$key] !== '';
		return new self(
			$present('type') ? Validator::oneOf($params['type'], 'Type', ItemType::values()) : null,
			$present('componentId') ? Validator::id($params['componentId'], 'Component') : null,
			$present('priority') ? Priority::fromKey(Validator::oneOf($params['priority'], 'Priority', Priority::keys()))->value : null,
			$present('status') ? Validator::oneOf($params['status'], 'Status', ItemStatus::values()) : null,
			$present('organisationId') ? Validator::id($params['organisationId'], 'Organisation') : null,
			$present('mine') && Validator::flag($params['mine'], 'Mine'),
			self::SORT_COLUMNS[$present('sort') ? Validator::oneOf($params['sort'], 'Sort', array_keys(self::SORT_COLUMNS)) : 'created'],
			$present('order') && Validator::oneOf($params['order'], 'Order', ['asc', 'desc']) === 'asc',
			$present('page') ? Validator::intInRange($params['page'], 'Page', 1, 1000000) : 1,
			$present('limit') ? Validator::intInRange($params['limit'], 'Limit', 1, self::MAX_LIMIT) : self::DEFAULT_LIMIT,
		);
	}

	public function offset(): int {
		return ($this->page - 1) * $this->limit;
	}
}
