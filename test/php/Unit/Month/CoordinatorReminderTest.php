<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Month\CoordinatorReminder;
use OCA\PilotFeedback\Notification\ReleaseReminderNotifier;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCP\Notification\IManager;
use OCP\Notification\INotification;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;

/** Consolidators remind an organisation's coordinators to release; nobody else may. */
final class CoordinatorReminderTest extends MonthTestCase {
	private IManager&MockObject $notifications;
	private PeriodMapper&MockObject $periods;
	/** @var array<string, Release> */
	private array $releases = [];
	/** @var list<array<string, mixed>> what notify() sent: user, object, subject, parameters */
	private array $sent = [];
	/** @var list<array{string, string, string}> what markProcessed() removed: user, object type, object id */
	private array $removed = [];
	private CoordinatorReminder $reminder;

	protected function setUp(): void {
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('get')->willReturnCallback(static function (int $id) {
			$organisation = self::organisation($id, $id === 1 ? 'Robert Koch-Institut' : 'Zentrum', $id === 1 ? 'RKI' : 'ZIT');
			$organisation->setArchived($id === 4);
			return $organisation;
		});
		$this->periods = $this->createMock(PeriodMapper::class);
		$this->periods->method('get')->willReturnCallback(static fn (int $id) => self::period($id, '2026-0' . $id));
		$releases = $this->createMock(ReleaseMapper::class);
		$releases->method('find')->willReturnCallback(fn (int $orgId, int $periodId): ?Release => $this->releases["$orgId:$periodId"] ?? null);
		$people = $this->createMock(People::class);
		$people->method('coordinators')->willReturnCallback(static fn (int $orgId): array => $orgId === 1 ? ['rki-coord', 'rki-deputy'] : []);
		$this->notifications = $this->createMock(IManager::class);
		$this->notifications->method('createNotification')->willReturnCallback(function (): INotification {
			$state = new \ArrayObject();
			$notification = $this->createMock(INotification::class);
			foreach (['setApp' => 'app', 'setUser' => 'user', 'setDateTime' => 'at'] as $method => $key) {
				$notification->method($method)->willReturnCallback(function (mixed $value) use ($state, $key, $notification): INotification {
					$state[$key] = $value;
					return $notification;
				});
			}
			$notification->method('setObject')->willReturnCallback(function (string $type, string $id) use ($state, $notification): INotification {
				$state['object'] = [$type, $id];
				return $notification;
			});
			$notification->method('setSubject')->willReturnCallback(function (string $subject, array $parameters) use ($state, $notification): INotification {
				$state['subject'] = $subject;
				$state['parameters'] = $parameters;
				return $notification;
			});
			$notification->method('getUser')->willReturnCallback(static fn (): string => (string)($state['user'] ?? ''));
			$notification->method('getObjectId')->willReturnCallback(static fn (): string => (string)($state['object'][1] ?? ''));
			$notification->method('getObjectType')->willReturnCallback(static fn (): string => (string)($state['object'][0] ?? ''));
			$notification->method('getSubjectParameters')->willReturnCallback(static fn (): array => (array)($state['parameters'] ?? []));
			$notification->method('getSubject')->willReturnCallback(static fn (): string => (string)($state['subject'] ?? ''));
			return $notification;
		});
		$this->notifications->method('notify')->willReturnCallback(function (INotification $n): void {
			$this->sent[] = ['user' => $n->getUser(), 'object' => [$n->getObjectType(), $n->getObjectId()], 'subject' => $n->getSubject(), 'parameters' => $n->getSubjectParameters()];
		});
		$this->notifications->method('markProcessed')->willReturnCallback(function (INotification $n): void {
			$this->removed[] = [$n->getUser(), $n->getObjectType(), $n->getObjectId()];
		});
		$this->reminder = new CoordinatorReminder(new Policy(), $organisations, $this->periods, $releases, $people, $this->notifications, $this->time());
	}

	public function testAConsolidatorRemindsEachCoordinatorOfTheOrganisationForTheOpenPeriod(): void {
		$this->periods->method('findNewestOpen')->willReturn(self::period(5, '2026-11'));
		$result = $this->reminder->remind(new Actor('bmi', false, true), 1, null);

		self::assertSame(['organisationId' => 1, 'periodId' => 5, 'reminded' => 2], $result);
		self::assertSame(['rki-coord', 'rki-deputy'], array_column($this->sent, 'user'));
		foreach ($this->sent as $sent) {
			self::assertSame([ReleaseReminderNotifier::OBJECT_TYPE, '1:5'], $sent['object']);
			self::assertSame(ReleaseReminderNotifier::SUBJECT, $sent['subject']);
			self::assertSame(['actor' => 'bmi', 'organisation' => 1, 'period' => 5], $sent['parameters']);
		}
		// A reminder replaces the one before about the same release.
		self::assertSame([['rki-coord', 'release', '1:5'], ['rki-deputy', 'release', '1:5']], $this->removed);
	}

	public function testAPeriodCanBeNamed(): void {
		self::assertSame(3, $this->reminder->remind(new Actor('bmi', false, true), 1, '3')['periodId']);
	}

	/** @return array<string, array{Actor}> */
	public static function notConsolidators(): array {
		return [
			'tester' => [new Actor('rki-tester1', false, false, [1])],
			'the organisation\'s coordinator' => [new Actor('rki-coord', false, false, [1], [1])],
			'administrator' => [new Actor('admin', true)],
		];
	}

	#[DataProvider('notConsolidators')]
	public function testNobodyButAConsolidatorMayRemind(Actor $actor): void {
		try {
			$this->reminder->remind($actor, 1, 5);
			self::fail('Expected a refusal');
		} catch (ForbiddenException $e) {
			self::assertSame(403, $e->getStatus());
		}
		self::assertSame([], $this->sent);
	}

	public function testAReleasedPeriodNeedsNoReminder(): void {
		$this->releases['1:5'] = self::release(1, 5, 'rki-coord');
		$this->expectException(ConflictException::class);
		try {
			$this->reminder->remind(new Actor('bmi', false, true), 1, 5);
		} finally {
			self::assertSame([], $this->sent);
		}
	}

	public function testAnOrganisationWithoutCoordinatorCannotBeReminded(): void {
		$this->expectException(ConflictException::class);
		$this->expectExceptionMessage('Zentrum has no coordinator to remind.');
		$this->reminder->remind(new Actor('bmi', false, true), 3, 5);
	}

	public function testAnArchivedOrganisationCannotBeReminded(): void {
		$this->expectException(ConflictException::class);
		$this->reminder->remind(new Actor('bmi', false, true), 4, 5);
	}

	public function testWithoutAnOpenPeriodAPeriodMustBeNamed(): void {
		$this->periods->method('findNewestOpen')->willReturn(null);
		$this->expectException(ValidationException::class);
		$this->reminder->remind(new Actor('bmi', false, true), 1, null);
	}
}
