<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/** The requested record does not exist or is not visible to the user. */
class NotFoundException extends DomainError {
	public function getStatus(): int {
		return 404;
	}
}
