<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\Pilot;
use OCP\L10N\IFactory;
use PHPUnit\Framework\TestCase;

/** Which of the two texts of a pilot, component or criterion a reader sees. */
final class CatalogueNamesTest extends TestCase {
	private function names(string $userLanguage): CatalogueNames {
		$factory = $this->createMock(IFactory::class);
		$factory->method('findLanguage')->with('pilotfeedback')->willReturn($userLanguage);
		return new CatalogueNames($factory);
	}

	private static function criterion(?string $en, ?string $de): Criterion {
		$criterion = new Criterion();
		$criterion->setName($en);
		$criterion->setNameDe($de);
		$criterion->setDescription($en === null ? null : $en . ' text');
		$criterion->setDescriptionDe($de === null ? null : $de . ' Text');
		return $criterion;
	}

	public function testEveryGermanVariantReadsGermanAndEveryOtherLanguageEnglish(): void {
		foreach (['de', 'de_DE', 'de-AT', 'DE_CH'] as $language) {
			self::assertSame('de', CatalogueNames::languageOf($language), $language);
		}
		foreach (['en', 'en_GB', 'fr', 'da', ''] as $language) {
			self::assertSame('en', CatalogueNames::languageOf($language), $language);
		}
	}

	public function testAGermanReaderReadsTheGermanTextAndAnEnglishReaderTheEnglishOne(): void {
		$criterion = self::criterion('Usability', 'Bedienbarkeit');
		self::assertSame('Bedienbarkeit', $this->names('de_DE')->criterionName($criterion));
		self::assertSame('Bedienbarkeit Text', $this->names('de')->criterionDescription($criterion));
		self::assertSame('Usability', $this->names('en')->criterionName($criterion));
		self::assertSame('Usability text', $this->names('fr')->criterionDescription($criterion));
	}

	public function testAMissingTextFallsBackToTheOtherLanguage(): void {
		self::assertSame('Usability', $this->names('de')->criterionName(self::criterion('Usability', null)));
		self::assertSame('Usability', $this->names('de')->criterionName(self::criterion('Usability', '')));
		self::assertSame('Bedienbarkeit', $this->names('en')->criterionName(self::criterion(null, 'Bedienbarkeit')));
		self::assertSame('', CatalogueNames::pick('de', null, null));
	}

	public function testAnExplicitLanguageWinsOverTheReaders(): void {
		$pilot = new Pilot();
		$pilot->setTitle('PoC 1 File-Sharing & WebOffice');
		$pilot->setTitleDe('PoC 1 Filesharing & WebOffice');
		$names = $this->names('en');
		self::assertSame('PoC 1 Filesharing & WebOffice', $names->pilotTitle($pilot, 'de_DE'));
		self::assertSame('PoC 1 File-Sharing & WebOffice', $names->pilotTitle($pilot));
		$component = new Component();
		$component->setName('Portal');
		$component->setNameDe('Arbeitsplatzportal');
		self::assertSame('Arbeitsplatzportal', $names->componentName($component, 'de'));
		self::assertSame('Portal', $this->names('de')->componentName($component, 'en'));
	}

	public function testAnEntityWithOnlyAGermanNameHasAnEmptyEnglishName(): void {
		self::assertSame('', self::criterion(null, 'Bedienbarkeit')->getName());
		self::assertSame('', (new Pilot())->getTitle());
	}
}
