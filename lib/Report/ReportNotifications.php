<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Notification\IManager as INotificationManager;

/**
 * Tells people about a report through Nextcloud notifications (ReportNotifier renders them):
 * that it is ready and whose Files hold it, or why it could not be made.
 */
class ReportNotifications {
	public function __construct(
		private INotificationManager $notifications,
		private ITimeFactory $time,
	) {
	}

	/**
	 * Tells a user (the requester, or another consolidator for the cadence) that a report is
	 * ready. The file's link goes to those who can open it: the requester, in whose Files it
	 * is, and everybody when it is shared with a group they are in ($sharedWithGroup).
	 */
	public function ready(Report $report, string $userId, ?string $sharedWithGroup = null): void {
		$owner = $report->getRequestedBy();
		$params = [
			'reportId' => $report->getId(),
			'fileId' => $report->getFileId(),
			'fileName' => (string)$report->getFileName(),
			'path' => $report->getFolder() . '/' . $report->getPeriod() . '/' . (string)$report->getFileName(),
		];
		if ($userId !== $owner) {
			$params['owner'] = $owner;
			if ($sharedWithGroup === null) {
				unset($params['fileId']);
			}
		}
		if ($sharedWithGroup !== null) {
			$params['group'] = $sharedWithGroup;
		}
		$notification = $this->notifications->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($userId)
			->setDateTime($this->time->getDateTime())
			->setObject(ReportNotifier::OBJECT_TYPE, (string)$report->getId())
			->setSubject(ReportNotifier::SUBJECT_READY, $params);
		$this->notifications->notify($notification);
	}

	/** Removes the notifications a user has about a report (before a newer one replaces them). */
	public function dismiss(Report $report, string $userId): void {
		$notification = $this->notifications->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($userId)
			->setObject(ReportNotifier::OBJECT_TYPE, (string)$report->getId());
		$this->notifications->markProcessed($notification);
	}

	/**
	 * Tells the requester why their report failed.
	 *
	 * @param list<string> $params
	 */
	public function failed(Report $report, string $template, array $params): void {
		$notification = $this->notifications->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($report->getRequestedBy())
			->setDateTime($this->time->getDateTime())
			->setObject(ReportNotifier::OBJECT_TYPE, (string)$report->getId())
			->setSubject(ReportNotifier::SUBJECT_FAILED, ['reportId' => $report->getId(), 'template' => $template, 'params' => $params]);
		$this->notifications->notify($notification);
	}
}
