<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\People;

use OCA\PilotFeedback\Db\PseudonymMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Settings\IntegrationSettings;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IAppConfig;
use OCP\IUserManager;
use OCP\Security\ISecureRandom;
use PHPUnit\Framework\TestCase;

/**
 * Others read a person's display name while the account exists and, once it is deleted, the
 * same pseudonym that Pseudonyms wrote into the app's records, never the old user id.
 */
final class UserNamesTest extends TestCase {
	/** @var array<string, int> pseudonym numbers by user hash */
	private array $numbers = [];
	/** @var list<string> the user ids whose display name was asked for */
	private array $asked = [];
	private Pseudonyms $pseudonyms;
	private UserNames $names;

	protected function setUp(): void {
		$mapper = $this->createMock(PseudonymMapper::class);
		$mapper->method('numberFor')->willReturnCallback(function (string $hash): int {
			return $this->numbers[$hash] ??= 6 + count($this->numbers);
		});
		$transactions = $this->createMock(TransactionRunner::class);
		$transactions->method('run')->willReturnCallback(static fn (callable $work): mixed => $work());
		$config = $this->createMock(IAppConfig::class);
		$config->method('getValueString')->willReturn('the-key');
		$this->pseudonyms = new Pseudonyms($mapper, $this->createMock(IntegrationSettings::class), $transactions, $this->createMock(ITimeFactory::class), $config, $this->createMock(ISecureRandom::class));

		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(function (string $uid): ?string {
			$this->asked[] = $uid;
			return ['rki-tester1' => 'Rita Tester', 'plain' => 'plain'][$uid] ?? null;
		});
		$this->names = new UserNames($users, $this->pseudonyms);
	}

	public function testAnExistingAccountIsNamedByItsDisplayName(): void {
		self::assertFalse($this->names->isGone('rki-tester1'));
		self::assertSame('rki-tester1', $this->names->id('rki-tester1'));
		self::assertSame('Rita Tester', $this->names->name('rki-tester1'));
		self::assertSame(['type' => 'user', 'id' => 'rki-tester1', 'name' => 'Rita Tester'], $this->names->richParameter('rki-tester1'));
		self::assertSame('plain', $this->names->name('plain'), 'an account without a display name goes by its id');
		self::assertSame([], $this->numbers, 'no pseudonym is made for people who exist');
	}

	public function testADeletedAccountIsNamedByThePseudonymItsRecordsCarry(): void {
		$written = $this->pseudonyms->forgetUser('rki-leaver');

		self::assertSame('deleted user #6', $written);
		self::assertTrue($this->names->isGone('rki-leaver'));
		self::assertSame($written, $this->names->id('rki-leaver'));
		self::assertSame($written, $this->names->name('rki-leaver'));
		self::assertSame(['type' => 'highlight', 'id' => $written, 'name' => $written], $this->names->richParameter('rki-leaver'));
		self::assertSame('deleted user #7', $this->names->name('another-leaver'), 'each person their own number');
	}

	public function testAPseudonymIsShownAsItIsAndNothingIsAskedTwice(): void {
		self::assertSame('reporter #3', $this->names->name('reporter #3'));
		self::assertSame('deleted user #4', $this->names->id('deleted user #4'));
		self::assertSame('', $this->names->name(''));
		$this->names->name('rki-tester1');
		$this->names->id('rki-tester1');
		$this->names->richParameter('rki-tester1');
		self::assertSame(['rki-tester1'], $this->asked, 'pseudonyms and "" are never looked up; a user once per request');
	}
}
