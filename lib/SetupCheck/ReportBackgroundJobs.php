<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\SetupCheck;

use OCA\PilotFeedback\Db\ReportMapper;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\IDateTimeFormatter;
use OCP\IL10N;
use OCP\SetupCheck\ISetupCheck;
use OCP\SetupCheck\SetupResult;

/**
 * Tells the administrator, in the admin overview (and `occ setupchecks`), what the reports need:
 * scheduled reports and data exports are made by background jobs (ReportCadenceJob,
 * GenerateReportJob), so these must run by cron and have run within the last hour; and
 * whether a report or export failed in the last 24 hours.
 */
class ReportBackgroundJobs implements ISetupCheck {
	/** Background jobs older than this (seconds) count as stopped; cron should run every 5 minutes. */
	public const MAX_CRON_AGE = 3600;
	/** How far back (seconds) failed reports are counted. */
	public const FAILED_WINDOW = 24 * 3600;
	private const DOCS = 'https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/background_jobs_configuration.html';

	public function __construct(
		private IL10N $l,
		private IAppConfig $appConfig,
		private ITimeFactory $time,
		private IDateTimeFormatter $dateTimeFormatter,
		private ReportMapper $reports,
	) {
	}

	public function getCategory(): string {
		return 'system';
	}

	public function getName(): string {
		return $this->l->t('Pilot Feedback reports');
	}

	public function run(): SetupResult {
		$now = $this->time->getTime();
		$problems = [];
		$mode = $this->appConfig->getValueString('core', 'backgroundjobs_mode', 'ajax');
		if ($mode !== 'cron') {
			$problems[] = $this->l->t('Background jobs run by %1$s, not by cron. Pilot Feedback makes scheduled reports and data exports in background jobs, so without cron they come late or not at all. Choose "Cron" under Basic settings → Background jobs and let the system cron call cron.php every 5 minutes.', [self::modeName($mode)]);
		}
		$lastCron = $this->appConfig->getValueInt('core', 'lastcron', 0);
		$cronStopped = $now - $lastCron > self::MAX_CRON_AGE;
		if ($cronStopped) {
			$problems[] = $lastCron === 0
				? $this->l->t('Background jobs have never run. Scheduled reports and data exports wait until they do: check that the system cron calls cron.php every 5 minutes.')
				: $this->l->t('Background jobs have not run for more than an hour (last run: %1$s). Scheduled reports and data exports wait until they run again: check that the system cron calls cron.php every 5 minutes.', [$this->dateTimeFormatter->formatTimeSpan($lastCron, $now)]);
		}
		$failed = $this->reports->countFailedSince($now - self::FAILED_WINDOW);
		if ($failed > 0) {
			$problems[] = $this->l->n(
				'%n report or data export failed in the last 24 hours. Its requester was notified with the reason; unexpected errors are also in the Nextcloud log.',
				'%n reports or data exports failed in the last 24 hours. Their requesters were notified with the reason; unexpected errors are also in the Nextcloud log.',
				$failed,
			);
		}
		if ($problems !== []) {
			return SetupResult::warning(implode("\n", $problems), $mode !== 'cron' || $cronStopped ? self::DOCS : null);
		}
		return SetupResult::success($this->l->t('Background jobs run by cron (last run: %1$s), and no report or data export failed in the last 24 hours.', [$this->dateTimeFormatter->formatTimeSpan($lastCron, $now)]));
	}

	/** The mode as the background jobs settings name it. */
	private static function modeName(string $mode): string {
		return match ($mode) {
			'ajax' => 'AJAX',
			'webcron' => 'Webcron',
			default => $mode,
		};
	}
}
