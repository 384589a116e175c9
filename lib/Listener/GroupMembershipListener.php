<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\People\GroupMemberCache;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\Group\Events\GroupDeletedEvent;
use OCP\Group\Events\UserAddedEvent;
use OCP\Group\Events\UserRemovedEvent;

/**
 * A group's members changed, or the group is gone: its cached member ids are dropped, so that
 * the next participation count asks the group backends again.
 *
 * @template-implements IEventListener<Event>
 */
class GroupMembershipListener implements IEventListener {
	public const EVENTS = [UserAddedEvent::class, UserRemovedEvent::class, GroupDeletedEvent::class];

	public function __construct(
		private GroupMemberCache $members,
	) {
	}

	public function handle(Event $event): void {
		if ($event instanceof UserAddedEvent || $event instanceof UserRemovedEvent || $event instanceof GroupDeletedEvent) {
			$this->members->forget($event->getGroup()->getGID());
		}
	}
}
