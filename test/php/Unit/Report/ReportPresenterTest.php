<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Report\ReportPresenter;
use OCP\IL10N;
use OCP\IUserManager;
use PHPUnit\Framework\TestCase;

/** The report list names the requester; a deleted one by their pseudonym only. */
final class ReportPresenterTest extends TestCase {
	private ReportPresenter $presenter;

	protected function setUp(): void {
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => $uid === 'bmi' ? 'BMI Konsolidierung' : null);
		$pseudonyms = $this->createMock(Pseudonyms::class);
		$pseudonyms->method('pseudonymFor')->willReturnMap([['rki-coord-old', 'deleted user #3']]);
		$this->presenter = new ReportPresenter($this->createMock(IL10N::class), new UserNames($users, $pseudonyms));
	}

	private static function report(string $requestedBy): Report {
		$report = new Report();
		$report->setId(5);
		$report->setType('export');
		$report->setPeriod('2026-Q4');
		$report->setFormat('csv');
		$report->setLanguage('de');
		$report->setRequestedBy($requestedBy);
		$report->setFolder('Pilot Feedback/Reports');
		$report->setStatus(Report::STATUS_DONE);
		$report->setFileName('Export.csv');
		return $report;
	}

	public function testTheRequesterIsNamedByDisplayName(): void {
		$answer = $this->presenter->present(self::report('bmi'));

		self::assertSame('bmi', $answer['requestedBy']);
		self::assertSame('BMI Konsolidierung', $answer['requestedByName']);
		self::assertSame('Pilot Feedback/Reports/2026-Q4/Export.csv', $answer['path']);
	}

	public function testARequesterWhoseAccountWasDeletedIsNamedByTheirPseudonymOnly(): void {
		$answer = $this->presenter->present(self::report('rki-coord-old'));

		self::assertSame('deleted user #3', $answer['requestedBy']);
		self::assertSame('deleted user #3', $answer['requestedByName']);
		self::assertStringNotContainsString('rki-coord-old', (string)json_encode($answer));
	}
}
