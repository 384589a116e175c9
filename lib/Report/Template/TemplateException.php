<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Template;

use OCA\PilotFeedback\Exception\ValidationException;

/** A chosen report template cannot be used; the message says why (400). */
class TemplateException extends ValidationException {
}
