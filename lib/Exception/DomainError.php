<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * An error a person can act on. The message is an English template that
 * ErrorMiddleware translates (placeholders %1$s, %2$s … as in Nextcloud's l10n).
 *
 * @psalm-consistent-constructor
 */
abstract class DomainError extends \Exception {
	/** Whether the first parameter is a field name that is translated along with the template. */
	private bool $firstParamIsField = false;

	/**
	 * @param list<string> $params values for the template's placeholders
	 */
	public function __construct(
		private string $template,
		private array $params = [],
	) {
		parent::__construct(vsprintf($template, $params));
	}

	/**
	 * An error about a field: the field's name (English, e.g. "Title") is translated too.
	 */
	public static function field(string $template, string $field, string ...$more): static {
		$error = new static($template, [$field, ...array_values($more)]);
		$error->firstParamIsField = true;
		return $error;
	}

	public function firstParamIsField(): bool {
		return $this->firstParamIsField;
	}

	public function getTemplate(): string {
		return $this->template;
	}

	/** @return list<string> */
	public function getParams(): array {
		return $this->params;
	}

	/**
	 * The HTTP status this error answers with.
	 *
	 * @return 400|403|404|409|503
	 */
	abstract public function getStatus(): int;
}
