<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Event;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCP\EventDispatcher\IWebhookCompatibleEvent;
use PHPUnit\Framework\TestCase;

/** The webhook payload of a made report: ids and metadata, never the file's name or folder, nor who asked for it. */
final class ReportGeneratedTest extends TestCase {
	public function testPayloadCarriesIdsAndMetadataOnly(): void {
		$report = new Report();
		$report->setId(7);
		$report->setType('quarterly');
		$report->setFormat('odt');
		$report->setPilotId(3);
		$report->setOrgId(null);
		$report->setPeriod('2026-Q3');
		$report->setPseudonymised(true);
		$report->setRequestedBy('bmi');
		$report->setFileId(412);
		$report->setFileName('Quarterly report - 2026-Q3 - Secret pilot.odt');
		$report->setFolder('Pilot Feedback/Reports');
		$report->setFinishedAt(1_800_000_000);

		$event = new ReportGenerated($report);

		$this->assertInstanceOf(IWebhookCompatibleEvent::class, $event);
		$this->assertSame([
			'reportId' => 7,
			'type' => 'quarterly',
			'format' => 'odt',
			'pilotId' => 3,
			'organisationId' => null,
			'period' => '2026-Q3',
			'pseudonymised' => true,
			'fileId' => 412,
			'finishedAt' => 1_800_000_000,
			'actorRole' => null,
			'actorOrganisationId' => null,
		], $event->getWebhookSerializable());
		$this->assertStringNotContainsString('Secret pilot', json_encode($event->getWebhookSerializable(), JSON_THROW_ON_ERROR));
	}
}
