<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\Event\ItemEvent;
use OCP\Collaboration\Reference\IReferenceManager;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;

/**
 * Drops the cached link previews of an item when it changes, so that a preview never shows
 * an old title or status.
 *
 * @template-implements IEventListener<Event>
 */
class ReferenceCacheListener implements IEventListener {
	public function __construct(
		private IReferenceManager $references,
	) {
	}

	public function handle(Event $event): void {
		if ($event instanceof ItemEvent) {
			$this->references->invalidateCache((string)$event->getItem()->getId());
		}
	}
}
