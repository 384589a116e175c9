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

// The request-level classes (middlewares) need Nextcloud's public API, OCP. When
// NEXTCLOUD_DIR names a Nextcloud server directory (`make test-php` sets it), OCP\ is
// loaded from its lib/public; their tests are skipped without it, saying so.
$nextcloudDir = getenv('NEXTCLOUD_DIR');
if (is_string($nextcloudDir) && $nextcloudDir !== '' && is_dir($nextcloudDir . '/lib/public')) {
	define('PILOTFEEDBACK_OCP_DIR', realpath($nextcloudDir . '/lib/public'));
	spl_autoload_register(static function (string $class): void {
		if (str_starts_with($class, 'OCP\\')) {
			$file = PILOTFEEDBACK_OCP_DIR . '/' . str_replace('\\', '/', substr($class, 4)) . '.php';
			if (is_file($file)) {
				require_once $file;
			}
		}
	});
}
