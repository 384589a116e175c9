<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCP\IUserManager;

/**
 * What the list of reports offers besides opening one: trying a failed report again, and
 * deleting a report with its file. Both are for the one who asked for the report, and for
 * every consolidator when the schedule made it (the consolidators' reports together).
 *
 * Trying again keeps the requester and their report folder and queues the report for the
 * background job; the requester's right to the report's data is checked again first (and once
 * more when it is made). Deleting removes the record and the file the app saved, if it still
 * exists under the name the app gave it (a file the owner renamed is theirs now and stays);
 * the file goes to its owner's trash bin like any file deleted in Files.
 *
 * @psalm-import-type PilotFeedbackReport from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportDeleted from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportActions {
	public function __construct(
		private ReportMapper $reports,
		private ReportRequestChecker $checker,
		private ReportJobRunner $runner,
		private ReportStorage $storage,
		private ReportPresenter $presenter,
		private Policy $policy,
		private ActorFactory $actors,
		private IUserManager $userManager,
	) {
	}

	/** Whether the actor may try the report again or delete it: its requester, or any consolidator for a scheduled one. */
	public static function mayManage(Actor $actor, Report $report): bool {
		return $report->getRequestedBy() === $actor->userId
			|| ($actor->isConsolidator && $report->getOrigin() === Report::ORIGIN_CADENCE);
	}

	/**
	 * Queues a failed report again, for the same requester and folder.
	 *
	 * @return PilotFeedbackReport
	 * @throws ForbiddenException not the requester (nor a consolidator, for a scheduled report), or the requester lost the right to its data
	 * @throws ConflictException the report did not fail
	 */
	public function retry(Actor $actor, mixed $id): array {
		$report = $this->find($actor, $id, 'You may try again only the reports you asked for (consolidators: also the scheduled reports).');
		if ($report->getStatus() !== Report::STATUS_FAILED) {
			throw new ConflictException('Only a report that failed can be tried again; this one is being made or is ready. Reload the list.');
		}
		$this->requireRequesterAccess($actor, $report);
		if (!$this->reports->requeue($report->getId(), Report::STATUS_FAILED, null)) {
			throw new ConflictException('Only a report that failed can be tried again; this one is being made or is ready. Reload the list.');
		}
		$this->runner->queue($report);
		return $this->presenter->present($this->reports->get($report->getId()));
	}

	/**
	 * Deletes a report and the file the app saved for it.
	 *
	 * @return PilotFeedbackReportDeleted
	 * @throws ForbiddenException not the requester (nor a consolidator, for a scheduled report)
	 */
	public function delete(Actor $actor, mixed $id): array {
		$report = $this->find($actor, $id, 'You may delete only the reports you asked for (consolidators: also the scheduled reports).');
		$fileId = $report->getFileId();
		$fileName = $report->getFileName();
		$fileRemoved = $fileId !== null && $fileName !== null
			&& $this->storage->removeReportFile($report->getRequestedBy(), $fileId, $fileName, $report->getId());
		$this->reports->delete($report);
		return ['id' => $report->getId(), 'fileRemoved' => $fileRemoved];
	}

	private function find(Actor $actor, mixed $id, string $notYours): Report {
		$this->checker->requireReporter($actor);
		$report = $this->reports->get(Validator::id($id, 'Report'));
		$this->policy->require(self::mayManage($actor, $report), $notYours);
		return $report;
	}

	/** The requester's right to the report's data, as they are now. */
	private function requireRequesterAccess(Actor $actor, Report $report): void {
		$requester = $report->getRequestedBy();
		$user = $this->userManager->get($requester);
		if ($user === null) {
			throw new ForbiddenException('The account that asked for the report no longer exists. Ask for a new report instead.');
		}
		try {
			$this->checker->recheck($requester === $actor->userId ? $actor : $this->actors->forUser($user), ReportMaker::requestOf($report));
		} catch (ForbiddenException $e) {
			if ($requester === $actor->userId) {
				throw $e;
			}
			throw new ForbiddenException('The report is saved into the Files of %1$s, who no longer has access to its data. Ask for a new report instead.', [$this->userManager->getDisplayName($requester) ?? $requester]);
		}
	}
}
