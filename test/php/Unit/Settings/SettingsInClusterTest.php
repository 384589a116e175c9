<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Settings;

use OCA\PilotFeedback\Settings\AccessibilityStatement;
use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCA\PilotFeedback\Settings\IntegrationSettings;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use PHPUnit\Framework\TestCase;

/**
 * Every setting an administrator changes holds on every app server of a cluster from the next
 * request: two servers share the database, each keeps its own app-config cache (as
 * OC\AppConfig does in APCu, outliving requests), and each request gets new services (as
 * Nextcloud's container under PHP-FPM). A request drops its server's cache once, however many
 * settings it reads.
 */
final class SettingsInClusterTest extends TestCase {
	/** @var array<string, string|int> the app config as the shared database holds it */
	private array $database = ['accessibility_statement_en' => '', 'accessibility_contact' => ''];
	/** @var array<string, int> per server: how often its cache was dropped */
	private array $clears = [];
	/** @var array<string, array<string, string|int>|null> per server: its cached copy of the database */
	private array $caches = [];
	/** @var array<string, IAppConfig> per server: its app config (one per server, as Nextcloud's) */
	private array $configs = [];

	public function testAStatementSavedOnOneServerIsReadOnTheOtherInTheNextRequest(): void {
		[$a, $b] = [$this->server('a'), $this->server('b')];
		self::assertSame('', $b()->settings()['statementEn']); // b's cache now holds no statement

		$a()->update(null, '# Our statement', 'barriers@example.org');

		$read = $b()->settings();
		self::assertSame('# Our statement', $read['statementEn']);
		self::assertSame('barriers@example.org', $read['contact']);
		self::assertSame('# Our statement', $b()->forReader('en')['markdown']);
	}

	public function testAChangeBackOnTheOtherServerRightAfterIsNotLost(): void {
		[$a, $b] = [$this->server('a'), $this->server('b')];
		self::assertSame('', $b()->settings()['statementEn']);

		$a()->update(null, '# Draft', null);
		$b()->update(null, '', null); // b's stale cache already says "": Nextcloud would write nothing

		self::assertSame('', $this->database['accessibility_statement_en']);
		self::assertSame('', $a()->settings()['statementEn']);
	}

	public function testIntegrationSettingsToo(): void {
		$integrationsOfB = $this->integrations('b');
		self::assertSame(IntegrationSettings::DEFAULT_REMINDER_DAYS, $integrationsOfB()->reminderDays());

		$this->integrations('a')()->update(7, null);

		self::assertSame(7, $integrationsOfB()->reminderDays());
	}

	public function testOneRequestDropsItsServersCacheOnceForAllItsReads(): void {
		$request = $this->server('a')();
		$request->settings();
		$request->forReader('de');
		$request->settings();

		self::assertSame(1, $this->clears['a']);
	}

	/** @return \Closure(): AccessibilityStatement the service of the server's next request */
	private function server(string $name): \Closure {
		$appConfig = $this->appConfig($name);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_796_000_000);
		return static fn (): AccessibilityStatement => new AccessibilityStatement(new FreshAppConfig($appConfig, $time));
	}

	/** @return \Closure(): IntegrationSettings */
	private function integrations(string $name): \Closure {
		$appConfig = $this->appConfig($name);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_796_000_000);
		return static fn (): IntegrationSettings => new IntegrationSettings(new FreshAppConfig($appConfig, $time));
	}

	/** One server's app config: reads and writes go through its own cache, as in OC\AppConfig. */
	private function appConfig(string $name): IAppConfig {
		if (isset($this->configs[$name])) {
			return $this->configs[$name];
		}
		$this->caches[$name] = null;
		$this->clears[$name] = 0;
		$load = function () use ($name): array {
			return $this->caches[$name] ??= $this->database;
		};
		$appConfig = $this->createMock(IAppConfig::class);
		$appConfig->method('clearCache')->willReturnCallback(function () use ($name): void {
			$this->caches[$name] = null;
			$this->clears[$name]++;
		});
		$appConfig->method('getValueString')->willReturnCallback(
			fn (string $app, string $key, string $default = ''): string => (string)($load()[$key] ?? $default),
		);
		$appConfig->method('getValueInt')->willReturnCallback(
			fn (string $app, string $key, int $default = 0): int => (int)($load()[$key] ?? $default),
		);
		$set = function (string $app, string $key, string|int $value) use ($name, $load): bool {
			if (($load()[$key] ?? null) === $value) {
				return false; // as Nextcloud does: the cache says the value is already saved
			}
			$this->database[$key] = $value;
			$this->caches[$name][$key] = $value;
			return true;
		};
		$appConfig->method('setValueString')->willReturnCallback($set);
		$appConfig->method('setValueInt')->willReturnCallback($set);
		return $this->configs[$name] = $appConfig;
	}
}
