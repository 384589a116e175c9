<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * The database stayed locked by other requests through every attempt (see TransactionRunner);
 * the same request will most likely succeed a moment later. Answers 503 with Retry-After.
 */
class BusyException extends DomainError {
	/** Seconds after which the client may try again. */
	public const RETRY_AFTER = 1;

	/** The last lock error, for the log; never shown to the user. */
	private ?\Throwable $cause = null;

	/** The error for a transaction that kept meeting locks; $cause is the last lock error. */
	public static function after(\Throwable $cause): self {
		$error = new self('The server is busy, please try again.');
		$error->cause = $cause;
		return $error;
	}

	/** The last lock error, for the log; never shown to the user. */
	public function getCause(): ?\Throwable {
		return $this->cause;
	}

	public function getStatus(): int {
		return 503;
	}
}
