<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** Where a pilot stands; only active pilots are rated. */
enum PilotStatus: string {
	use ListsValues;

	case Planned = 'planned';
	case Active = 'active';
	case Closed = 'closed';
}
