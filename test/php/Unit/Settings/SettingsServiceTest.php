<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Settings;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\IGroupManager;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * The traffic light's thresholds: 4.0 and 3.0 until an administrator chooses others; each from
 * 1 to 5 with at most two decimals, green above amber (a value left out keeps the saved one);
 * a refused change saves nothing.
 */
final class SettingsServiceTest extends TestCase {
	/** @var array<string, float|int|string> app config as saved */
	private array $config = [];
	private SettingsService $service;

	protected function setUp(): void {
		$appConfig = $this->createMock(IAppConfig::class);
		$appConfig->method('getValueFloat')->willReturnCallback(fn (string $app, string $key, float $default): float => (float)($this->config[$key] ?? $default));
		$appConfig->method('getValueInt')->willReturnCallback(fn (string $app, string $key, int $default): int => (int)($this->config[$key] ?? $default));
		$appConfig->method('getValueString')->willReturnCallback(fn (string $app, string $key, string $default): string => (string)($this->config[$key] ?? $default));
		$appConfig->method('setValueFloat')->willReturnCallback(function (string $app, string $key, float $value): bool {
			$this->config[$key] = $value;
			return true;
		});
		$this->service = new SettingsService(new FreshAppConfig($appConfig, $this->createMock(ITimeFactory::class)), $this->createMock(IGroupManager::class));
	}

	public function testTheDefaultsAreFourAndThree(): void {
		self::assertSame(['green' => 4.0, 'amber' => 3.0], $this->service->trafficLight());
		$settings = $this->service->get();
		self::assertSame(4.0, $settings['trafficLightGreen']);
		self::assertSame(3.0, $settings['trafficLightAmber']);
	}

	public function testBothAreSavedAndNumericStringsAccepted(): void {
		$settings = $this->service->update(null, null, '4.5', 3);
		self::assertSame(['green' => 4.5, 'amber' => 3.0], $this->service->trafficLight());
		self::assertSame(4.5, $settings['trafficLightGreen']);
	}

	public function testOneLeftOutKeepsItsValueAndIsCheckedAgainstIt(): void {
		$this->service->update(null, null, null, 3.75);
		self::assertSame(['green' => 4.0, 'amber' => 3.75], $this->service->trafficLight());
		try {
			$this->service->update(null, null, 3.5, null);
			self::fail('green below the saved amber was saved');
		} catch (ValidationException $e) {
			self::assertStringContainsString('green above amber', $e->getMessage());
		}
		self::assertSame(['green' => 4.0, 'amber' => 3.75], $this->service->trafficLight());
	}

	/** @return iterable<string, array{mixed, mixed}> */
	public static function refused(): iterable {
		yield 'green equal to amber' => [3.5, 3.5];
		yield 'green below amber' => [3.0, 4.0];
		yield 'green above 5' => [5.5, 3.0];
		yield 'amber below 1' => [4.0, 0.5];
		yield 'three decimals' => [4.125, 3.0];
		yield 'not a number' => ['high', 3.0];
		yield 'a boolean' => [true, 3.0];
		yield 'not finite' => [NAN, 3.0];
	}

	#[DataProvider('refused')]
	public function testRefusedThresholdsAreNotSaved(mixed $green, mixed $amber): void {
		try {
			$this->service->update(null, null, $green, $amber);
			self::fail('saved ' . var_export($green, true) . ' / ' . var_export($amber, true));
		} catch (ValidationException) {
		}
		self::assertSame([], $this->config);
	}
}
