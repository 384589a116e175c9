<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Model\Priority;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class PriorityTest extends TestCase {
	/** @return iterable<string, array{Priority, string, int}> */
	public static function priorityProvider(): iterable {
		yield 'low' => [Priority::Low, 'low', 1];
		yield 'medium' => [Priority::Medium, 'medium', 2];
		yield 'high' => [Priority::High, 'high', 3];
		yield 'critical' => [Priority::Critical, 'critical', 4];
	}

	#[DataProvider('priorityProvider')]
	public function testKeyAndRank(Priority $priority, string $key, int $rank): void {
		self::assertSame($key, $priority->key());
		self::assertSame($rank, $priority->value);
		self::assertSame($priority, Priority::fromKey($key));
		self::assertSame($priority, Priority::from($rank));
	}

	public function testKeysAreOrderedFromLowToCritical(): void {
		self::assertSame(['low', 'medium', 'high', 'critical'], Priority::keys());
	}

	public function testRanksSortByUrgency(): void {
		self::assertLessThan(Priority::Medium->value, Priority::Low->value);
		self::assertLessThan(Priority::High->value, Priority::Medium->value);
		self::assertLessThan(Priority::Critical->value, Priority::High->value);
	}

	/** @return iterable<string, array{string}> */
	public static function unknownKeyProvider(): iterable {
		yield 'capitalised' => ['Low'];
		yield 'German' => ['kritisch'];
		yield 'rank as text' => ['1'];
		yield 'empty' => [''];
		yield 'padded' => [' high'];
	}

	#[DataProvider('unknownKeyProvider')]
	public function testFromKeyRefusesUnknownKeys(string $key): void {
		$this->expectException(\ValueError::class);
		$this->expectExceptionMessage('Unknown priority ' . $key);
		Priority::fromKey($key);
	}
}
