<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Commands that exist only in a development checkout. The app store tarball (make appstore)
 * leaves out the benchmark seeder, so its command is registered only where its class is
 * present; the commands every installation has are listed in info.xml.
 * Nextcloud's occ requires this file with $application (its Symfony console) in scope.
 */

use OCA\PilotFeedback\Command\BenchSeed;
use OCP\Server;

/** @var Symfony\Component\Console\Application $application */
if (class_exists(BenchSeed::class)) {
	$application->add(Server::get(BenchSeed::class));
}
