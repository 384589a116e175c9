<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Common;

use OCA\PilotFeedback\Model\Priority;
use OCP\IL10N;

/**
 * The words people read for statuses, types and priorities, in the reader's language: the one
 * source for notifications, activity, search, link previews, the dashboard and the documents.
 */
final class Labels {
	public static function status(IL10N $l, string $status): string {
		return match ($status) {
			'new' => $l->t('New'),
			'in_review' => $l->t('In review'),
			'accepted' => $l->t('Accepted'),
			'forwarded' => $l->t('Forwarded'),
			'in_progress' => $l->t('In progress'),
			'done' => $l->t('Done'),
			'verified' => $l->t('Verified'),
			'rejected' => $l->t('Rejected'),
			'duplicate' => $l->t('Duplicate'),
			default => $status,
		};
	}

	public static function type(IL10N $l, string $type): string {
		return match ($type) {
			'requirement' => $l->t('Requirement'),
			'defect' => $l->t('Defect'),
			'improvement' => $l->t('Improvement'),
			'security' => $l->t('Security finding'),
			default => $type,
		};
	}

	public static function priority(IL10N $l, int $priority): string {
		return match (Priority::tryFrom($priority)) {
			Priority::Low => $l->t('Low'),
			Priority::Medium => $l->t('Medium'),
			Priority::High => $l->t('High'),
			Priority::Critical => $l->t('Critical'),
			null => (string)$priority,
		};
	}
}
