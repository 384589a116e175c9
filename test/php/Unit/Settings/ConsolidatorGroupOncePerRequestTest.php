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
 * The consolidator group is read fresh (Nextcloud's app-config cache dropped, see
 * ConsolidatorGroupInClusterTest) once per request, not on every role check of the request;
 * a change saved in the request is seen at once, and a long-running process reads it again
 * after a few seconds.
 */
final class ConsolidatorGroupOncePerRequestTest extends TestCase {
	/** @var array<string, string> the app config as the database holds it */
	private array $database = ['consolidator_group' => 'bmi'];
	/** @var array<string, string>|null this server's cached copy of it (as OC\AppConfig keeps in APCu), outliving requests */
	private ?array $cache = null;
	private int $clears = 0;
	/** @var int how often the app config was loaded from the database */
	private int $reads = 0;
	private int $now = 1_796_000_000;

	private function request(): SettingsService {
		$appConfig = $this->createMock(IAppConfig::class);
		$appConfig->method('clearCache')->willReturnCallback(function (): void {
			$this->clears++;
			$this->cache = null;
		});
		$appConfig->method('getValueString')->willReturnCallback(function (string $app, string $key, string $default = ''): string {
			if ($this->cache === null) {
				$this->reads++;
				$this->cache = $this->database;
			}
			return $this->cache[$key] ?? $default;
		});
		$appConfig->method('getValueInt')->willReturnArgument(2);
		$appConfig->method('getValueFloat')->willReturnArgument(2);
		$appConfig->method('setValueString')->willReturnCallback(function (string $app, string $key, string $value): bool {
			$this->database[$key] = $value;
			$this->cache[$key] = $value;
			return true;
		});
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('groupExists')->willReturn(true);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturnCallback(fn (): int => $this->now);
		return new SettingsService(new FreshAppConfig($appConfig, $time), $groups);
	}

	public function testEverySettingOfTheRequestComesFromTheOneFreshRead(): void {
		$this->request()->get(); // this server's cache now holds every setting
		$this->database['consolidator_group'] = 'auditors'; // saved through another server

		$settings = $this->request()->get();

		self::assertSame('auditors', $settings['consolidatorGroup']);
		self::assertSame(2, $this->clears);
		self::assertSame(2, $this->reads);
	}

	public function testSeveralRoleChecksOfOneRequestClearTheCacheOnce(): void {
		$request = $this->request();
		for ($i = 0; $i < 5; $i++) {
			self::assertSame('bmi', $request->consolidatorGroup());
		}
		$request->get();

		self::assertSame(1, $this->clears);
		self::assertSame(1, $this->reads);
	}

	public function testTheNextRequestReadsFreshAgain(): void {
		$this->request()->consolidatorGroup();
		$this->database['consolidator_group'] = 'auditors'; // changed through another server

		$next = $this->request();
		self::assertSame('auditors', $next->consolidatorGroup());
		self::assertSame('auditors', $next->consolidatorGroup());

		self::assertSame(2, $this->clears);
	}

	public function testAChangeSavedInTheRequestIsSeenAtOnce(): void {
		$request = $this->request();
		self::assertSame('bmi', $request->consolidatorGroup());

		self::assertSame('auditors', $request->update('auditors')['consolidatorGroup']);

		self::assertSame('auditors', $request->consolidatorGroup());
		self::assertSame('auditors', $request->consolidatorGroup());
		// the first read, the compare before the save; the saved value is read back from this server's own copy
		self::assertSame(2, $this->clears);
	}

	public function testOtherSettingsSavedLeaveTheGroupAsRead(): void {
		$request = $this->request();
		$request->consolidatorGroup();
		$this->database['consolidator_group'] = 'auditors';

		// saving only the threshold compares with the database, and so reads the group fresh too
		self::assertSame('auditors', $request->update(null, 5)['consolidatorGroup']);
		self::assertSame('auditors', $request->consolidatorGroup());
	}

	public function testALongRunningProcessReadsItAgainAfterTheMaximumAge(): void {
		$process = $this->request();
		self::assertSame('bmi', $process->consolidatorGroup());
		$this->database['consolidator_group'] = 'auditors';

		$this->now += SettingsService::CONSOLIDATOR_GROUP_MAX_AGE - 1;
		self::assertSame('bmi', $process->consolidatorGroup());
		self::assertSame(1, $this->clears);

		$this->now += 1;
		self::assertSame('auditors', $process->consolidatorGroup());
		self::assertSame(2, $this->clears);
	}
}
