<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\Db\FormerTesterMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Remembers, when an account is about to be deleted, which organisations it was a tester of
 * (a member of their groups, not their coordinator) in the current month, so that the
 * participation of that month keeps counting the person (under their pseudonym once the
 * account is gone). Months in which they rated count them anyway, as raters.
 */
class FormerTesters {
	public function __construct(
		private FormerTesterMapper $mapper,
		private LinkMapper $links,
		private People $people,
		private ITimeFactory $time,
	) {
	}

	/** Call before the account is deleted, while its group memberships still exist. */
	public function remember(string $userId): void {
		$month = date('Y-m', $this->time->getTime());
		$orgIds = array_keys($this->links->rightsByLeft(Link::OrganisationGroups));
		// one lookup of every organisation's groups and coordinators, not one per organisation
		foreach ($this->people->testersOf($orgIds) as $orgId => $testers) {
			if (isset($testers[$userId])) {
				$this->mapper->record($orgId, $userId, $month);
			}
		}
	}
}
