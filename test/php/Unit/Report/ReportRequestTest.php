<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Report\ReportCadenceService;
use OCA\PilotFeedback\Report\ReportRequest;
use OCP\IL10N;
use PHPUnit\Framework\TestCase;

/** The period arithmetic of reports: the range before, "preliminary", the first working day. */
final class ReportRequestTest extends TestCase {
	private function request(string $period): ReportRequest {
		return new ReportRequest(ReportRequest::QUARTERLY, null, $period, 'odt', 'en', false, null);
	}

	public function testTheRangeBeforeAQuarterIsThePreviousQuarterAcrossTheYear(): void {
		$before = $this->request('2026-Q1')->previousRange();
		$this->assertSame(['2025-10', '2025-11', '2025-12'], $before->months());
		$this->assertSame(['2026-01'], $this->request('2026-02')->previousRange()->months());
	}

	public function testAPeriodIsPreliminaryUntilItsLastDayHasEnded(): void {
		$request = $this->request('2026-Q4');
		$this->assertTrue($request->isPreliminary((int)gmmktime(23, 59, 59, 12, 31, 2026)));
		$this->assertFalse($request->isPreliminary((int)gmmktime(0, 0, 0, 1, 1, 2027)));
	}

	public function testARangeExportCoversItsMonthsAndSaysSoInTheRequestsLanguage(): void {
		$request = new ReportRequest(ReportRequest::EXPORT, null, '2025-12--2026-11', 'csv', 'de', false, null);
		$this->assertTrue($request->isRange());
		$this->assertFalse($request->isQuarter());
		$this->assertSame(12, $request->range()->length());
		$this->assertSame(['2025-12', '2026-11'], [$request->range()->from, $request->range()->to]);
		$this->assertSame('2024-12', $request->previousRange()->from, 'the twelve months before');
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $parameters = []): string => vsprintf($text === '%1$s to %2$s' ? '%1$s bis %2$s' : $text, $parameters));
		$this->assertSame('2025-12 bis 2026-11', $request->periodLabel($l));
		$this->assertSame('2026-Q4', $this->request('2026-Q4')->periodLabel($l));
		$this->assertFalse($this->request('2026-11')->isRange());
	}

	public function testARangeOfOneMonthIsRecordedAsThatMonth(): void {
		$this->assertSame('2026-03', ReportRequest::periodOf(MonthRange::between('2026-03', '2026-03')));
		$this->assertSame('2025-12--2026-11', ReportRequest::periodOf(MonthRange::between('2025-12', '2026-11')));
	}

	public function testShiftMovesAcrossYears(): void {
		$this->assertSame('2025-12', ReportRequest::shift('2026-01', -1));
		$this->assertSame('2027-02', ReportRequest::shift('2026-11', 3));
	}

	public function testTheFirstWorkingDaySkipsTheWeekend(): void {
		// 2026-08-01 is a Saturday: the first working day is Monday 3 August.
		$this->assertFalse(ReportCadenceService::isOnOrAfterFirstWorkingDay((int)gmmktime(12, 0, 0, 8, 2, 2026)));
		$this->assertTrue(ReportCadenceService::isOnOrAfterFirstWorkingDay((int)gmmktime(12, 0, 0, 8, 3, 2026)));
		// 2026-12-01 is a Tuesday.
		$this->assertTrue(ReportCadenceService::isOnOrAfterFirstWorkingDay((int)gmmktime(0, 0, 0, 12, 1, 2026)));
	}
}
