<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/** The request holds a value that cannot be accepted. */
class ValidationException extends DomainError {
	public function getStatus(): int {
		return 400;
	}
}
