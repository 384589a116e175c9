<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Db\ReportMapper;

/**
 * Whether a report is made during the request that asks for it or as a background job. Data
 * exports, which grow with the data, always go to the job. A monthly or quarterly document is
 * made at once while it reads at most MAX_ROWS_IN_REQUEST rows (the assessments of its range,
 * counted once per pilot section, and the items filed in it); a larger one, such as the
 * quarterly report over all pilots of a busy pilot, goes to the job. The limit comes from the
 * measurement in docs/performance.md ("Reports in the request or in the background").
 */
class ReportSize {
	/** The most rows a document made during the request reads: about 2 s on the measuring machine. */
	public const MAX_ROWS_IN_REQUEST = 10000;

	public function __construct(
		private ReportMapper $reports,
	) {
	}

	public function inBackground(ReportRequest $request): bool {
		if ($request->type === ReportRequest::EXPORT) {
			return true;
		}
		return $this->reports->documentRows($request->pilotId, $request->range()) > self::MAX_ROWS_IN_REQUEST;
	}
}
