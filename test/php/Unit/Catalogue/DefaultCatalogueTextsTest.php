<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\DefaultCatalogueTexts;
use PHPUnit\Framework\TestCase;

/** The default catalogue ships German texts for its pilots and criteria. */
final class DefaultCatalogueTextsTest extends TestCase {
	public function testTheCriteriaHaveTheirGermanNames(): void {
		$german = array_map(static fn (array $c): string => $c[0], DefaultCatalogueTexts::CRITERIA);
		self::assertSame([
			'Usability' => 'Bedienbarkeit',
			'Functionality' => 'Funktionalität',
			'Stability' => 'Stabilität',
			'Performance' => 'Leistung',
			'Accessibility' => 'Barrierefreiheit',
			'Integration' => 'Integration',
		], $german);
	}

	public function testEveryDefaultPilotAndCriterionHasAGermanNameAndDescription(): void {
		$texts = DefaultCatalogueTexts::germanTexts();
		self::assertCount(count(DefaultCatalogueTexts::PILOTS) + count(DefaultCatalogueTexts::CRITERIA), $texts);
		foreach ($texts as $text) {
			self::assertNotSame('', $text['german'], $text['english']);
			self::assertNotSame('', $text['germanDescription'], $text['english']);
			self::assertNotSame($text['englishDescription'], $text['germanDescription'], $text['english'] . ': the description is translated');
			self::assertLessThanOrEqual(255, mb_strlen($text['german']));
		}
		self::assertSame('PoC 1 Filesharing & WebOffice', DefaultCatalogueTexts::PILOTS['poc1'][1]);
	}
}
