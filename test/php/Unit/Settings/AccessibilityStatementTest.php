<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Settings;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Settings\AccessibilityStatement;
use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use PHPUnit\Framework\TestCase;

final class AccessibilityStatementTest extends TestCase {
	/** @var array<string, string> the app config's values */
	private array $values = [];

	private function statement(): AccessibilityStatement {
		$config = $this->createMock(IAppConfig::class);
		$config->method('getValueString')->willReturnCallback(
			fn (string $app, string $key, string $default): string => $this->values[$key] ?? $default,
		);
		$config->method('setValueString')->willReturnCallback(
			function (string $app, string $key, string $value): bool {
				$this->values[$key] = $value;
				return true;
			},
		);
		return new AccessibilityStatement(new FreshAppConfig($config, $this->createMock(ITimeFactory::class)));
	}

	public function testTheTemplateOfTheReadersLanguageUntilTheAdminWritesOne(): void {
		$statement = $this->statement();
		$german = $statement->forReader('de_DE');
		self::assertStringStartsWith('# Erklärung zur Barrierefreiheit', $german['markdown']);
		self::assertStringContainsString('BITV 2.0', $german['markdown']);
		self::assertStringStartsWith('# Accessibility statement', $statement->forReader('en')['markdown']);
		self::assertStringStartsWith('# Accessibility statement', $statement->forReader('fr')['markdown']);
		self::assertSame('', $german['contact']);
	}

	public function testTheAdminsTextWinsAndTheOtherLanguageIsTheFallback(): void {
		$statement = $this->statement();
		$statement->update('# Unsere Erklärung', null, 'barrierefreiheit@bmi.example');
		self::assertSame(['markdown' => '# Unsere Erklärung', 'contact' => 'barrierefreiheit@bmi.example'], $statement->forReader('de'));
		// No English text yet: the German one rather than the template, since it is the authority's own.
		self::assertSame('# Unsere Erklärung', $statement->forReader('en')['markdown']);
		$statement->update(null, '# Our statement', null);
		self::assertSame('# Our statement', $statement->forReader('en')['markdown']);
		self::assertSame('barrierefreiheit@bmi.example', $statement->forReader('en')['contact']);
	}

	public function testAnEmptyStatementBringsBackTheTemplate(): void {
		$statement = $this->statement();
		$statement->update('# Alt', '# Old', null);
		$settings = $statement->update('', '', null);
		self::assertSame('', $settings['statementDe']);
		self::assertStringStartsWith('# Erklärung zur Barrierefreiheit', $statement->forReader('de')['markdown']);
		self::assertSame(AccessibilityStatement::template('en'), $settings['templateEn']);
	}

	public function testTheContactIsAnEmailAddressOrAnHttpsAddress(): void {
		$statement = $this->statement();
		self::assertSame('https://bmi.example/barriere', $statement->update(null, null, 'https://bmi.example/barriere')['contact']);
		self::assertSame('', $statement->update(null, null, '')['contact']);
		foreach (['http://bmi.example', 'javascript:alert(1)', 'no address', ['x']] as $bad) {
			try {
				$statement->update('# Neu', null, $bad);
				self::fail('accepted ' . json_encode($bad));
			} catch (ValidationException) {
			}
		}
		// A refused request changed nothing, not even the valid statement sent with it.
		self::assertSame('', $statement->settings()['statementDe']);
	}

	public function testATooLongStatementIsRefused(): void {
		$this->expectException(ValidationException::class);
		$this->statement()->update(str_repeat('x', 20001), null, null);
	}
}
