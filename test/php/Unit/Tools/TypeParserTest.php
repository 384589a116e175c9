<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Tools;

use OCA\PilotFeedback\Model\ComponentCategory;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\PilotStatus;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\Tools\OpenApi\TypeParser;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** The psalm types of the docblocks become the schemas of openapi.json (scripts/generate-openapi.php). */
final class TypeParserTest extends TestCase {
	private const INT = ['type' => 'integer', 'format' => 'int64'];

	/** @return array<string, array{string, array<string, mixed>}> */
	public static function types(): array {
		return [
			'int' => ['int', self::INT],
			'string' => ['string', ['type' => 'string']],
			'bool' => ['bool', ['type' => 'boolean']],
			'non-empty-string' => ['non-empty-string', ['type' => 'string', 'minLength' => 1]],
			'positive-int' => ['positive-int', self::INT + ['minimum' => 1]],
			'int range' => ['int<1, 20>', self::INT + ['minimum' => 1, 'maximum' => 20]],
			'open int range' => ['int<1, max>', self::INT + ['minimum' => 1]],
			'string literals' => ["'asc'|'desc'", ['type' => 'string', 'enum' => ['asc', 'desc']]],
			'int literals' => ['0|1', self::INT + ['enum' => [0, 1]]],
			'nullable' => ['?string', ['type' => 'string', 'nullable' => true]],
			'or null' => ['int<1, 5>|null', self::INT + ['nullable' => true, 'minimum' => 1, 'maximum' => 5]],
			'list' => ['list<int>', ['type' => 'array', 'items' => self::INT]],
			'brackets' => ['string[]', ['type' => 'array', 'items' => ['type' => 'string']]],
			'map' => ['array<string, bool>', ['type' => 'object', 'additionalProperties' => ['type' => 'boolean']]],
			'alias' => ['PilotFeedbackPeriod', ['$ref' => '#/components/schemas/Period']],
			'nullable alias' => ['?PilotFeedbackPeriod', ['nullable' => true, 'allOf' => [['$ref' => '#/components/schemas/Period']]]],
			'alias or null' => ['PilotFeedbackPeriod|null', ['nullable' => true, 'allOf' => [['$ref' => '#/components/schemas/Period']]]],
			'intersection' => ['PilotFeedbackPeriod&array{x: bool}', ['allOf' => [
				['$ref' => '#/components/schemas/Period'],
				['type' => 'object', 'required' => ['x'], 'properties' => ['x' => ['type' => 'boolean']]],
			]]],
			'empty shape' => ['array{}', ['type' => 'object']],
			'union' => ['int|string', ['anyOf' => [self::INT, ['type' => 'string']]]],
		];
	}

	/** @param array<string, mixed> $schema */
	#[DataProvider('types')]
	public function testTypeBecomesSchema(string $type, array $schema): void {
		self::assertSame($schema, (new TypeParser(['PilotFeedbackPeriod' => 'Period']))->parse($type));
	}

	public function testShapeKeysAreRequiredUnlessMarkedOptional(): void {
		$schema = (new TypeParser())->parse("array{
			id: int,
			startDate: ?string,
			'month'?: string,
		}");
		self::assertSame([
			'type' => 'object',
			'required' => ['id', 'startDate'],
			'properties' => [
				'id' => self::INT,
				'startDate' => ['type' => 'string', 'nullable' => true],
				'month' => ['type' => 'string'],
			],
		], $schema);
	}

	public function testADescriptionWithAFormatDescribesASchema(): void {
		self::assertSame(
			['type' => 'string', 'format' => 'date', 'nullable' => true, 'description' => 'YYYY-MM-DD'],
			TypeParser::describe(['type' => 'string', 'nullable' => true], 'YYYY-MM-DD @format date'),
		);
	}

	public function testAnnotationsInADescriptionBecomeKeywords(): void {
		self::assertSame(
			[['type' => 'string', 'maxLength' => 64, 'pattern' => '^[a-z]+$'], 'Short name'],
			TypeParser::annotate(['type' => 'string'], 'Short name @maxLength 64 @pattern ^[a-z]+$'),
		);
	}

	public function testADescribedReferenceMovesIntoAllOf(): void {
		self::assertSame(
			['description' => 'The period', 'allOf' => [['$ref' => '#/components/schemas/Period']]],
			TypeParser::describe(['$ref' => '#/components/schemas/Period'], 'The period'),
		);
	}

	/** @return array<string, array{string}> */
	public static function invalidTypes(): array {
		return [
			'unknown name' => ['PilotFeedbackUnknown'],
			'unclosed shape' => ['array{id: int'],
			'missing colon' => ['array{id int}'],
			'trailing token' => ['int >'],
			'unsupported generic' => ['Foo<int>'],
		];
	}

	#[DataProvider('invalidTypes')]
	public function testInvalidTypeIsRefused(string $type): void {
		$this->expectException(\InvalidArgumentException::class);
		(new TypeParser())->parse($type);
	}

	/** The enums of ResponseDefinitions.php name the same values as the PHP enums the services check. */
	public function testEnumTypesMatchTheModelEnums(): void {
		$doc = (string)(new \ReflectionClass(\OCA\PilotFeedback\ResponseDefinitions::class))->getDocComment();
		$enum = static function (string $name) use ($doc): array {
			self::assertSame(1, preg_match('/@psalm-type PilotFeedback' . $name . ' = (\S+)/', $doc, $m), $name);
			return (new TypeParser())->parse($m[1])['enum'];
		};
		self::assertSame(PilotStatus::values(), $enum('PilotStatus'));
		self::assertSame(ComponentCategory::values(), $enum('ComponentCategory'));
		self::assertSame(ItemType::values(), $enum('ItemType'));
		self::assertSame(ItemStatus::values(), $enum('ItemStatus'));
		self::assertSame(Priority::keys(), $enum('Priority'));
	}
}
