<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Report\ReportLabels;
use OCP\L10N\IFactory;
use PHPUnit\Framework\TestCase;

/** A report names pilots, components and criteria in its own language, not the reader's. */
final class ReportLabelsTest extends TestCase {
	private function labels(): ReportLabels {
		$pilot = new Pilot();
		$pilot->setId(1);
		$pilot->setTitle('PoC 1 File-Sharing & WebOffice');
		$pilot->setTitleDe('PoC 1 Filesharing & WebOffice');
		$component = new Component();
		$component->setId(2);
		$component->setName('Portal');
		$criterion = new Criterion();
		$criterion->setId(3);
		$criterion->setName('Usability');
		$criterion->setNameDe('Bedienbarkeit');
		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('findAll')->willReturn([$pilot]);
		$components = $this->createMock(ComponentMapper::class);
		$components->method('findAll')->willReturn([$component]);
		$criteria = $this->createMock(CriterionMapper::class);
		$criteria->method('findAll')->willReturn([$criterion]);
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('findAll')->willReturn([]);
		$factory = $this->createMock(IFactory::class);
		$factory->method('findLanguage')->willReturn('en');
		return new ReportLabels($pilots, $components, $criteria, $organisations, new CatalogueNames($factory));
	}

	public function testAGermanReportOfAnEnglishReaderNamesInGermanWithFallback(): void {
		$labels = $this->labels();
		$labels->useLanguage('de_DE');
		self::assertSame('Bedienbarkeit', $labels->criterion(3));
		self::assertSame('PoC 1 Filesharing & WebOffice', $labels->pilot(1));
		self::assertSame('Portal', $labels->component(2), 'no German name: the English one');
	}

	public function testTheNextReportInAnotherLanguageIsNotServedFromTheFirstOnesNames(): void {
		$labels = $this->labels();
		$labels->useLanguage('de');
		self::assertSame('Bedienbarkeit', $labels->criterion(3));
		$labels->useLanguage('en');
		self::assertSame('Usability', $labels->criterion(3));
		self::assertSame('#9', $labels->criterion(9));
	}

	public function testWithoutALanguageTheReadersIsUsed(): void {
		self::assertSame('Usability', $this->labels()->criterion(3));
	}
}
