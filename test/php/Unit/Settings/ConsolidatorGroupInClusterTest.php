<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Settings;

use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\IGroupManager;
use PHPUnit\Framework\TestCase;

/**
 * Two app servers of a cluster, each with the app-config cache Nextcloud keeps per server
 * (OC\AppConfig: values stay in the local cache for a few seconds, and a set whose value that
 * cache already holds writes nothing). The consolidator group grants a role, so a change through
 * one server holds on the other in the next request, and a change back is never lost.
 *
 * A server here makes a new SettingsService for each request (as Nextcloud's container does per
 * PHP process) around its own app-config cache, which outlives requests (APCu).
 */
final class ConsolidatorGroupInClusterTest extends TestCase {
	/** @var array<string, string> the app config as the shared database holds it */
	private array $database = ['consolidator_group' => 'bmi'];

	public function testAChangeOnOneServerHoldsOnTheOtherInTheNextRequest(): void {
		[$nodeA, $nodeB] = [$this->server(), $this->server()];
		self::assertSame('bmi', $nodeB()->consolidatorGroup()); // B's cache now holds "bmi"

		$nodeA()->update('auditors');

		self::assertSame('auditors', $nodeB()->consolidatorGroup());
	}

	public function testAChangeBackOnTheOtherServerRightAfterIsNotLost(): void {
		[$nodeA, $nodeB] = [$this->server(), $this->server()];
		self::assertSame('bmi', $nodeB()->consolidatorGroup());

		$nodeA()->update('auditors');
		$nodeB()->update('bmi'); // B's stale cache already says "bmi": Nextcloud would write nothing

		self::assertSame('bmi', $this->database['consolidator_group']);
		self::assertSame('bmi', $nodeA()->consolidatorGroup());
	}

	public function testTheSavedValueIsReturnedByTheServerThatSavedIt(): void {
		$request = $this->server()();
		self::assertSame('bmi', $request->consolidatorGroup());
		self::assertSame('auditors', $request->update('auditors')['consolidatorGroup']);
		self::assertSame('auditors', $request->consolidatorGroup());
	}

	/**
	 * One app server: reads and writes go through its own cache, as in OC\AppConfig.
	 *
	 * @return \Closure(): SettingsService the service of the server's next request
	 */
	private function server(): \Closure {
		$cache = null;
		$load = function () use (&$cache): array {
			return $cache ??= $this->database;
		};
		$appConfig = $this->createMock(IAppConfig::class);
		$appConfig->method('clearCache')->willReturnCallback(function () use (&$cache): void {
			$cache = null;
		});
		$appConfig->method('getValueString')->willReturnCallback(
			fn (string $app, string $key, string $default = ''): string => $load()[$key] ?? $default,
		);
		$appConfig->method('getValueInt')->willReturnArgument(2);
		$appConfig->method('getValueFloat')->willReturnArgument(2);
		$appConfig->method('setValueString')->willReturnCallback(
			function (string $app, string $key, string $value) use (&$cache, $load): bool {
				if (($load()[$key] ?? null) === $value) {
					return false; // as Nextcloud does: the cache says the value is already saved
				}
				$this->database[$key] = $value;
				$cache[$key] = $value;
				return true;
			},
		);
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('groupExists')->willReturn(true);
		// every request in the same second: only a new request may see a change from elsewhere
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_796_000_000);
		return static fn (): SettingsService => new SettingsService(new FreshAppConfig($appConfig, $time), $groups);
	}
}
