<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Notification;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCP\IGroupManager;
use OCP\IL10N;
use OCP\IURLGenerator;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use OCP\Notification\INotification;
use OCP\Notification\UnknownNotificationException;
use PHPUnit\Framework\TestCase;

/**
 * "Your report is ready" says whose Files hold the report: the owner reads "your Files"; the
 * other consolidators read the owner's name, and the group the file is shared with and a
 * link to it, or, when it is not shared, to ask the owner (and no link to a file they
 * cannot open). A deleted owner is named by their pseudonym.
 */
final class ReportNotifierTest extends TestCase {
	private const PATH = 'Pilot Feedback/Reports/2026-11/Monthly status report - 2026-11.odt';

	private ReportNotifier $notifier;
	/** @var array<string, mixed> what the notifier set */
	private array $shown = [];

	protected function setUp(): void {
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $p = []): string => vsprintf($text, (array)$p));
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$urls = $this->createMock(IURLGenerator::class);
		$urls->method('linkToRouteAbsolute')->willReturnCallback(static fn (string $route, array $p = []): string => match ($route) {
			'files.View.showFile' => 'https://cloud.test/f/' . (string)$p['fileid'],
			default => 'https://cloud.test/apps/pilotfeedback/',
		});
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => ['bmi' => 'BMI Konsolidierung', 'bmi2' => 'Zweite Konsolidiererin'][$uid] ?? null);
		$pseudonyms = $this->createMock(Pseudonyms::class);
		$pseudonyms->method('pseudonymFor')->willReturnMap([['bmi-old', 'deleted user #9']]);
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('getDisplayName')->willReturnMap([['bmi-konsolidierung', 'BMI Konsolidierung (Gruppe)']]);
		// Report 5 is bmi's; report 6 is gone.
		$reports = $this->createMock(ReportMapper::class);
		$reports->method('get')->willReturnCallback(static function (int $id): Report {
			if ($id !== 5) {
				throw new NotFoundException('No report with id %1$s exists.', [(string)$id]);
			}
			$report = new Report();
			$report->setRequestedBy('bmi');
			return $report;
		});
		$this->notifier = new ReportNotifier($factory, $urls, new UserNames($users, $pseudonyms), $groups, $reports);
	}

	/** @param array<string, mixed> $params */
	private function show(string $reader, array $params, string $subject = ReportNotifier::SUBJECT_READY): void {
		$this->shown = [];
		$notification = $this->createMock(INotification::class);
		$notification->method('getApp')->willReturn('pilotfeedback');
		$notification->method('getObjectType')->willReturn(ReportNotifier::OBJECT_TYPE);
		$notification->method('getUser')->willReturn($reader);
		$notification->method('getSubject')->willReturn($subject);
		$notification->method('getSubjectParameters')->willReturn($params);
		foreach (['setIcon' => 'icon', 'setParsedSubject' => 'subject', 'setParsedMessage' => 'message', 'setLink' => 'link'] as $method => $key) {
			$notification->method($method)->willReturnCallback(function (string $value) use ($notification, $key): INotification {
				$this->shown[$key] = $value;
				return $notification;
			});
		}
		$this->notifier->prepare($notification, 'en');
	}

	/** @return array<string, mixed> */
	private static function ready(array $extra = []): array {
		return ['reportId' => 5, 'fileId' => 412, 'fileName' => 'Monthly status report - 2026-11.odt', 'path' => self::PATH, ...$extra];
	}

	public function testTheOwnerReadsThatTheReportIsInTheirFilesWithALinkToIt(): void {
		$this->show('bmi', self::ready());

		self::assertSame('Your report "Monthly status report - 2026-11.odt" is ready.', $this->shown['subject']);
		self::assertSame('Saved in your Files: ' . self::PATH, $this->shown['message']);
		self::assertSame('https://cloud.test/f/412', $this->shown['link']);
	}

	public function testTheOwnerOfAScheduledReportReadsTheGroupItIsSharedWith(): void {
		$this->show('bmi', self::ready(['group' => 'bmi-konsolidierung']));

		self::assertSame('Saved in your Files, shared with the group BMI Konsolidierung (Gruppe): ' . self::PATH, $this->shown['message']);
		self::assertSame('https://cloud.test/f/412', $this->shown['link']);
	}

	public function testAnotherConsolidatorReadsWhoseFilesHoldTheSharedReportAndGetsTheLink(): void {
		$this->show('bmi2', self::ready(['owner' => 'bmi', 'group' => 'bmi-konsolidierung']));

		self::assertSame('The report "Monthly status report - 2026-11.odt" is ready.', $this->shown['subject'], 'not "your report"');
		self::assertSame('Saved in BMI Konsolidierung\'s Files, shared with the group BMI Konsolidierung (Gruppe): ' . self::PATH, $this->shown['message']);
		self::assertSame('https://cloud.test/f/412', $this->shown['link'], 'the share opens under the same file id');
	}

	public function testWithoutAShareAnotherConsolidatorIsToldToAskTheOwnerAndGetsNoLinkToTheFile(): void {
		// ReportNotifications leaves the file id out for them; an old notice may still have one.
		foreach ([self::ready(['owner' => 'bmi']), array_diff_key(self::ready(['owner' => 'bmi']), ['fileId' => true])] as $params) {
			$this->show('bmi2', $params);

			self::assertSame('Saved in BMI Konsolidierung\'s Files: ' . self::PATH . '. It is not shared with you; ask BMI Konsolidierung for a copy.', $this->shown['message']);
			self::assertSame('https://cloud.test/apps/pilotfeedback/#/reports', $this->shown['link'], 'the reports list, not a file they cannot open');
		}
	}

	public function testANoticeOfAnEarlierVersionWithoutItsOwnerIsReadWithTheRequesterAsOwner(): void {
		// Earlier, every consolidator got the owner's notice ("your Files", a link they could not open).
		$this->show('bmi2', self::ready());
		self::assertSame('Saved in BMI Konsolidierung\'s Files: ' . self::PATH . '. It is not shared with you; ask BMI Konsolidierung for a copy.', $this->shown['message']);
		self::assertSame('https://cloud.test/apps/pilotfeedback/#/reports', $this->shown['link']);

		$this->show('bmi', self::ready());
		self::assertSame('Saved in your Files: ' . self::PATH, $this->shown['message']);

		$this->show('bmi2', self::ready(['reportId' => 6]));
		self::assertSame('Saved in your Files: ' . self::PATH, $this->shown['message'], 'the report is gone: read as before');
	}

	public function testAnOwnerWhoseAccountWasDeletedIsNamedByTheirPseudonym(): void {
		$this->show('bmi2', self::ready(['owner' => 'bmi-old', 'group' => 'bmi-konsolidierung']));

		self::assertSame('Saved in deleted user #9\'s Files, shared with the group BMI Konsolidierung (Gruppe): ' . self::PATH, $this->shown['message']);
		self::assertStringNotContainsString('bmi-old', implode(' ', $this->shown));
	}

	public function testAFailedReportTellsWhyAndLinksToTheReports(): void {
		$this->show('bmi', ['reportId' => 5, 'template' => 'The folder "%1$s" was removed while the report was being saved. Ask for the report again.', 'params' => ['Reports']], ReportNotifier::SUBJECT_FAILED);

		self::assertSame('Your report could not be made.', $this->shown['subject']);
		self::assertSame('The folder "Reports" was removed while the report was being saved. Ask for the report again.', $this->shown['message']);
		self::assertSame('https://cloud.test/apps/pilotfeedback/#/reports', $this->shown['link']);
	}

	public function testAnotherSubjectIsNotOurs(): void {
		$this->expectException(UnknownNotificationException::class);
		$this->show('bmi', [], 'something_else');
	}
}
