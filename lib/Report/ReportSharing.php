<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\App\IAppManager;
use OCP\Constants;
use OCP\Files\File;
use OCP\Files\IRootFolder;
use OCP\Share\IManager as IShareManager;
use OCP\Share\IShare;
use Psr\Log\LoggerInterface;

/**
 * Scheduled reports belong to the consolidators together. The cadence saves each one into the
 * chosen consolidator's Files; this shares the file read-only with the consolidators' group
 * through Nextcloud's sharing, so that every consolidator's link opens it, and tells each
 * consolidator whose Files hold it and with which group it is shared. When sharing is off on
 * the server (or for groups, or for the owner), or the share fails, only the owner gets the
 * link; the others are told whose Files hold the report, without a link they could not open.
 */
class ReportSharing {
	public function __construct(
		private IShareManager $shares,
		private IRootFolder $rootFolder,
		private IAppManager $appManager,
		private SettingsService $settings,
		private ReportNotifications $notifications,
		private LoggerInterface $logger,
	) {
	}

	/**
	 * Shares a scheduled report that is done with the consolidators' group and tells the
	 * consolidators. The owner (the requester) was told by ReportJobRunner already; that
	 * notice is replaced only to add the group it is shared with.
	 *
	 * @param list<string> $consolidators the user ids of the consolidators' group
	 */
	public function shareWithConsolidators(Report $report, array $consolidators): void {
		$group = $this->share($report);
		$owner = $report->getRequestedBy();
		foreach ($consolidators as $userId) {
			if ($userId === $owner) {
				if ($group !== null) {
					$this->notifications->dismiss($report, $userId);
					$this->notifications->ready($report, $userId, $group);
				}
				continue;
			}
			$this->notifications->ready($report, $userId, $group);
		}
	}

	/** @return string|null the group the file is now shared with, or null when it is not shared */
	private function share(Report $report): ?string {
		$group = $this->settings->consolidatorGroup();
		$fileId = $report->getFileId();
		$owner = $report->getRequestedBy();
		if ($group === '' || $fileId === null || !$this->sharingAvailable($owner)) {
			return null;
		}
		try {
			$file = $this->rootFolder->getUserFolder($owner)->getFirstNodeById($fileId);
			if (!($file instanceof File)) {
				return null;
			}
			$share = $this->shares->newShare();
			$share->setNode($file)
				->setShareType(IShare::TYPE_GROUP)
				->setSharedWith($group)
				->setSharedBy($owner)
				->setShareOwner($owner)
				->setPermissions(Constants::PERMISSION_READ);
			$this->shares->createShare($share);
			return $group;
		} catch (\Throwable $e) {
			$this->logger->warning('Pilot Feedback: the scheduled report {id} could not be shared with the group {group}; the other consolidators are told to ask {owner}', [
				'app' => Application::APP_ID,
				'id' => $report->getId(),
				'group' => $group,
				'owner' => $owner,
				'exception' => $e,
			]);
			return null;
		}
	}

	/** Whether the server lets the owner share with groups at all. */
	private function sharingAvailable(string $owner): bool {
		return $this->appManager->isEnabledForAnyone('files_sharing')
			&& $this->shares->shareApiEnabled()
			&& $this->shares->allowGroupSharing()
			&& !$this->shares->sharingDisabledForUser($owner);
	}
}
