<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\ReleaseMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Month\MonthDeadline;
use OCA\PilotFeedback\Notification\ReleaseReminderNotifier;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\UserNames;
use OCP\IL10N;
use OCP\L10N\IFactory;
use OCP\Notification\AlreadyProcessedException;
use OCP\Notification\INotification;
use OCP\Notification\UnknownNotificationException;

/** The reminder to release is shown to the organisation's coordinators until it is released. */
final class ReleaseReminderNotifierTest extends MonthTestCase {
	/** @var array<string, Release> */
	private array $releases = [];
	private ReleaseReminderNotifier $notifier;

	protected function setUp(): void {
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('forUserId')->willReturnCallback(static fn (string $id): ?Actor => match ($id) {
			'rki-coord' => new Actor('rki-coord', false, false, [1], [1]),
			'bsh-coord' => new Actor('bsh-coord', false, false, [2], [2]),
			default => null,
		});
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('get')->willReturn(self::period(5, '2026-11'));
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('findByIds')->willReturn([self::organisation(1, 'Robert Koch-Institut', 'RKI')]);
		$releases = $this->createMock(ReleaseMapper::class);
		$releases->method('find')->willReturnCallback(fn (int $orgId, int $periodId): ?Release => $this->releases["$orgId:$periodId"] ?? null);
		$names = $this->createMock(UserNames::class);
		$names->method('richParameter')->willReturn(['type' => 'user', 'id' => 'bmi', 'name' => 'BMI Konsolidierung']);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $p = []): string => vsprintf($text, $p));
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$links = $this->createMock(AppLinks::class);
		$links->method('view')->willReturnCallback(static fn (string $view): string => 'https://cloud.test/apps/pilotfeedback/' . $view);
		$this->notifier = new ReleaseReminderNotifier($factory, $actors, $periods, $organisations, $releases, $names, $links, new MonthDeadline($this->time()));
	}

	private function notification(string $user, string $subject = ReleaseReminderNotifier::SUBJECT): INotification {
		$notification = $this->createMock(INotification::class);
		$notification->method('getApp')->willReturn('pilotfeedback');
		$notification->method('getUser')->willReturn($user);
		$notification->method('getSubject')->willReturn($subject);
		$notification->method('getSubjectParameters')->willReturn(['actor' => 'bmi', 'organisation' => 1, 'period' => 5]);
		return $notification;
	}

	public function testTheCoordinatorReadsWhoAsksForWhichReleaseAndTheDeadline(): void {
		$notification = $this->notification('rki-coord');
		$notification->expects(self::once())->method('setParsedSubject')->with('BMI Konsolidierung asks you to release the feedback of Robert Koch-Institut for 2026-11.');
		$notification->expects(self::once())->method('setParsedMessage')->with('The deadline is 2026-11-30.');
		$notification->expects(self::once())->method('setLink')->with('https://cloud.test/apps/pilotfeedback/coordination');
		$this->notifier->prepare($notification, 'en');
	}

	public function testOnceReleasedTheReminderIsRemoved(): void {
		$this->releases['1:5'] = self::release(1, 5, 'rki-coord');
		$this->expectException(AlreadyProcessedException::class);
		$this->notifier->prepare($this->notification('rki-coord'), 'en');
	}

	public function testSomeoneWhoNoLongerCoordinatesTheOrganisationGetsNothing(): void {
		$this->expectException(AlreadyProcessedException::class);
		$this->notifier->prepare($this->notification('bsh-coord'), 'en');
	}

	public function testTheAppsOtherNotificationsAreNotItsOwn(): void {
		$this->expectException(UnknownNotificationException::class);
		$this->notifier->prepare($this->notification('rki-coord', 'release_missing'), 'en');
	}
}
