<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/** The request conflicts with the current state of a record. */
class ConflictException extends DomainError {
	public function getStatus(): int {
		return 409;
	}
}
