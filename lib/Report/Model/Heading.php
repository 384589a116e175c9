<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A heading of level 1..3; writers give it an outline level so it forms the document's structure. */
final class Heading implements Block {
	public function __construct(
		public readonly string $text,
		public readonly int $level = 1,
	) {
	}
}
