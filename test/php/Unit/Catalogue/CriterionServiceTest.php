<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/** Criteria in English and German: what an administrator may save and what a reader gets. */
final class CriterionServiceTest extends TestCase {
	private CriterionMapper&MockObject $mapper;
	/** @var array<string, Criterion> column:value => existing record */
	private array $existing = [];
	private string $readerLanguage = 'en';

	protected function setUp(): void {
		$this->mapper = $this->createMock(CriterionMapper::class);
		$this->mapper->method('findByName')->willReturnCallback(fn (string $name, ?string $column = null): ?Criterion => $this->existing[($column ?? 'name') . ':' . $name] ?? null);
		$this->mapper->method('insert')->willReturnCallback(static function (Criterion $c): Criterion {
			$c->setId(7);
			return $c;
		});
		$this->mapper->method('update')->willReturnArgument(0);
	}

	private function service(): CriterionService {
		$factory = $this->createMock(IFactory::class);
		$factory->method('findLanguage')->willReturnCallback(fn (): string => $this->readerLanguage);
		return new CriterionService($this->mapper, new CatalogueNames($factory), $this->createMock(ITimeFactory::class));
	}

	public function testBothNamesAreSavedAndTheReaderGetsTheirsWithBothForEditing(): void {
		$this->readerLanguage = 'de_DE';
		$saved = $this->service()->create(['name' => 'Usability', 'nameDe' => 'Bedienbarkeit', 'description' => 'How easy', 'descriptionDe' => 'Wie einfach']);
		self::assertSame('Bedienbarkeit', $saved['name']);
		self::assertSame('Wie einfach', $saved['description']);
		self::assertSame(['Usability', 'Bedienbarkeit', 'How easy', 'Wie einfach'], [$saved['nameEn'], $saved['nameDe'], $saved['descriptionEn'], $saved['descriptionDe']]);
	}

	public function testAGermanNameAloneIsEnoughAndEnglishReadersFallBackToIt(): void {
		$saved = $this->service()->create(['nameDe' => 'Datenschutz']);
		self::assertSame('Datenschutz', $saved['name']);
		self::assertSame('', $saved['nameEn']);
	}

	public function testWithoutAnyNameTheRequestIsRefusedWithAMessage(): void {
		try {
			$this->service()->create(['name' => '  ', 'nameDe' => '', 'description' => 'x']);
			self::fail('a criterion without a name was accepted');
		} catch (ValidationException $e) {
			self::assertSame('Name must not be empty: enter it in English, in German or in both.', $e->getMessage());
			self::assertSame(400, $e->getStatus());
		}
	}

	public function testTheGermanNameHasTheLengthLimitOfTheEnglishOne(): void {
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Name (Deutsch) is too long');
		$this->service()->create(['name' => 'Usability', 'nameDe' => str_repeat('ä', 256)]);
	}

	public function testAGermanNameTakenByAnotherCriterionIsRefused(): void {
		$other = new Criterion();
		$other->setId(3);
		$this->existing['name_de:Bedienbarkeit'] = $other;
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('A criterion named "Bedienbarkeit" already exists.');
		$this->service()->create(['name' => 'Ease of use', 'nameDe' => 'Bedienbarkeit']);
	}

	public function testAnUpdateKeepsTheTextsItDoesNotSend(): void {
		$criterion = new Criterion();
		$criterion->setId(7);
		$criterion->setName('Usability');
		$criterion->setNameDe('Bedienbarkeit');
		$criterion->setDescription('How easy');
		$criterion->setSortOrder(10);
		$criterion->resetUpdatedFields();
		$this->mapper->method('get')->with(7)->willReturn($criterion);
		$saved = $this->service()->update(7, ['descriptionDe' => 'Wie einfach']);
		self::assertSame(['Usability', 'Bedienbarkeit', 'How easy', 'Wie einfach', 10], [$saved['nameEn'], $saved['nameDe'], $saved['descriptionEn'], $saved['descriptionDe'], $saved['sortOrder']]);
		// clearing the English name is fine while the German one stays
		self::assertSame('Bedienbarkeit', $this->service()->update(7, ['name' => ''])['name']);
	}
}
