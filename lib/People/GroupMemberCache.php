<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCP\ICache;
use OCP\ICacheFactory;

/**
 * The member ids of the organisations' groups, for the participation counts, kept in
 * Nextcloud's distributed cache (with Redis, one for all nodes of a cluster). Asking the group
 * backends costs a query with two joins per group: 60–130 ms a request for 50 organisations,
 * whatever the range.
 *
 * Nextcloud's events for a member added or removed and a group deleted drop the group's entry
 * at once (GroupMembershipListener) from the cache that the process they happen in sees; the
 * lifetime (TTL, 5 minutes) bounds how long a change goes unseen that a backend makes without
 * them (an LDAP directory), or whose entry sits in a cache that process cannot reach (below).
 *
 * Without `memcache.distributed`, Nextcloud uses the `memcache.local` cache in its place
 * (OC\Memcache\Factory). With APCu that is one cache per server: a change made on another
 * server, or with occ (the CLI has no APCu, Nextcloud then uses a NullCache there; with
 * apc.enable_cli, an APCu of its own), leaves the web server's entries as they are until they
 * run out. Only with no cache configured at all (a NullCache, an ArrayCache while not
 * installed) does every call ask the backends.
 */
class GroupMemberCache {
	/** Seconds an entry lives. */
	public const TTL = 300;

	private ICache $cache;

	public function __construct(ICacheFactory $cacheFactory) {
		$this->cache = $cacheFactory->createDistributed('pilotfeedback-group-members');
	}

	/**
	 * @param callable(): list<string> $load asks the backends when the entry is missing
	 * @return list<string>
	 */
	public function memberIds(string $groupId, callable $load): array {
		$key = self::key($groupId);
		/** @var mixed $cached */
		$cached = $this->cache->get($key);
		if (is_array($cached)) {
			return array_values(array_map(static fn (mixed $id): string => is_scalar($id) ? (string)$id : '', $cached));
		}
		$ids = $load();
		$this->cache->set($key, $ids, self::TTL);
		return $ids;
	}

	public function forget(string $groupId): void {
		$this->cache->remove(self::key($groupId));
	}

	/** Group ids may hold characters that some cache servers refuse in keys. */
	private static function key(string $groupId): string {
		return hash('sha256', $groupId);
	}
}
