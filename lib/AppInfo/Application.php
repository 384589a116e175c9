<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\AppInfo;

use OCA\PilotFeedback\Activity\ActivityListener;
use OCA\PilotFeedback\Dashboard\ConsolidatorWidget;
use OCA\PilotFeedback\Dashboard\CoordinatorWidget;
use OCA\PilotFeedback\Dashboard\TesterWidget;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Event\ItemMerged;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Event\ItemUpdated;
use OCA\PilotFeedback\Event\PeriodClosed;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Listener\GroupMembershipListener;
use OCA\PilotFeedback\Listener\NotificationListener;
use OCA\PilotFeedback\Listener\PageVisitListener;
use OCA\PilotFeedback\Listener\PreviousVisitListener;
use OCA\PilotFeedback\Listener\ReferenceCacheListener;
use OCA\PilotFeedback\Listener\ReportTrashListener;
use OCA\PilotFeedback\Listener\UserDeletedListener;
use OCA\PilotFeedback\Middleware\ErrorMiddleware;
use OCA\PilotFeedback\Middleware\RequestBodyMiddleware;
use OCA\PilotFeedback\Notification\Notifier;
use OCA\PilotFeedback\Notification\ReleaseReminderNotifier;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\Reference\ItemReferenceProvider;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Search\ItemSearchProvider;
use OCA\PilotFeedback\SetupCheck\ReportBackgroundJobs;
use OCA\PilotFeedback\UserMigration\PilotFeedbackMigrator;
use OCP\AppFramework\App;
use OCP\AppFramework\Bootstrap\IBootContext;
use OCP\AppFramework\Bootstrap\IBootstrap;
use OCP\AppFramework\Bootstrap\IRegistrationContext;
use OCP\AppFramework\Http\Events\BeforeTemplateRenderedEvent;
use OCP\User\Events\BeforeUserDeletedEvent;
use OCP\User\Events\UserDeletedEvent;

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
		$context->registerEventListener(ReportTrashListener::EVENT, ReportTrashListener::class);
		$context->registerSetupCheck(ReportBackgroundJobs::class);

		$context->registerNotifierService(Notifier::class);
		$context->registerNotifierService(ReleaseReminderNotifier::class);
		$context->registerEventListener(ItemStatusChanged::class, NotificationListener::class);
		$context->registerEventListener(ItemMerged::class, NotificationListener::class);
		$context->registerEventListener(ItemCommented::class, NotificationListener::class);
		$context->registerEventListener(PeriodReleased::class, NotificationListener::class);
		$context->registerEventListener(PeriodClosed::class, NotificationListener::class);

		$context->registerSearchProvider(ItemSearchProvider::class);
		$context->registerReferenceProvider(ItemReferenceProvider::class);
		foreach ([ItemCreated::class, ItemUpdated::class, ItemStatusChanged::class, ItemMerged::class, ItemSupported::class] as $itemEvent) {
			$context->registerEventListener($itemEvent, ReferenceCacheListener::class);
		}

		$context->registerDashboardWidget(TesterWidget::class);
		$context->registerDashboardWidget(CoordinatorWidget::class);
		$context->registerDashboardWidget(ConsolidatorWidget::class);
		$context->registerEventListener(BeforeTemplateRenderedEvent::class, PageVisitListener::class);
		// Before PageVisitListener moves the last visit on: keeps the end of the visit before (the start page's "since your last visit").
		$context->registerEventListener(BeforeTemplateRenderedEvent::class, PreviousVisitListener::class, 10);

		$context->registerEventListener(BeforeUserDeletedEvent::class, UserDeletedListener::class);
		$context->registerEventListener(UserDeletedEvent::class, UserDeletedListener::class);
		foreach (GroupMembershipListener::EVENTS as $groupEvent) {
			$context->registerEventListener($groupEvent, GroupMembershipListener::class);
		}
		// A user's records in the user_migration app's export and import.
		$context->registerUserMigrator(PilotFeedbackMigrator::class);

		foreach ([ItemCreated::class, ItemUpdated::class, ItemStatusChanged::class, ItemMerged::class, ItemCommented::class, ItemSupported::class, PeriodReleased::class, ReportGenerated::class] as $activityEvent) {
			$context->registerEventListener($activityEvent, ActivityListener::class);
		}
	}

	public function boot(IBootContext $context): void {
	}
}
