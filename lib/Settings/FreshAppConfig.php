<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Settings;

use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;

/**
 * Nextcloud's app config as the database holds it now, for the settings an administrator
 * changes: every service that reads or saves such a setting goes through this.
 *
 * In a cluster each app server keeps the app config in its local cache (APCu) for a few
 * seconds (3 s in Nextcloud 34's OC\AppConfig). Read from there, a setting saved through
 * another server would still be the old one on this server in the next request; and a set whose
 * value that stale cache already holds writes nothing, so changing a setting back through this
 * server right after a change on another one would be lost for good.
 *
 * So the cache is dropped before the first read of a request, and before every save: one small
 * query more per request that reads settings. Nextcloud's container makes one instance per
 * process and PHP-FPM serves one request per process at a time with a fresh container, so the
 * memo below lives for one request, shared by every service of it; in a process that lives
 * longer (cron.php, occ) it is dropped again after MAX_AGE seconds.
 */
class FreshAppConfig {
	/** Seconds a fresh read is used again by a long-lived process (a request reads once). */
	public const MAX_AGE = 5;

	/** When this process last dropped the cache, or null when it has not yet. */
	private ?int $freshAt = null;

	public function __construct(
		private IAppConfig $appConfig,
		private ITimeFactory $time,
	) {
	}

	/** The app config for reading: its cache dropped first, once per request (or MAX_AGE). */
	public function read(): IAppConfig {
		$now = $this->time->getTime();
		if ($this->freshAt === null || $now - $this->freshAt >= self::MAX_AGE || $now < $this->freshAt) {
			$this->drop($now);
		}
		return $this->appConfig;
	}

	/**
	 * The app config for saving: its cache dropped first, so that a set compares with what the
	 * database holds (and so writes), not with this server's stale copy. What this process
	 * saves, it reads back from its own (now fresh) copy.
	 */
	public function write(): IAppConfig {
		$this->drop($this->time->getTime());
		return $this->appConfig;
	}

	private function drop(int $now): void {
		$this->appConfig->clearCache();
		$this->freshAt = $now;
	}
}
