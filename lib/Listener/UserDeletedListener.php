<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\Service\Pseudonyms;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\User\Events\UserDeletedEvent;

/**
 * When a user is deleted, their assessments, items, supports, history and releases stay,
 * attributed to a stable pseudonym, so that no consolidated figure changes. Their comments
 * follow Nextcloud's comments handling (the comments app marks them as by a deleted user).
 *
 * @template-implements IEventListener<Event>
 */
class UserDeletedListener implements IEventListener {
	public function __construct(
		private Pseudonyms $pseudonyms,
	) {
	}

	public function handle(Event $event): void {
		if ($event instanceof UserDeletedEvent) {
			$this->pseudonyms->forgetUser($event->getUser()->getUID());
		}
	}
}
