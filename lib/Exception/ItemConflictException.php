<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Exception;

/**
 * An edit or triage sent with a version of the item that is no longer the current one.
 * Answers 409 with the message and, under `current`, the item as it is now (ItemConflict).
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemConflictException extends ConflictException {
	/** The schema of the answer's data in openapi.json (see scripts/openapi/SpecGenerator.php). */
	public const SCHEMA = 'ItemConflict';

	/** @var PilotFeedbackItemDetail|null */
	private ?array $current = null;

	public static function stale(): self {
		return new self('This item was changed by someone else in the meantime. Review their changes and apply yours again.');
	}

	/**
	 * The same error carrying the item as it is now, for the answer.
	 *
	 * @param PilotFeedbackItemDetail $current
	 */
	public function withCurrent(array $current): self {
		$error = new self($this->getTemplate(), $this->getParams());
		$error->current = $current;
		return $error;
	}

	/** @return array<string, mixed> what the answer carries beside the message */
	public function getData(): array {
		return $this->current === null ? [] : ['current' => $this->current];
	}
}
