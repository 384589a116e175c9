<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\MonthRange;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** The month ranges consolidated figures cover: one month, a quarter, or from–to. */
final class MonthRangeTest extends TestCase {
	public function testOneMonth(): void {
		$range = MonthRange::fromRequest('2026-03', null, null, null);
		self::assertSame(['2026-03', '2026-03'], [$range->from, $range->to]);
		self::assertSame(['2026-03'], $range->months());
	}

	/** @return array<string, array{string, list<string>}> */
	public static function quarters(): array {
		return [
			'Q1' => ['2026-Q1', ['2026-01', '2026-02', '2026-03']],
			'Q2' => ['2026-Q2', ['2026-04', '2026-05', '2026-06']],
			'Q3' => ['2025-Q3', ['2025-07', '2025-08', '2025-09']],
			'Q4' => ['2025-Q4', ['2025-10', '2025-11', '2025-12']],
		];
	}

	/** @param list<string> $months */
	#[DataProvider('quarters')]
	public function testQuarter(string $quarter, array $months): void {
		self::assertSame($months, MonthRange::fromRequest(null, $quarter, null, null)->months());
	}

	public function testFromToCrossesTheYear(): void {
		$range = MonthRange::fromRequest('', '', '2025-11', '2026-02');
		self::assertSame(['2025-11', '2025-12', '2026-01', '2026-02'], $range->months());
		self::assertSame(4, $range->length());
	}

	public function testThirtySixMonthsAreAllowed(): void {
		$range = MonthRange::fromRequest(null, null, '2024-01', '2026-12');
		self::assertSame(36, $range->length());
		self::assertCount(36, $range->months());
	}

	/** @return array<string, array{mixed, mixed, mixed, mixed, string}> */
	public static function refused(): array {
		return [
			'nothing' => [null, null, null, null, 'Choose the months'],
			'month and quarter' => ['2026-01', '2026-Q1', null, null, 'only one'],
			'month and from' => ['2026-01', null, '2026-01', '2026-02', 'only one'],
			'from without to' => [null, null, '2026-01', null, 'both from and to'],
			'to without from' => [null, null, null, '2026-01', 'both from and to'],
			'start after end' => [null, null, '2026-05', '2026-03', 'starts in 2026-05, after it ends in 2026-03'],
			'37 months' => [null, null, '2024-01', '2027-01', 'covers 37 months; at most 36'],
			'bad month' => ['2026-13', null, null, null, 'must be a month'],
			'month as a number' => [202601, null, null, null, 'must be a month'],
			'bad from' => [null, null, '2026-1', '2026-02', 'must be a month'],
			'bad quarter' => [null, '2026-Q5', null, null, 'must be a quarter'],
			'quarter as a list' => [null, ['2026-Q1'], null, null, 'must be a quarter'],
		];
	}

	#[DataProvider('refused')]
	public function testRefused(mixed $month, mixed $quarter, mixed $from, mixed $to, string $message): void {
		try {
			MonthRange::fromRequest($month, $quarter, $from, $to);
			self::fail('Expected a ValidationException');
		} catch (ValidationException $e) {
			self::assertStringContainsString($message, $e->getMessage());
			self::assertSame(400, $e->getStatus());
		}
	}

	public function testBoundsAreMonthStartsInUtcAndTheEnd(): void {
		$range = MonthRange::between('2025-12', '2026-02');
		self::assertSame([
			gmmktime(0, 0, 0, 12, 1, 2025),
			gmmktime(0, 0, 0, 1, 1, 2026),
			gmmktime(0, 0, 0, 2, 1, 2026),
			gmmktime(0, 0, 0, 3, 1, 2026),
		], $range->bounds());
		self::assertSame(1764547200, $range->bounds()[0]);
	}
}
