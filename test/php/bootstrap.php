<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// The unit suite runs without a Nextcloud server: it covers the classes that do not depend
// on OCP (models, rules, validation, exceptions), and the transaction runner against
// stand-ins of the few OCP types it names (Stubs/ocp.php). Composer's autoloader maps
// OCA\PilotFeedback\ to lib/ and OCA\PilotFeedback\Tests\ to test/php/.
require_once __DIR__ . '/../../vendor/autoload.php';
require_once __DIR__ . '/Stubs/ocp.php';
