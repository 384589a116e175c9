<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Notification;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Notification\Notifier;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use OCP\Notification\AlreadyProcessedException;
use OCP\Notification\INotification;
use OCP\Notification\UnknownNotificationException;
use PHPUnit\Framework\TestCase;

/** A notification is checked again when shown: nobody reads the title of an item they may not see. */
final class NotifierTest extends TestCase {
	private Notifier $notifier;
	/** @var array<string, Actor> */
	private array $actors;

	protected function setUp(): void {
		$secret = new Item();
		$secret->setId(7);
		$secret->setType('security');
		$secret->setConfidential(true);
		$secret->setTitle('Session token leaks');
		$secret->setStatus('in_review');
		$secret->setReporterId('rki-tester1');
		$secret->setOrgId(1);
		$items = $this->createMock(ItemMapper::class);
		$items->method('findByIds')->willReturnCallback(static fn (array $ids): array => $ids === [7] ? [$secret] : []);
		$this->actors = [
			'rki-tester1' => new Actor('rki-tester1', false, false, [1]),
			'bsh-tester1' => new Actor('bsh-tester1', false, false, [2]),
		];
		$actorFactory = $this->createMock(ActorFactory::class);
		$actorFactory->method('forUserId')->willReturnCallback(fn (string $id): ?Actor => $this->actors[$id] ?? null);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $p = []): string => vsprintf($text, $p));
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$links = $this->createMock(AppLinks::class);
		$links->method('item')->willReturnCallback(static fn (int $id): string => 'https://cloud.test/apps/pilotfeedback/items/' . $id);
		// bmi exists; rki-leaver's account was deleted.
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => $uid === 'bmi' ? 'BMI Konsolidierung' : null);
		$pseudonyms = $this->createMock(Pseudonyms::class);
		$pseudonyms->method('pseudonymFor')->willReturnMap([['rki-leaver', 'deleted user #4']]);
		$this->notifier = new Notifier($factory, $items, $this->createMock(PeriodMapper::class), $this->createMock(OrganisationMapper::class),
			$actorFactory, new Policy(), $links, new UserNames($users, $pseudonyms));
	}

	private function notification(string $user, string $app = 'pilotfeedback', int $itemId = 7, string $actor = 'bmi'): INotification {
		$notification = $this->createMock(INotification::class);
		$notification->method('getApp')->willReturn($app);
		$notification->method('getUser')->willReturn($user);
		$notification->method('getSubject')->willReturn('status_changed');
		$notification->method('getSubjectParameters')->willReturn(['actor' => $actor, 'item' => $itemId]);
		$notification->method('setIcon')->willReturnSelf();
		return $notification;
	}

	public function testTheReporterReadsTheTitleAndGetsALinkToTheItem(): void {
		$notification = $this->notification('rki-tester1');
		$notification->expects(self::once())->method('setParsedSubject')->with('BMI Konsolidierung changed the status of Session token leaks to "In review".');
		$notification->expects(self::once())->method('setRichSubject')->with('{actor} changed the status of {item} to "In review".', self::callback(static function (array $parameters): bool {
			self::assertSame(['type' => 'user', 'id' => 'bmi', 'name' => 'BMI Konsolidierung'], $parameters['actor']);
			return true;
		}));
		$notification->expects(self::once())->method('setLink')->with('https://cloud.test/apps/pilotfeedback/items/7');
		$this->notifier->prepare($notification, 'en');
	}

	public function testAnActorWhoseAccountWasDeletedIsNamedByTheirPseudonymOnly(): void {
		$notification = $this->notification('rki-tester1', actor: 'rki-leaver');
		$notification->expects(self::once())->method('setParsedSubject')->with('deleted user #4 changed the status of Session token leaks to "In review".');
		$notification->expects(self::once())->method('setRichSubject')->with(self::anything(), self::callback(static function (array $parameters): bool {
			self::assertSame(['type' => 'highlight', 'id' => 'deleted user #4', 'name' => 'deleted user #4'], $parameters['actor'], 'no user (avatar, profile) and no user id');
			return true;
		}));
		$this->notifier->prepare($notification, 'en');
	}

	public function testSomeoneWhoMayNotSeeTheItemGetsNothing(): void {
		$notification = $this->notification('bsh-tester1');
		$notification->expects(self::never())->method('setParsedSubject');
		$this->expectException(AlreadyProcessedException::class);
		$this->notifier->prepare($notification, 'en');
	}

	public function testAGoneItemOrUserRemovesTheNotification(): void {
		$this->expectException(AlreadyProcessedException::class);
		$this->notifier->prepare($this->notification('rki-tester1', 'pilotfeedback', 99), 'en');
	}

	public function testAnotherAppsNotificationIsNotOurs(): void {
		$this->expectException(UnknownNotificationException::class);
		$this->notifier->prepare($this->notification('rki-tester1', 'files'), 'en');
	}
}
