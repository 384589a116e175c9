<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Model\Actor;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/** A report or export was made and saved into its requester's Files. */
class ReportGenerated extends Event implements IWebhookCompatibleEvent {
	/**
	 * @param Actor|null $requester the roles of the user who asked for the report, if known; the
	 *                              webhook payload then names the role they asked in
	 */
	public function __construct(
		private Report $report,
		private ?Actor $requester = null,
	) {
		parent::__construct();
	}

	public function getReport(): Report {
		return $this->report;
	}

	/**
	 * The schedule's reports are the app's own doing; a requested one was asked for by a
	 * consolidator or a coordinator (only consolidators may ask for tester names). Null when the
	 * requester's roles were not passed and the report does not tell.
	 */
	public function getActorRole(): ?ActingRole {
		if ($this->report->getOrigin() === Report::ORIGIN_CADENCE) {
			return ActingRole::system();
		}
		$requester = $this->requester;
		if ($requester === null) {
			return ($this->report->getPseudonymised() ?? true) ? null : ActingRole::consolidator();
		}
		if ($requester->isConsolidator) {
			return ActingRole::consolidator();
		}
		$orgId = $this->report->getOrgId();
		if ($orgId !== null && $requester->coordinates($orgId)) {
			return ActingRole::coordinatorOf($orgId);
		}
		$coordinated = $requester->coordinatorOrgIds[0] ?? null;
		return $coordinated === null ? null : ActingRole::coordinatorOf($coordinated);
	}

	/**
	 * Ids, types, time stamps and the role only: never the file's contents or name (it names the
	 * pilot), nor who asked for it.
	 *
	 * @return array{reportId: int, type: string, format: string, pilotId: ?int, organisationId: ?int, period: string, pseudonymised: bool, fileId: ?int, finishedAt: ?int, actorRole: ?string, actorOrganisationId: ?int}
	 */
	public function getWebhookSerializable(): array {
		return [
			'reportId' => $this->report->getId(),
			'type' => $this->report->getType(),
			'format' => $this->report->getFormat(),
			'pilotId' => $this->report->getPilotId(),
			'organisationId' => $this->report->getOrgId(),
			'period' => $this->report->getPeriod(),
			'pseudonymised' => $this->report->getPseudonymised() ?? true,
			'fileId' => $this->report->getFileId(),
			'finishedAt' => $this->report->getFinishedAt(),
			...ActingRole::payload($this->getActorRole()),
		];
	}
}
