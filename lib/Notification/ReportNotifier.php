<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\People\UserNames;
use OCP\IGroupManager;
use OCP\IL10N;
use OCP\IURLGenerator;
use OCP\L10N\IFactory;
use OCP\Notification\INotification;
use OCP\Notification\INotifier;
use OCP\Notification\UnknownNotificationException;

/**
 * Tells the requester of a report that it is ready (with a link that opens the file) or why
 * it failed; tells the other consolidators about a scheduled report, naming whose Files hold
 * it, with the link only when the file is shared with them. Subjects: report_ready {reportId,
 * fileId (for those who can open it), fileName, path, owner (for others than the owner),
 * group (when shared)}, report_failed {reportId, template, params}; the texts are made in the
 * reader's language, and a deleted owner is named by their pseudonym. A notice sent before
 * notices named their owner is read with the report's requester as the owner.
 */
class ReportNotifier implements INotifier {
	public const SUBJECT_READY = 'report_ready';
	public const SUBJECT_FAILED = 'report_failed';
	public const OBJECT_TYPE = 'report';

	public function __construct(
		private IFactory $l10nFactory,
		private IURLGenerator $urlGenerator,
		private UserNames $names,
		private IGroupManager $groupManager,
		private ReportMapper $reports,
	) {
	}

	public function getID(): string {
		return Application::APP_ID . '-reports';
	}

	public function getName(): string {
		return $this->l10nFactory->get(Application::APP_ID)->t('Pilot Feedback reports');
	}

	public function prepare(INotification $notification, string $languageCode): INotification {
		if ($notification->getApp() !== Application::APP_ID || $notification->getObjectType() !== self::OBJECT_TYPE) {
			throw new UnknownNotificationException();
		}
		$l = $this->l10nFactory->get(Application::APP_ID, $languageCode);
		$params = $notification->getSubjectParameters();
		$notification->setIcon($this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg')));
		switch ($notification->getSubject()) {
			case self::SUBJECT_READY:
				$this->ready($notification, $l, $params);
				return $notification;
			case self::SUBJECT_FAILED:
				$template = isset($params['template']) && is_string($params['template']) ? $params['template'] : 'The report could not be made.';
				$values = isset($params['params']) && is_array($params['params']) ? array_values(array_filter($params['params'], 'is_string')) : [];
				$notification->setParsedSubject($l->t('Your report could not be made.'));
				$notification->setParsedMessage($l->t($template, $values));
				$notification->setLink($this->reportsView());
				return $notification;
			default:
				throw new UnknownNotificationException();
		}
	}

	/**
	 * "Your report … saved in your Files" for the owner; for another consolidator whose Files
	 * hold it, shared with which group (and the link), or, when it is not shared, to ask the
	 * owner for it (and no link to a file they cannot open).
	 *
	 * @param array<array-key, mixed> $params
	 */
	private function ready(INotification $notification, IL10N $l, array $params): void {
		$fileName = isset($params['fileName']) && is_string($params['fileName']) ? $params['fileName'] : '';
		$path = isset($params['path']) && is_string($params['path']) ? $params['path'] : '';
		$group = isset($params['group']) && is_string($params['group']) && $params['group'] !== '' ? $params['group'] : null;
		$groupName = $group === null ? '' : ($this->groupManager->getDisplayName($group) ?? $group);
		$owner = isset($params['owner']) && is_string($params['owner']) ? $params['owner'] : $this->requester($params['reportId'] ?? null);
		$fileId = isset($params['fileId']) && is_int($params['fileId']) ? $params['fileId'] : null;
		if ($owner === null || $owner === $notification->getUser()) {
			$notification->setParsedSubject($l->t('Your report "%1$s" is ready.', [$fileName]));
			$notification->setParsedMessage($group === null
				? $l->t('Saved in your Files: %1$s', [$path])
				: $l->t('Saved in your Files, shared with the group %1$s: %2$s', [$groupName, $path]));
		} else {
			$ownerName = $this->names->name($owner);
			$notification->setParsedSubject($l->t('The report "%1$s" is ready.', [$fileName]));
			if ($group === null) {
				$fileId = null;
				$notification->setParsedMessage($l->t('Saved in %1$s\'s Files: %2$s. It is not shared with you; ask %1$s for a copy.', [$ownerName, $path]));
			} else {
				$notification->setParsedMessage($l->t('Saved in %1$s\'s Files, shared with the group %2$s: %3$s', [$ownerName, $groupName, $path]));
			}
		}
		$notification->setLink($fileId === null ? $this->reportsView() : $this->urlGenerator->linkToRouteAbsolute('files.View.showFile', ['fileid' => $fileId]));
	}

	/** The requester of a report, for notices that do not name their owner; null when the report is gone. */
	private function requester(mixed $reportId): ?string {
		try {
			return is_int($reportId) ? $this->reports->get($reportId)->getRequestedBy() : null;
		} catch (NotFoundException) {
			return null;
		}
	}

	private function reportsView(): string {
		return $this->urlGenerator->linkToRouteAbsolute('pilotfeedback.page.index') . '#/reports';
	}
}
