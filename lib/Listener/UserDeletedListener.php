<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\People\FormerTesters;
use OCA\PilotFeedback\People\Pseudonyms;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\User\Events\BeforeUserDeletedEvent;
use OCP\User\Events\UserDeletedEvent;

/**
 * When a user is deleted, their assessments, items, supports, history and releases stay,
 * attributed to a stable pseudonym, so that no consolidated figure changes. Their comments
 * follow Nextcloud's comments handling (the comments app marks them as by a deleted user).
 * Before the account goes (with its group memberships), the organisations it was a tester
 * of are remembered, so that participation keeps counting the person where they were one.
 *
 * @template-implements IEventListener<Event>
 */
class UserDeletedListener implements IEventListener {
	public function __construct(
		private Pseudonyms $pseudonyms,
		private FormerTesters $formerTesters,
	) {
	}

	public function handle(Event $event): void {
		if ($event instanceof BeforeUserDeletedEvent) {
			$this->formerTesters->remember($event->getUser()->getUID());
		}
		if ($event instanceof UserDeletedEvent) {
			$this->pseudonyms->forgetUser($event->getUser()->getUID());
		}
	}
}
