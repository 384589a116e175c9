<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\Model\ListsValues;

/** The kinds of notifications the app sends; each can be switched off per user. The value is the notification's subject. */
enum NotificationKind: string {
	use ListsValues;

	/** To reporter and supporters: a consolidator changed the item's status. */
	case StatusChanged = 'status_changed';
	/** To reporter and supporters: the item was merged into another (marked as its duplicate). */
	case Merged = 'merged';
	/** To the reporter: someone commented on their item. */
	case Commented = 'commented';
	/** To testers who have not rated everything: the period closes soon. */
	case RatingReminder = 'rating_reminder';
	/** To coordinators: a period closed without their organisation's release. */
	case ReleaseMissing = 'release_missing';
	/** To consolidators: an organisation released its feedback. */
	case Released = 'released';
}
