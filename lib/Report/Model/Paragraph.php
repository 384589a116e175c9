<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A paragraph of plain text, no markup. */
final class Paragraph implements Block {
	public function __construct(
		public readonly string $text,
	) {
	}
}
