<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\People\UserNames;
use OCP\IL10N;

/**
 * A recorded report as the API answers it: its request, its status, the reason it failed in
 * the reader's language, and the path of its file in the requester's Files. A requester whose
 * account was deleted is shown by their pseudonym ("deleted user #7"), id and name.
 *
 * @psalm-import-type PilotFeedbackReport from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportPresenter {
	public function __construct(
		private IL10N $l10n,
		private UserNames $names,
	) {
	}

	/** @return PilotFeedbackReport */
	public function present(Report $report): array {
		$error = null;
		$stored = $report->getError();
		if ($stored !== null) {
			/** @var array{template?: string, params?: list<string>} $decoded */
			$decoded = json_decode($stored, true) ?: [];
			$error = $this->l10n->t($decoded['template'] ?? 'The report could not be made.', $decoded['params'] ?? []);
		}
		$status = $report->getStatus();
		$type = $report->getType();
		$fileName = $report->getFileName();
		return [
			'id' => $report->getId(),
			'type' => in_array($type, ['monthly', 'quarterly'], true) ? $type : 'export',
			'pilotId' => $report->getPilotId(),
			'organisationId' => $report->getOrgId(),
			'period' => $report->getPeriod(),
			'format' => $report->getFormat(),
			'language' => $report->getLanguage(),
			'pseudonymised' => $report->getPseudonymised() ?? true,
			'releasedOnly' => $report->getReleasedOnly() ?? false,
			'origin' => $report->getOrigin() === Report::ORIGIN_CADENCE ? 'cadence' : 'request',
			'requestedBy' => $this->names->id($report->getRequestedBy()),
			'requestedByName' => $this->names->name($report->getRequestedBy()),
			'status' => in_array($status, ['queued', 'running', 'done'], true) ? $status : 'failed',
			'error' => $error,
			'fileId' => $report->getFileId(),
			'fileName' => $report->getFileName(),
			'path' => $fileName === null ? null : $report->getFolder() . '/' . $report->getPeriod() . '/' . $fileName,
			'createdAt' => $report->getCreatedAt(),
			'finishedAt' => $report->getFinishedAt(),
		];
	}
}
