<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** The first page of a document. */
final class TitlePage {
	/**
	 * @param list<string> $lines e.g. "Pilot: …", "Period: …", "Generated 2026-12-01 10:00 by Pilot Feedback 0.2.0"
	 * @param ?string $mark e.g. "Preliminary"
	 */
	public function __construct(
		public readonly string $title,
		public readonly string $subtitle,
		public readonly array $lines,
		public readonly ?string $mark = null,
	) {
	}
}
