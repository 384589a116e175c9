<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Notification;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Notification\NotificationKind;
use OCA\PilotFeedback\Notification\NotificationPreferences;
use OCP\Config\IUserConfig;
use PHPUnit\Framework\TestCase;

final class NotificationPreferencesTest extends TestCase {
	/** @var array<string, string> */
	private array $stored = [];
	private NotificationPreferences $preferences;

	protected function setUp(): void {
		$config = $this->createMock(IUserConfig::class);
		$config->method('getValueString')->willReturnCallback(fn (string $user, string $app, string $key, string $default = ''): string => $this->stored[$key] ?? $default);
		$config->method('setValueString')->willReturnCallback(function (string $user, string $app, string $key, string $value): bool {
			$this->stored[$key] = $value;
			return true;
		});
		$this->preferences = new NotificationPreferences($config);
	}

	public function testEveryKindIsOnUntilSwitchedOff(): void {
		self::assertSame(array_fill_keys(NotificationKind::values(), true), $this->preferences->get('anna'));
		$this->preferences->update('anna', ['commented' => false]);
		self::assertFalse($this->preferences->wants('anna', NotificationKind::Commented));
		self::assertTrue($this->preferences->wants('anna', NotificationKind::StatusChanged));
	}

	/** @return array<string, array{mixed}> */
	public static function badInput(): array {
		return [
			'unknown kind' => [['everything' => false]],
			'not a boolean' => [['commented' => 'no']],
			'a number' => [['commented' => 0]],
			'not an object' => ['off'],
			'null' => [null],
		];
	}

	#[\PHPUnit\Framework\Attributes\DataProvider('badInput')]
	public function testBadInputIsRefusedAndNothingIsSaved(mixed $input): void {
		try {
			$this->preferences->update('anna', is_array($input) ? ['status_changed' => false, ...$input] : $input);
			self::fail('accepted');
		} catch (ValidationException) {
			self::assertSame([], $this->stored);
		}
	}
}
