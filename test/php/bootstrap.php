<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// The unit suite runs without a Nextcloud instance: services get mocked mappers and OCP
// interfaces. The OCP types (and the third-party ones they name) are read from the source of
// the Nextcloud server that scripts/nextcloud-source.sh resolves (NEXTCLOUD_DIR, or the
// archive or release it unpacks), as scripts/static-analysis.sh does; nothing of the server runs.
// Composer's autoloader maps OCA\PilotFeedback\ to lib/ and OCA\PilotFeedback\Tests\ to test/php/.
require_once __DIR__ . '/../../vendor/autoload.php';

(static function (): void {
	$server = getenv('NEXTCLOUD_DIR') ?: '';
	if ($server === '') {
		$output = [];
		exec(escapeshellarg(__DIR__ . '/../../scripts/nextcloud-source.sh'), $output, $code);
		$server = $code === 0 ? trim((string)end($output)) : '';
	}
	if ($server === '' || !is_dir($server . '/lib/public')) {
		fwrite(STDERR, "The PHP unit tests need the OCP sources of a Nextcloud server: set NEXTCLOUD_DIR to an unpacked Nextcloud (see README.md).\n");
		exit(1);
	}
	$prefixes = [
		'OCP\\' => $server . '/lib/public/',
		'Doctrine\\DBAL\\' => $server . '/3rdparty/doctrine/dbal/src/',
		'Psr\\Log\\' => $server . '/3rdparty/psr/log/src/',
		'Psr\\Container\\' => $server . '/3rdparty/psr/container/src/',
		'Psr\\Clock\\' => $server . '/3rdparty/psr/clock/src/',
		'Psr\\EventDispatcher\\' => $server . '/3rdparty/psr/event-dispatcher/src/',
	];
	// Appended after Composer's loader, so the app's own dependencies win.
	spl_autoload_register(static function (string $class) use ($prefixes): void {
		foreach ($prefixes as $prefix => $dir) {
			if (str_starts_with($class, $prefix)) {
				$file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
				if (is_file($file)) {
					require_once $file;
				}
				return;
			}
		}
	});
})();
