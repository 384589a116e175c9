<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Month\SinceLastVisit;
use OCP\AppFramework\Http\Events\BeforeTemplateRenderedEvent;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\IUserSession;

/**
 * As the app's page opens, keeps the end of the user's previous visit (SinceLastVisit) before
 * PageVisitListener records the new one; registered to run before it.
 *
 * @template-implements IEventListener<Event>
 */
class PreviousVisitListener implements IEventListener {
	public function __construct(
		private SinceLastVisit $visits,
		private IUserSession $userSession,
	) {
	}

	public function handle(Event $event): void {
		if (!$event instanceof BeforeTemplateRenderedEvent || $event->getResponse()->getApp() !== Application::APP_ID) {
			return;
		}
		$user = $this->userSession->getUser();
		if ($user !== null && $event->isLoggedIn()) {
			$this->visits->startVisit($user->getUID());
		}
	}
}
