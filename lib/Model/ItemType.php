<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** What a report item is [Meldungsart]; security findings are confidential. */
enum ItemType: string {
	use ListsValues;

	case Requirement = 'requirement';
	case Defect = 'defect';
	case Improvement = 'improvement';
	case Security = 'security';

	public function isConfidential(): bool {
		return $this === self::Security;
	}
}
