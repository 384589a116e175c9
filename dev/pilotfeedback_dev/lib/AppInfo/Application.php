<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\AppInfo;

use OCA\PilotFeedbackDev\Middleware\BenchMemoryMiddleware;
use OCP\AppFramework\App;
use OCP\AppFramework\Bootstrap\IBootContext;
use OCP\AppFramework\Bootstrap\IBootstrap;
use OCP\AppFramework\Bootstrap\IRegistrationContext;

/**
 * The development companion of Pilot Feedback (dev/README.md): its seeders use the product's
 * services and mappers, which Nextcloud autoloads from the enabled pilotfeedback app.
 */
class Application extends App implements IBootstrap {
	public const APP_ID = 'pilotfeedback_dev';

	public function __construct() {
		parent::__construct(self::APP_ID);
	}

	public function register(IRegistrationContext $context): void {
		// Global, because the requests it measures are pilotfeedback's; it answers only for
		// that app's API and only while the system configuration sets pilotfeedback.bench.
		$context->registerMiddleware(BenchMemoryMiddleware::class, true);
	}

	public function boot(IBootContext $context): void {
	}
}
