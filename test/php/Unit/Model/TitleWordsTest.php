<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Model\TitleWords;
use PHPUnit\Framework\TestCase;

final class TitleWordsTest extends TestCase {
	public function testSplitsLowerCasesAndDropsShortAndRepeatedWords(): void {
		$this->assertSame(
			['sharing', 'link', 'fails', 'für', 'grösse', 'größe', 'dateien', 'v12'],
			TitleWords::of('Sharing-Link fails für GRÖSSE? no: größe, Dateien (v12) – link at 5 %'),
		);
	}

	public function testCutsLongWordsAndKeepsTheFirstFiveForASearch(): void {
		$this->assertSame([str_repeat('a', TitleWords::MAX_LENGTH)], TitleWords::of(str_repeat('A', 100)));
		$this->assertSame(['one', 'two', 'three', 'four', 'five'], TitleWords::query('one two three four five six seven'));
		$this->assertSame([], TitleWords::query('a b ab – ?'));
	}

	public function testThePrefixIsTheFirstThreeCharacters(): void {
		$this->assertSame('grö', TitleWords::prefix('größe'));
		$this->assertSame('abc', TitleWords::prefix('abc'));
	}
}
