<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\IURLGenerator;
use OCP\L10N\IFactory;
use OCP\Notification\INotification;
use OCP\Notification\INotifier;
use OCP\Notification\UnknownNotificationException;

/**
 * Tells the requester of a report that it is ready (with a link that opens the file) or why
 * it failed. Subjects: report_ready {reportId, fileId, fileName, path}, report_failed
 * {reportId, template, params}; the texts are made in the reader's language.
 */
class ReportNotifier implements INotifier {
	public const SUBJECT_READY = 'report_ready';
	public const SUBJECT_FAILED = 'report_failed';
	public const OBJECT_TYPE = 'report';

	public function __construct(
		private IFactory $l10nFactory,
		private IURLGenerator $urlGenerator,
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
				$fileName = isset($params['fileName']) && is_string($params['fileName']) ? $params['fileName'] : '';
				$notification->setParsedSubject($l->t('Your report "%1$s" is ready.', [$fileName]));
				if (isset($params['path']) && is_string($params['path'])) {
					$notification->setParsedMessage($l->t('Saved in your Files: %1$s', [$params['path']]));
				}
				if (isset($params['fileId']) && is_int($params['fileId'])) {
					$notification->setLink($this->urlGenerator->linkToRouteAbsolute('files.View.showFile', ['fileid' => $params['fileId']]));
				}
				return $notification;
			case self::SUBJECT_FAILED:
				$template = isset($params['template']) && is_string($params['template']) ? $params['template'] : 'The report could not be made.';
				$values = isset($params['params']) && is_array($params['params']) ? array_values(array_filter($params['params'], 'is_string')) : [];
				$notification->setParsedSubject($l->t('Your report could not be made.'));
				$notification->setParsedMessage($l->t($template, $values));
				$notification->setLink($this->urlGenerator->linkToRouteAbsolute('pilotfeedback.page.index') . '#/reports');
				return $notification;
			default:
				throw new UnknownNotificationException();
		}
	}
}
