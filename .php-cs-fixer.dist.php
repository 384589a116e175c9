<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

require_once __DIR__ . '/vendor/autoload.php';

use Nextcloud\CodingStandard\Config;

$config = new Config();
$config
	->setCacheFile(__DIR__ . '/.php-cs-fixer.cache')
	->getFinder()
	->ignoreVCSIgnored(true)
	->exclude(['vendor', 'node_modules'])
	->in([
		__DIR__ . '/lib',
		__DIR__ . '/test/php',
		__DIR__ . '/appinfo',
		__DIR__ . '/templates',
		__DIR__ . '/scripts',
		__DIR__ . '/dev',
	])
	->append([__FILE__]);

return $config;
