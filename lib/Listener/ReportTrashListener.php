<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Listener;

use OCA\PilotFeedback\Report\ReportStorage;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\Files\Node;

/**
 * Keeps the trash bin out of the deletions ReportStorage makes on purpose: an incomplete report
 * file, a file whose report was deleted while it was saved, and the temporary files earlier
 * versions left. It answers the trash bin's MoveToTrashEvent (the way Nextcloud offers apps to
 * delete a file for good) for those files only; every other deletion keeps the trash bin.
 *
 * @template-implements IEventListener<Event>
 */
class ReportTrashListener implements IEventListener {
	/** The trash bin's event (files_trashbin may be disabled, so it is named, not imported). */
	public const EVENT = 'OCA\Files_Trashbin\Events\MoveToTrashEvent';

	public function handle(Event $event): void {
		// registered for EVENT only; asked by its methods, since psalm and servers without files_trashbin lack the class
		if (!method_exists($event, 'getNode') || !method_exists($event, 'disableTrashBin')) {
			return;
		}
		/** @var mixed $node */
		$node = $event->getNode();
		if ($node instanceof Node && ReportStorage::deletesDirectly($node->getId())) {
			$event->disableTrashBin();
		}
	}
}
