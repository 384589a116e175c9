<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * A report could not be made or saved (no space, quota, the folder removed …). Its message is
 * kept with the report and sent to the requester; nothing of the file is left behind.
 */
class ReportFailedException extends DomainError {
	public function getStatus(): int {
		return 409;
	}
}
