<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * A report could not be made or saved (no space, quota, the folder removed …). Not an answer
 * to a request (the report records it and the requester is notified), so not a DomainError;
 * its message is an English template translated where it is shown, like a DomainError's.
 */
class ReportFailedException extends \RuntimeException {
	/**
	 * @param list<string> $params values for the template's placeholders
	 * @param \Throwable|null $previous the cause, for the log
	 */
	public function __construct(
		private string $template,
		private array $params = [],
		?\Throwable $previous = null,
	) {
		parent::__construct(vsprintf($template, $params), 0, $previous);
	}

	public function getTemplate(): string {
		return $this->template;
	}

	/** @return list<string> */
	public function getParams(): array {
		return $this->params;
	}
}
