<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Item\LastVisit;
use OCA\PilotFeedback\Month\SinceLastVisit;
use OCP\Config\IUserConfig;
use PHPUnit\Framework\MockObject\MockObject;

/**
 * "Changed since your last visit" means the visit before the current one: the app's page
 * records every opening (LastVisit), so inside the app the last opening is just now.
 */
final class SinceLastVisitTest extends MonthTestCase {
	private LastVisit&MockObject $lastVisit;
	/** @var array<string, string> stored user values by key */
	private array $stored = [];
	private SinceLastVisit $visits;

	protected function setUp(): void {
		$this->lastVisit = $this->createMock(LastVisit::class);
		$config = $this->createMock(IUserConfig::class);
		$config->method('getValueString')->willReturnCallback(fn (string $user, string $app, string $key, string $default = ''): string => $this->stored[$key] ?? $default);
		$config->method('setValueString')->willReturnCallback(function (string $user, string $app, string $key, string $value): bool {
			$this->stored[$key] = $value;
			return true;
		});
		$this->visits = new SinceLastVisit($this->lastVisit, $config, $this->time());
	}

	public function testOutsideTheAppTheLastVisitCounts(): void {
		$this->lastVisit->method('get')->willReturn(self::NOW - 86400);
		self::assertSame(self::NOW - 86400, $this->visits->since('rki-tester1'));
	}

	public function testInsideTheAppTheVisitBeforeCounts(): void {
		$this->lastVisit->method('get')->willReturnOnConsecutiveCalls(self::NOW - 2 * 86400, self::NOW - 60);
		// The page opens: the visit of two days ago is kept before LastVisit records this one.
		$this->visits->startVisit('rki-tester1');
		self::assertSame(self::NOW - 2 * 86400, $this->visits->since('rki-tester1'));
	}

	public function testAnotherOpeningWithinTheSameVisitKeepsTheVisitBefore(): void {
		$this->stored['previous_visit'] = (string)(self::NOW - 2 * 86400);
		$this->lastVisit->method('get')->willReturn(self::NOW - 600);
		$this->visits->startVisit('rki-tester1');
		self::assertSame((string)(self::NOW - 2 * 86400), $this->stored['previous_visit']);
		self::assertSame(self::NOW - 2 * 86400, $this->visits->since('rki-tester1'));
	}

	public function testWithoutARecordedVisitBeforeAWeekCounts(): void {
		$this->lastVisit->method('get')->willReturn(self::NOW - 60);
		self::assertSame(self::NOW - 60 - 7 * 86400, $this->visits->since('rki-tester1'));
	}
}
