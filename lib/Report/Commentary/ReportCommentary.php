<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

/**
 * The coordinating ministry's own words for one pilot and period, as the report shows them:
 * a foreword and a comment per component, in Markdown. They are the consolidator's, marked as
 * such in the document, and never change a figure.
 */
final class ReportCommentary {
	/**
	 * @param string|null $foreword Markdown, or null when none was written
	 * @param array<int, string> $components componentId => Markdown; components without a comment are absent
	 */
	public function __construct(
		public readonly ?string $foreword = null,
		public readonly array $components = [],
	) {
	}

	public function isEmpty(): bool {
		return $this->foreword === null && $this->components === [];
	}

	/** The comment on one component, or null when there is none. */
	public function forComponent(int $componentId): ?string {
		return $this->components[$componentId] ?? null;
	}
}
