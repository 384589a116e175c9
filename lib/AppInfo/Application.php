<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\AppInfo;

use OCA\PilotFeedback\Middleware\BenchMemoryMiddleware;
use OCA\PilotFeedback\Middleware\ErrorMiddleware;
use OCA\PilotFeedback\Middleware\RequestBodyMiddleware;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
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
		// The report and export formats (ODT first: the default document format).
		$context->registerService(WriterRegistry::class, static fn (): WriterRegistry => new WriterRegistry(
			[new OdtWriter(), new DocxWriter()],
			[new OdsWriter(), new XlsxWriter(), new CsvWriter()],
		));
		$context->registerNotifierService(ReportNotifier::class);
		// Off unless the system configuration sets pilotfeedback.bench (scripts/bench.sh).
		$context->registerMiddleware(BenchMemoryMiddleware::class);
	}

	public function boot(IBootContext $context): void {
	}
}
