<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use Psr\Log\LoggerInterface;

/**
 * Reports and data exports [Berichte], as the API asks for and lists them. A request is
 * checked (ReportRequestChecker) and recorded (pf_reports); documents (monthly, quarterly)
 * are made during the request while they are small, since they hold aggregated figures
 * only; large documents and data exports, which grow with the data, run as a background job
 * (ReportSize decides; ReportJobRunner, GenerateReportJob). Trying a failed report again and
 * deleting one: ReportActions.
 *
 * Who: consolidators (everything; tester names in exports on explicit request, logged) and
 * coordinators (their own organisation's data, pseudonymised). Testers: nothing.
 *
 * @psalm-import-type PilotFeedbackReport from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportPage from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportService {
	public const MAX_LIMIT = 100;

	public function __construct(
		private ReportRequestChecker $checker,
		private ReportJobRunner $runner,
		private ReportMapper $reports,
		private ReportPresenter $presenter,
		private Policy $policy,
		private ReportSize $size,
		private LoggerInterface $logger,
	) {
	}

	/**
	 * Checks and records a request; a small document is made at once, a large one and an
	 * export are queued.
	 *
	 * @return PilotFeedbackReport
	 */
	public function request(Actor $actor, mixed $type, mixed $format, mixed $pilotId, mixed $month, mixed $quarter, mixed $language, mixed $withNames, mixed $organisationId, mixed $releasedOnly = null, mixed $from = null, mixed $to = null): array {
		$request = $this->checker->check($actor, $type, $format, $pilotId, $month, $quarter, $language, $withNames, $organisationId, $releasedOnly, $from, $to);
		$report = $this->runner->record($request, $actor->userId, Report::ORIGIN_REQUEST);
		if ($request->withNames) {
			$this->logger->info('Pilot Feedback: {user} asked for report {id} ({type}, {period}, pilot {pilot}, {format}) with tester names', [
				'app' => Application::APP_ID,
				'user' => $actor->userId,
				'id' => $report->getId(),
				'type' => $request->type,
				'period' => $request->period,
				'pilot' => $request->pilotId ?? 'all',
				'format' => $request->format,
			]);
		}
		if ($this->size->inBackground($request)) {
			$this->runner->queue($report);
		} else {
			$report = $this->runner->run($report->getId());
		}
		return $this->presenter->present($report);
	}

	/**
	 * The reports the actor may see, newest first: consolidators every report, coordinators
	 * their own.
	 *
	 * @return PilotFeedbackReportPage
	 */
	public function list(Actor $actor, mixed $page, mixed $limit): array {
		$this->checker->requireReporter($actor);
		$page = $page === null || $page === '' ? 1 : Validator::intInRange($page, 'Page', 1, 100000);
		$limit = $limit === null || $limit === '' ? 20 : Validator::intInRange($limit, 'Limit', 1, self::MAX_LIMIT);
		$owner = $actor->isConsolidator ? null : $actor->userId;
		return [
			'reports' => array_map($this->presenter->present(...), $this->reports->findPage($owner, ($page - 1) * $limit, $limit)),
			'total' => $this->reports->count($owner),
			'page' => $page,
			'limit' => $limit,
		];
	}

	/** @return PilotFeedbackReport */
	public function get(Actor $actor, mixed $id): array {
		$this->checker->requireReporter($actor);
		$report = $this->reports->get(Validator::id($id, 'Report'));
		$this->policy->require($actor->isConsolidator || $report->getRequestedBy() === $actor->userId, 'You may see the reports you asked for only.');
		return $this->presenter->present($report);
	}
}
