<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Item\LastVisit;
use OCP\AppFramework\Http\Events\BeforeTemplateRenderedEvent;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\IUserSession;

/**
 * Remembers when a user opened the app's page, for the consolidators' dashboard widget.
 *
 * @template-implements IEventListener<Event>
 */
class PageVisitListener implements IEventListener {
	public function __construct(
		private LastVisit $lastVisit,
		private IUserSession $userSession,
	) {
	}

	public function handle(Event $event): void {
		if (!$event instanceof BeforeTemplateRenderedEvent || $event->getResponse()->getApp() !== Application::APP_ID) {
			return;
		}
		$user = $this->userSession->getUser();
		if ($user !== null && $event->isLoggedIn()) {
			$this->lastVisit->touch($user->getUID());
		}
	}
}
