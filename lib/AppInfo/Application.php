<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\AppInfo;

use OCA\PilotFeedback\Middleware\ErrorMiddleware;
use OCA\PilotFeedback\Middleware\RequestBodyMiddleware;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCP\AppFramework\App;
use OCP\AppFramework\Bootstrap\IBootContext;
use OCP\AppFramework\Bootstrap\IBootstrap;
use OCP\AppFramework\Bootstrap\IRegistrationContext;

class Application extends App implements IBootstrap {
	public const APP_ID = 'pilotfeedback';

	public function __construct() {
		parent::__construct(self::APP_ID);
	}

	public function register(IRegistrationContext $context): void {
		$context->registerMiddleware(ErrorMiddleware::class);
		// After ErrorMiddleware, so that ErrorMiddleware answers its refusals.
		$context->registerMiddleware(RequestBodyMiddleware::class);
		$context->registerNotifierService(ReportNotifier::class);
		// The writers known on this branch; the reportwriters branch registers all of them (keep that one).
		$context->registerService(WriterRegistry::class, static fn (): WriterRegistry => new WriterRegistry([], [new CsvWriter(), new OdsWriter(), new XlsxWriter()]));
	}

	public function boot(IBootContext $context): void {
	}
}
