<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\IUserManager;
use Psr\Log\LoggerInterface;

/**
 * Makes the reports of the administrator's cadence (ReportCadenceService) that are due and
 * not made yet, as the chosen consolidator; each one that is ready is shared with the
 * consolidators' group and every consolidator is told where it is (ReportSharing). Run hourly
 * by ReportCadenceJob and by `occ pilotfeedback:reports:cadence`.
 */
class ReportCadenceRunner {
	public function __construct(
		private ReportCadenceService $cadence,
		private ReportRequestChecker $checker,
		private ReportJobRunner $runner,
		private ReportSharing $sharing,
		private ReportMapper $mapper,
		private ActorFactory $actors,
		private IUserManager $userManager,
		private LoggerInterface $logger,
	) {
	}

	/**
	 * Makes the reports that are due at $now (Unix seconds) and not made yet.
	 *
	 * @return list<Report> the reports made (done or failed)
	 */
	public function run(int $now): array {
		$settings = $this->cadence->get();
		if ((!$settings['monthly'] && !$settings['quarterly']) || $settings['consolidator'] === '') {
			return [];
		}
		$user = $this->userManager->get($settings['consolidator']);
		if ($user === null || !$this->cadence->isConsolidator($user->getUID())) {
			$this->logger->warning('Pilot Feedback: the report cadence is on, but {user} is no consolidator; no report was made', ['app' => Application::APP_ID, 'user' => $settings['consolidator']]);
			return [];
		}
		if (!ReportCadenceService::isOnOrAfterFirstWorkingDay($now)) {
			return [];
		}
		$thisMonth = gmdate('Y-m', $now);
		$due = [];
		if ($settings['monthly']) {
			$due[] = [ReportRequest::MONTHLY, ReportRequest::shift($thisMonth, -1)];
		}
		if ($settings['quarterly'] && in_array((int)substr($thisMonth, 5, 2), [1, 4, 7, 10], true)) {
			$last = ReportRequest::shift($thisMonth, -1);
			$due[] = [ReportRequest::QUARTERLY, sprintf('%s-Q%d', substr($last, 0, 4), intdiv((int)substr($last, 5, 2) - 1, 3) + 1)];
		}
		$actor = $this->actors->forUser($user);
		$made = [];
		foreach ($due as [$type, $period]) {
			foreach ($settings['pilotIds'] === [] ? [null] : $settings['pilotIds'] as $pilotId) {
				if ($this->mapper->cadenceExists($type, $pilotId, $period, $now - 86400)) {
					continue;
				}
				try {
					// released feedback only: the default (yes once every month of the period is closed)
					$request = $this->checker->check($actor, $type, $settings['format'], $pilotId, $type === ReportRequest::MONTHLY ? $period : null, $type === ReportRequest::QUARTERLY ? $period : null, $settings['language'], false, null, null);
				} catch (DomainError $e) {
					$this->logger->info('Pilot Feedback: the {type} report {period} of the cadence is not made: {reason}', ['app' => Application::APP_ID, 'type' => $type, 'period' => $period, 'reason' => $e->getMessage()]);
					continue;
				}
				$report = $this->runner->run($this->runner->record($request, $user->getUID(), Report::ORIGIN_CADENCE)->getId());
				if ($report->getStatus() === Report::STATUS_DONE) {
					$this->sharing->shareWithConsolidators($report, $this->cadence->consolidators());
				}
				$made[] = $report;
			}
		}
		return $made;
	}
}
