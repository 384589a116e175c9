<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Notification;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\Config\IUserConfig;

/** Which kinds of notifications a user wants: all by default, each can be switched off. */
class NotificationPreferences {
	private const PREFIX = 'notify_';

	public function __construct(
		private IUserConfig $config,
	) {
	}

	public function wants(string $userId, NotificationKind $kind): bool {
		return $this->config->getValueString($userId, Application::APP_ID, self::PREFIX . $kind->value, '1') !== '0';
	}

	/** @return array<string, bool> kind => on */
	public function get(string $userId): array {
		$result = [];
		foreach (NotificationKind::cases() as $kind) {
			$result[$kind->value] = $this->wants($userId, $kind);
		}
		return $result;
	}

	/**
	 * Switches the kinds that were sent on or off; kinds left out keep their setting.
	 *
	 * @param mixed $input kind => bool
	 * @return array<string, bool>
	 * @throws ValidationException for an unknown kind or a value that is not true or false
	 */
	public function update(string $userId, mixed $input): array {
		if (!is_array($input)) {
			throw new ValidationException('Send the notification settings as an object of kind => true or false.');
		}
		$changes = [];
		foreach ($input as $key => $value) {
			$kind = NotificationKind::tryFrom((string)$key);
			if ($kind === null) {
				throw new ValidationException('Unknown kind of notification "%1$s". Known: %2$s.', [(string)$key, implode(', ', NotificationKind::values())]);
			}
			if (!is_bool($value)) {
				throw new ValidationException('The setting for "%1$s" must be true or false.', [$kind->value]);
			}
			$changes[$kind->value] = $value;
		}
		foreach ($changes as $kind => $on) {
			$this->config->setValueString($userId, Application::APP_ID, self::PREFIX . $kind, $on ? '1' : '0');
		}
		return $this->get($userId);
	}
}
