<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Common;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Exception\ValidationException;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class ValidatorTest extends TestCase {
	private const FIELD = 'Title';

	/**
	 * Asserts that $call refuses its input with a 400 whose message names the field.
	 *
	 * @param \Closure(): mixed $call
	 * @param string $template the expected template (without placeholders filled in)
	 */
	private static function assertRefused(\Closure $call, string $template, string $field = self::FIELD): ValidationException {
		try {
			$result = $call();
		} catch (ValidationException $e) {
			self::assertSame(400, $e->getStatus());
			self::assertSame($template, $e->getTemplate());
			self::assertSame($field, $e->getParams()[0] ?? null, 'the first parameter is the field');
			self::assertStringStartsWith($field . ' ', $e->getMessage(), 'the message names the field');
			self::assertStringNotContainsString('%', $e->getMessage(), 'every placeholder is filled');
			return $e;
		}
		self::fail('Expected a ValidationException, got ' . var_export($result, true));
	}

	// ---- requiredLine / optionalLine / optionalText --------------------------------------

	/** @return iterable<string, array{mixed, string}> */
	public static function acceptedLineProvider(): iterable {
		yield 'plain' => ['Login fails', 'Login fails'];
		yield 'trimmed' => ["  Login fails \t", 'Login fails'];
		yield 'umlauts' => ['Größenänderung', 'Größenänderung'];
		yield '255 ASCII characters' => [str_repeat('a', 255), str_repeat('a', 255)];
		yield '255 multibyte characters' => [str_repeat('ä', 255), str_repeat('ä', 255)];
		yield 'digits as text' => ['2026', '2026'];
	}

	#[DataProvider('acceptedLineProvider')]
	public function testRequiredLineAccepts(mixed $input, string $expected): void {
		self::assertSame($expected, Validator::requiredLine($input, self::FIELD));
		self::assertSame($expected, Validator::optionalLine($input, self::FIELD));
	}

	/** @return iterable<string, array{mixed, string}> */
	public static function refusedLineProvider(): iterable {
		yield 'array' => [['Login'], '%1$s must be text.'];
		yield 'empty array' => [[], '%1$s must be text.'];
		yield 'int' => [42, '%1$s must be text.'];
		yield 'float' => [1.5, '%1$s must be text.'];
		yield 'bool true' => [true, '%1$s must be text.'];
		yield 'bool false' => [false, '%1$s must be text.'];
		yield 'object' => [new \stdClass(), '%1$s must be text.'];
		yield '256 characters' => [str_repeat('a', 256), '%1$s is too long: at most %2$s characters are allowed.'];
		yield '256 multibyte characters' => [str_repeat('ä', 256), '%1$s is too long: at most %2$s characters are allowed.'];
		yield 'newline inside' => ["first\nsecond", '%1$s must be a single line of text.'];
		yield 'carriage return inside' => ["first\rsecond", '%1$s must be a single line of text.'];
		yield 'tab inside' => ["first\tsecond", '%1$s must be a single line of text.'];
		yield 'NUL inside' => ["first\0second", '%1$s must not contain control characters.'];
		yield 'only NUL' => ["\0", '%1$s must not contain control characters.'];
		yield 'trailing NUL' => ["name\0", '%1$s must not contain control characters.'];
		yield 'escape inside' => ["red\x1B[31m", '%1$s must not contain control characters.'];
		yield 'DEL inside' => ["a\x7Fb", '%1$s must not contain control characters.'];
		yield 'invalid UTF-8' => ["Gr\xC3\x28e", '%1$s must be valid UTF-8 text.'];
		yield 'Latin-1 bytes' => ["Gr\xF6\xDFe", '%1$s must be valid UTF-8 text.'];
	}

	#[DataProvider('refusedLineProvider')]
	public function testRequiredLineRefuses(mixed $input, string $template): void {
		self::assertRefused(static fn () => Validator::requiredLine($input, self::FIELD), $template);
	}

	#[DataProvider('refusedLineProvider')]
	public function testOptionalLineRefuses(mixed $input, string $template): void {
		self::assertRefused(static fn () => Validator::optionalLine($input, self::FIELD), $template);
	}

	/** @return iterable<string, array{mixed}> */
	public static function emptyProvider(): iterable {
		yield 'null' => [null];
		yield 'empty string' => [''];
		yield 'only spaces' => ['   '];
		yield 'only line breaks' => ["\n\r\n"];
	}

	#[DataProvider('emptyProvider')]
	public function testRequiredLineRefusesEmpty(mixed $input): void {
		self::assertRefused(static fn () => Validator::requiredLine($input, self::FIELD), '%1$s must not be empty.');
	}

	#[DataProvider('emptyProvider')]
	public function testOptionalLineAndTextTurnEmptyIntoEmptyString(mixed $input): void {
		self::assertSame('', Validator::optionalLine($input, self::FIELD));
		self::assertSame('', Validator::optionalText($input, self::FIELD));
	}

	public function testTooLongNamesTheLimit(): void {
		$e = self::assertRefused(static fn () => Validator::requiredLine(str_repeat('x', 256), self::FIELD), '%1$s is too long: at most %2$s characters are allowed.');
		self::assertSame([self::FIELD, '255'], $e->getParams());
		self::assertSame('Title is too long: at most 255 characters are allowed.', $e->getMessage());
	}

	public function testLineLimitCanBeLowered(): void {
		self::assertSame('RKI', Validator::requiredLine('RKI', 'Short name', 3));
		$e = self::assertRefused(static fn () => Validator::requiredLine('RKIX', 'Short name', 3), '%1$s is too long: at most %2$s characters are allowed.', 'Short name');
		self::assertSame(['Short name', '3'], $e->getParams());
	}

	public function testLengthIsCountedAfterTrimming(): void {
		self::assertSame(str_repeat('a', 255), Validator::requiredLine('  ' . str_repeat('a', 255) . "\n", self::FIELD));
	}

	public function testOptionalTextKeepsLinesAndMarkdown(): void {
		$markdown = "# Heading\n\n- one\n- two\n\n\tcode\r\n";
		self::assertSame(trim($markdown), Validator::optionalText($markdown, 'Description'));
		self::assertSame('x', Validator::optionalText("\n  x \n", 'Description'));
	}

	public function testOptionalTextLimit(): void {
		$max = str_repeat('ü', Validator::MAX_TEXT);
		self::assertSame($max, Validator::optionalText($max, 'Description'));
		self::assertRefused(static fn () => Validator::optionalText($max . 'ü', 'Description'), '%1$s is too long: at most %2$s characters are allowed.', 'Description');
		self::assertRefused(static fn () => Validator::optionalText('abcd', 'Description', 3), '%1$s is too long: at most %2$s characters are allowed.', 'Description');
	}

	/** @return iterable<string, array{mixed, string}> */
	public static function refusedTextProvider(): iterable {
		yield 'array' => [['text'], '%1$s must be text.'];
		yield 'int' => [7, '%1$s must be text.'];
		yield 'bool' => [false, '%1$s must be text.'];
		yield 'invalid UTF-8' => ["\xFF\xFE", '%1$s must be valid UTF-8 text.'];
		yield 'truncated multibyte character' => ["abc\xE2\x82", '%1$s must be valid UTF-8 text.'];
		// Trimmed away, a NUL made "\0" an empty text; inside, PostgreSQL refused to store it (HTTP 500).
		yield 'only NUL' => ["\0", '%1$s must not contain control characters.'];
		yield 'NUL inside' => ["Steps\0to reproduce", '%1$s must not contain control characters.'];
		yield 'escape inside' => ["\x1B[2J", '%1$s must not contain control characters.'];
	}

	#[DataProvider('refusedTextProvider')]
	public function testOptionalTextRefuses(mixed $input, string $template): void {
		self::assertRefused(static fn () => Validator::optionalText($input, 'Description'), $template, 'Description');
	}

	// ---- oneOf ---------------------------------------------------------------------------

	public function testOneOfAccepts(): void {
		self::assertSame('active', Validator::oneOf('active', 'Status', ['planned', 'active', 'closed']));
		self::assertSame('closed', Validator::oneOf('closed', 'Status', ['planned', 'active', 'closed']));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedOneOfProvider(): iterable {
		yield 'unknown' => ['archived'];
		yield 'other case' => ['Active'];
		yield 'padded' => [' active'];
		yield 'empty' => [''];
		yield 'null' => [null];
		yield 'int' => [1];
		yield 'array holding an allowed value' => [['active']];
		yield 'bool' => [true];
	}

	#[DataProvider('refusedOneOfProvider')]
	public function testOneOfRefuses(mixed $input): void {
		$e = self::assertRefused(static fn () => Validator::oneOf($input, 'Status', ['planned', 'active', 'closed']), '%1$s must be one of: %2$s.', 'Status');
		self::assertSame('Status must be one of: planned, active, closed.', $e->getMessage());
	}

	// ---- id / optionalId / ids -----------------------------------------------------------

	/** @return iterable<string, array{mixed, int}> */
	public static function acceptedIdProvider(): iterable {
		yield 'int' => [12, 12];
		yield 'numeric string' => ['12', 12];
		yield 'one' => [1, 1];
		yield 'string one' => ['1', 1];
		yield '18 digits' => ['123456789012345678', 123456789012345678];
		yield 'PHP_INT_MAX' => [PHP_INT_MAX, PHP_INT_MAX];
	}

	#[DataProvider('acceptedIdProvider')]
	public function testIdAccepts(mixed $input, int $expected): void {
		self::assertSame($expected, Validator::id($input, 'Component'));
		self::assertSame($expected, Validator::optionalId($input, 'Component'));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedIdProvider(): iterable {
		yield 'word' => ['abc'];
		yield 'negative int' => [-1];
		yield 'zero' => [0];
		yield 'zero string' => ['0'];
		yield 'negative string' => ['-1'];
		yield 'leading zero' => ['012'];
		yield 'decimal string' => ['1.5'];
		yield 'float' => [1.0];
		yield 'exponent' => ['1e3'];
		yield 'leading space' => [' 12'];
		yield 'trailing letters' => ['12abc'];
		yield 'hex' => ['0x1A'];
		yield '19 digits' => ['1234567890123456789'];
		yield 'true' => [true];
		yield 'false' => [false];
		yield 'array' => [[12]];
	}

	#[DataProvider('refusedIdProvider')]
	public function testIdRefuses(mixed $input): void {
		self::assertRefused(static fn () => Validator::id($input, 'Component'), '%1$s must be the id of an existing record.', 'Component');
		self::assertRefused(static fn () => Validator::optionalId($input, 'Component'), '%1$s must be the id of an existing record.', 'Component');
	}

	public function testIdRefusesNullAndEmpty(): void {
		self::assertRefused(static fn () => Validator::id(null, 'Component'), '%1$s must be the id of an existing record.', 'Component');
		self::assertRefused(static fn () => Validator::id('', 'Component'), '%1$s must be the id of an existing record.', 'Component');
	}

	public function testOptionalIdTreatsNullAndEmptyAsNone(): void {
		self::assertNull(Validator::optionalId(null, 'Duplicate of'));
		self::assertNull(Validator::optionalId('', 'Duplicate of'));
	}

	public function testIdsAcceptsListsAndDropsDuplicates(): void {
		self::assertSame([], Validator::ids(null, 'Pilots'));
		self::assertSame([], Validator::ids('', 'Pilots'));
		self::assertSame([], Validator::ids([], 'Pilots'));
		self::assertSame([3, 1, 2], Validator::ids([3, '1', 1, '3', 2], 'Pilots'));
		self::assertSame([5, 6], Validator::ids([5, 6], 'Pilots', 2));
	}

	/** @return iterable<string, array{mixed, string}> */
	public static function refusedIdsProvider(): iterable {
		yield 'map' => [['a' => 1, 'b' => 2], '%1$s must be a list of ids.'];
		yield 'list with holes' => [[1 => 1, 2 => 2], '%1$s must be a list of ids.'];
		yield 'single id' => [5, '%1$s must be a list of ids.'];
		yield 'comma separated text' => ['1,2', '%1$s must be a list of ids.'];
		yield 'true' => [true, '%1$s must be a list of ids.'];
		yield 'zero inside' => [[1, 0], '%1$s must be the id of an existing record.'];
		yield 'word inside' => [[1, 'abc'], '%1$s must be the id of an existing record.'];
		yield 'negative inside' => [[-1], '%1$s must be the id of an existing record.'];
		yield 'null inside' => [[null], '%1$s must be the id of an existing record.'];
		yield 'nested list' => [[[1]], '%1$s must be the id of an existing record.'];
	}

	#[DataProvider('refusedIdsProvider')]
	public function testIdsRefuses(mixed $input, string $template): void {
		self::assertRefused(static fn () => Validator::ids($input, 'Pilots'), $template, 'Pilots');
	}

	public function testIdsRefusesTooMany(): void {
		$e = self::assertRefused(static fn () => Validator::ids([1, 2, 3], 'Pilots', 2), '%1$s may hold at most %2$s entries.', 'Pilots');
		self::assertSame(['Pilots', '2'], $e->getParams());
		self::assertRefused(static fn () => Validator::ids(range(1, 501), 'Pilots'), '%1$s may hold at most %2$s entries.', 'Pilots');
		self::assertCount(500, Validator::ids(range(1, 500), 'Pilots'));
	}

	// ---- strings -------------------------------------------------------------------------

	public function testStringsAcceptsListsTrimsAndDropsDuplicates(): void {
		self::assertSame([], Validator::strings(null, 'Groups'));
		self::assertSame([], Validator::strings('', 'Groups'));
		self::assertSame(['rki-testers', 'bsh'], Validator::strings(['rki-testers', ' bsh ', 'rki-testers'], 'Groups'));
		self::assertSame([str_repeat('g', 64)], Validator::strings([str_repeat('g', 64)], 'Groups'));
	}

	/** @return iterable<string, array{mixed, string}> */
	public static function refusedStringsProvider(): iterable {
		yield 'map' => [['group' => 'rki'], '%1$s must be a list.'];
		yield 'single string' => ['rki', '%1$s must be a list.'];
		yield 'int' => [3, '%1$s must be a list.'];
		yield 'empty entry' => [['rki', ''], '%1$s must not be empty.'];
		yield 'blank entry' => [['  '], '%1$s must not be empty.'];
		yield 'null entry' => [[null], '%1$s must not be empty.'];
		yield 'int entry' => [[5], '%1$s must be text.'];
		yield 'array entry' => [[['rki']], '%1$s must be text.'];
		yield '65 characters' => [[str_repeat('g', 65)], '%1$s is too long: at most %2$s characters are allowed.'];
		yield 'line break' => [["rki\nbsh"], '%1$s must be a single line of text.'];
		yield 'invalid UTF-8' => [["\xC3\x28"], '%1$s must be valid UTF-8 text.'];
	}

	#[DataProvider('refusedStringsProvider')]
	public function testStringsRefuses(mixed $input, string $template): void {
		self::assertRefused(static fn () => Validator::strings($input, 'Groups'), $template, 'Groups');
	}

	public function testStringsRefusesTooMany(): void {
		$e = self::assertRefused(static fn () => Validator::strings(['a', 'b', 'c'], 'Groups', 2), '%1$s may hold at most %2$s entries.', 'Groups');
		self::assertSame(['Groups', '2'], $e->getParams());
	}

	// ---- intInRange / score --------------------------------------------------------------

	/** @return iterable<string, array{mixed, int}> */
	public static function acceptedIntProvider(): iterable {
		yield 'int' => [3, 3];
		yield 'string' => ['3', 3];
		yield 'lower bound' => [-5, -5];
		yield 'upper bound' => [5, 5];
		yield 'negative string' => ['-2', -2];
		yield 'zero' => [0, 0];
	}

	#[DataProvider('acceptedIntProvider')]
	public function testIntInRangeAccepts(mixed $input, int $expected): void {
		self::assertSame($expected, Validator::intInRange($input, 'Sort order', -5, 5));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedIntProvider(): iterable {
		yield 'above' => [6];
		yield 'below' => [-6];
		yield 'string above' => ['7'];
		yield 'float' => [3.0];
		yield 'decimal string' => ['3.5'];
		yield 'true' => [true];
		yield 'null' => [null];
		yield 'empty' => [''];
		yield 'word' => ['three'];
		yield 'padded' => [' 3'];
		yield 'plus sign' => ['+3'];
		yield 'array' => [[3]];
		yield 'ten digits' => ['1000000000'];
	}

	#[DataProvider('refusedIntProvider')]
	public function testIntInRangeRefuses(mixed $input): void {
		$e = self::assertRefused(static fn () => Validator::intInRange($input, 'Sort order', -5, 5), '%1$s must be a whole number from %2$s to %3$s.', 'Sort order');
		self::assertSame('Sort order must be a whole number from -5 to 5.', $e->getMessage());
	}

	/** @return iterable<string, array{mixed, ?int}> */
	public static function acceptedScoreProvider(): iterable {
		yield 'not assessed' => [null, null];
		yield 'one' => [1, 1];
		yield 'five' => [5, 5];
		yield 'string three' => ['3', 3];
		yield 'string five' => ['5', 5];
	}

	#[DataProvider('acceptedScoreProvider')]
	public function testScoreAccepts(mixed $input, ?int $expected): void {
		self::assertSame($expected, Validator::score($input, 'Usability'));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedScoreProvider(): iterable {
		yield 'string seven' => ['7'];
		yield 'seven' => [7];
		yield 'zero' => [0];
		yield 'string zero' => ['0'];
		yield 'six' => [6];
		yield 'negative' => [-1];
		yield 'float' => [2.5];
		yield 'true' => [true];
		yield 'false' => [false];
		yield 'empty string' => [''];
		yield 'word' => ['good'];
		yield 'array' => [[3]];
	}

	#[DataProvider('refusedScoreProvider')]
	public function testScoreRefuses(mixed $input): void {
		$e = self::assertRefused(static fn () => Validator::score($input, 'Usability'), '%1$s must be a whole number from %2$s to %3$s.', 'Usability');
		self::assertSame(['Usability', '1', '5'], $e->getParams());
	}

	// ---- optionalDate / month ------------------------------------------------------------

	/** @return iterable<string, array{mixed, ?string}> */
	public static function acceptedDateProvider(): iterable {
		yield 'null' => [null, null];
		yield 'empty' => ['', null];
		yield 'ordinary' => ['2026-01-31', '2026-01-31'];
		yield 'end of February' => ['2026-02-28', '2026-02-28'];
		yield 'leap day' => ['2028-02-29', '2028-02-29'];
		yield 'end of year' => ['2026-12-31', '2026-12-31'];
	}

	#[DataProvider('acceptedDateProvider')]
	public function testOptionalDateAccepts(mixed $input, ?string $expected): void {
		self::assertSame($expected, Validator::optionalDate($input, 'Start date'));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedDateProvider(): iterable {
		yield '30 February' => ['2026-02-30'];
		yield '29 February outside a leap year' => ['2026-02-29'];
		yield '31 April' => ['2026-04-31'];
		yield 'month 13' => ['2026-13-01'];
		yield 'month 0' => ['2026-00-10'];
		yield 'day 0' => ['2026-01-00'];
		yield 'short year' => ['26-01-01'];
		yield 'no leading zeros' => ['2026-1-1'];
		yield 'German notation' => ['31.01.2026'];
		yield 'with time' => ['2026-01-31T10:00:00'];
		yield 'month only' => ['2026-01'];
		yield 'int' => [20260131];
		yield 'timestamp' => [1769817600];
		yield 'array' => [['2026-01-31']];
		yield 'true' => [true];
	}

	#[DataProvider('refusedDateProvider')]
	public function testOptionalDateRefuses(mixed $input): void {
		self::assertRefused(static fn () => Validator::optionalDate($input, 'Start date'), '%1$s must be a date like 2026-01-31.', 'Start date');
	}

	/** @return iterable<string, array{string}> */
	public static function acceptedMonthProvider(): iterable {
		yield 'January' => ['2026-01'];
		yield 'October' => ['2026-10'];
		yield 'December' => ['2026-12'];
	}

	#[DataProvider('acceptedMonthProvider')]
	public function testMonthAccepts(string $input): void {
		self::assertSame($input, Validator::month($input, 'Month'));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedMonthProvider(): iterable {
		yield 'month 13' => ['2026-13'];
		yield 'month 0' => ['2026-00'];
		yield 'one digit' => ['2026-1'];
		yield 'full date' => ['2026-01-01'];
		yield 'short year' => ['26-01'];
		yield 'slash' => ['2026/01'];
		yield 'padded' => [' 2026-01'];
		yield 'null' => [null];
		yield 'empty' => [''];
		yield 'int' => [202601];
		yield 'array' => [['2026-01']];
	}

	#[DataProvider('refusedMonthProvider')]
	public function testMonthRefuses(mixed $input): void {
		self::assertRefused(static fn () => Validator::month($input, 'Month'), '%1$s must be a month like 2026-01.', 'Month');
	}

	// ---- flag ----------------------------------------------------------------------------

	/** @return iterable<string, array{mixed, bool}> */
	public static function acceptedFlagProvider(): iterable {
		yield 'true' => [true, true];
		yield '1' => [1, true];
		yield 'string 1' => ['1', true];
		yield 'string true' => ['true', true];
		yield 'false' => [false, false];
		yield '0' => [0, false];
		yield 'string 0' => ['0', false];
		yield 'string false' => ['false', false];
		yield 'empty' => ['', false];
		yield 'null' => [null, false];
	}

	#[DataProvider('acceptedFlagProvider')]
	public function testFlagAccepts(mixed $input, bool $expected): void {
		self::assertSame($expected, Validator::flag($input, 'Mine'));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refusedFlagProvider(): iterable {
		yield 'yes' => ['yes'];
		yield 'on' => ['on'];
		yield 'TRUE' => ['TRUE'];
		yield '2' => [2];
		yield '-1' => [-1];
		yield 'float 1' => [1.0];
		yield 'array' => [[1]];
	}

	#[DataProvider('refusedFlagProvider')]
	public function testFlagRefuses(mixed $input): void {
		self::assertRefused(static fn () => Validator::flag($input, 'Mine'), '%1$s must be true or false.', 'Mine');
	}
}
