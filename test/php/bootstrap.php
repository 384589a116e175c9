<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// The unit suite runs without a Nextcloud server: it covers only the classes that do not
// depend on OCP (models, rules, validation, exceptions). Composer's autoloader maps
// OCA\PilotFeedback\ to lib/ and OCA\PilotFeedback\Tests\ to test/php/.
require_once __DIR__ . '/../../vendor/autoload.php';
