<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** The facts about a report item that decide who may see and change it. */
final class ItemFacts {
	public function __construct(
		public readonly bool $confidential,
		public readonly string $reporterId,
		public readonly int $orgId,
		public readonly string $status,
	) {
	}
}
