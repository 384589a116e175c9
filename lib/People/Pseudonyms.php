<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\PseudonymMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\Settings\IntegrationSettings;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\Security\ISecureRandom;

/**
 * Data protection: a deleted user's records stay, under a stable pseudonym ("deleted user
 * #7"), so that no consolidated figure changes; the reporters of items closed long ago can
 * be replaced by a pseudonym too (Anlage 2 3.1.4). "#" never occurs in a Nextcloud user id,
 * so a pseudonym never names a real account.
 */
class Pseudonyms {
	/** Marks a pseudonym; not allowed in Nextcloud user ids. */
	public const MARK = '#';
	/** Statuses of items whose handling is over. */
	public const CLOSED_STATUSES = [ItemStatus::Done, ItemStatus::Verified, ItemStatus::Rejected, ItemStatus::Duplicate];
	/** Items pseudonymised per run of the background job at most. */
	private const BATCH = 500;

	public function __construct(
		private PseudonymMapper $mapper,
		private IntegrationSettings $settings,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IAppConfig $config,
		private ISecureRandom $random,
	) {
	}

	public static function isPseudonym(string $userId): bool {
		return str_contains($userId, self::MARK);
	}

	/** Replaces the user's id in every record of the app by "deleted user #N". @return string the pseudonym */
	public function forgetUser(string $userId): string {
		return $this->transactions->run(function () use ($userId): string {
			$pseudonym = $this->pseudonymFor($userId);
			$this->mapper->replaceEverywhere($userId, $pseudonym);
			return $pseudonym;
		});
	}

	/** The pseudonym of a deleted account ("deleted user #N"), the one forgetUser() writes into the records. */
	public function pseudonymFor(string $userId): string {
		return 'deleted user ' . self::MARK . $this->number($userId);
	}

	/**
	 * Replaces the reporters of items closed more than the configured number of months ago by
	 * "reporter #N"; nothing when the setting is 0 (the default).
	 *
	 * @return int how many items were pseudonymised
	 */
	public function pseudonymiseExpiredReporters(): int {
		$months = $this->settings->pseudonymiseAfterMonths();
		if ($months <= 0) {
			return 0;
		}
		$before = $this->time->getDateTime()->modify('-' . $months . ' months')->getTimestamp();
		$statuses = array_map(static fn (ItemStatus $s): string => $s->value, self::CLOSED_STATUSES);
		$rows = $this->mapper->expiredReporters($statuses, $before, self::MARK, self::BATCH);
		foreach ($rows as $row) {
			$this->transactions->run(function () use ($row): void {
				$this->mapper->replaceReporter($row['id'], $row['reporterId'], 'reporter ' . self::MARK . $this->number($row['reporterId']));
			});
		}
		return count($rows);
	}

	/** The person's pseudonym number, the same every time (found by a keyed hash of the user id). */
	private function number(string $userId): int {
		return $this->mapper->numberFor(hash_hmac('sha256', $userId, $this->secret()), $this->time->getTime());
	}

	/** The app's own key for the hashes, made once. */
	private function secret(): string {
		$secret = $this->config->getValueString(Application::APP_ID, 'pseudonym_key', '');
		if ($secret === '') {
			$secret = $this->random->generate(48);
			$this->config->setValueString(Application::APP_ID, 'pseudonym_key', $secret, sensitive: true);
		}
		return $secret;
	}
}
