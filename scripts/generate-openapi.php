<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * Generates openapi.json from the controllers and lib/ResponseDefinitions.php (see
 * scripts/openapi/SpecGenerator.php for the conventions). Development tooling; not shipped.
 *
 *   php scripts/generate-openapi.php            writes openapi.json
 *   php scripts/generate-openapi.php --check    exits 1 and prints a diff when openapi.json is stale
 */

use OCA\PilotFeedback\Tools\OpenApi\SpecGenerator;

$root = dirname(__DIR__);
require_once $root . '/vendor/autoload.php';

// The generator only reads declarations: Nextcloud's classes that the controllers extend
// (OCSController and its parents) are stood in for by empty ones, so no server is needed.
spl_autoload_register(static function (string $class): void {
	if (str_starts_with($class, 'OCP\\')) {
		$namespace = substr($class, 0, (int)strrpos($class, '\\'));
		$name = substr($class, strlen($namespace) + 1);
		eval("namespace $namespace; abstract class $name {}");
	}
});

$target = $root . '/openapi.json';
$json = json_encode((new SpecGenerator($root))->generate(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";

if (in_array('--check', $argv, true)) {
	if (is_file($target) && file_get_contents($target) === $json) {
		echo "openapi.json matches the source.\n";
		exit(0);
	}
	$generated = tempnam(sys_get_temp_dir(), 'openapi');
	file_put_contents($generated, $json);
	passthru('diff -u ' . escapeshellarg($target) . ' ' . escapeshellarg($generated) . ' | head -n 200');
	unlink($generated);
	fwrite(STDERR, "openapi.json differs from what the PHP source generates (diff above: - committed, + generated).\nRun `composer run openapi` and commit the result.\n");
	exit(1);
}
file_put_contents($target, $json);
echo "Wrote openapi.json\n";
