<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Model;

/** The categories a component belongs to. */
enum ComponentCategory: string {
	use ListsValues;

	case Groupware = 'groupware';
	case FileSharing = 'filesharing';
	case WebOffice = 'weboffice';
	case Messaging = 'messaging';
	case Identity = 'identity';
	case Portal = 'portal';
	case Other = 'other';
}
