<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * A save named a version that is no longer the stored one: someone (or another tab) saved in
 * between. The answer (409) carries the current record, so that the client can show it and
 * offer to keep it or to overwrite it with what the user typed.
 */
class StaleVersionException extends ConflictException {
	/** @var array<string, mixed>|null */
	private ?array $current = null;

	/**
	 * @param array<string, mixed>|null $current the record as it is stored now
	 * @param list<string> $params
	 */
	public static function with(?array $current, string $template, array $params = []): self {
		$error = new self($template, $params);
		$error->current = $current;
		return $error;
	}

	/** @return array<string, mixed>|null */
	public function current(): ?array {
		return $this->current;
	}
}
