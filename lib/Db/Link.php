<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

/**
 * The many-to-many relations of the catalogue: each is a table with a left and a right column.
 * The left side is always a numeric id; the right side a numeric id or a Nextcloud user/group id.
 */
enum Link: string {
	case PilotComponents = 'pf_pilot_comps';
	case OrganisationPilots = 'pf_org_pilots';
	case OrganisationGroups = 'pf_org_groups';
	case OrganisationCoordinators = 'pf_org_coords';

	public function left(): string {
		return match ($this) {
			self::PilotComponents => 'pilot_id',
			default => 'org_id',
		};
	}

	public function right(): string {
		return match ($this) {
			self::PilotComponents => 'component_id',
			self::OrganisationPilots => 'pilot_id',
			self::OrganisationGroups => 'group_id',
			self::OrganisationCoordinators => 'user_id',
		};
	}

	/** Whether the right side holds numeric ids (else Nextcloud user/group ids). */
	public function rightIsNumeric(): bool {
		return $this === self::PilotComponents || $this === self::OrganisationPilots;
	}
}
