<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Event;

use OCA\PilotFeedback\Db\Report;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IWebhookCompatibleEvent;

/** A report or export was made and saved into its requester's Files. */
class ReportGenerated extends Event implements IWebhookCompatibleEvent {
	public function __construct(
		private Report $report,
	) {
		parent::__construct();
	}

	public function getReport(): Report {
		return $this->report;
	}

	/**
	 * Ids and metadata only: never the file's contents or name (it names the pilot).
	 *
	 * @return array{reportId: int, type: string, format: string, pilotId: ?int, organisationId: ?int, period: string, pseudonymised: bool, requestedBy: string, fileId: ?int, finishedAt: ?int}
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
			'requestedBy' => $this->report->getRequestedBy(),
			'fileId' => $this->report->getFileId(),
			'finishedAt' => $this->report->getFinishedAt(),
		];
	}
}
