<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\Report\ReportNotifications;
use OCA\PilotFeedback\Report\ReportSharing;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\App\IAppManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Constants;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IUser;
use OCP\Notification\IManager as INotificationManager;
use OCP\Notification\INotification;
use OCP\Share\IManager as IShareManager;
use OCP\Share\IShare;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * A scheduled report, saved in bmi's Files, belongs to the consolidators together (bmi, bmi2,
 * bmi3): it is shared read-only with their group, so that every consolidator's link opens it,
 * and each is told whose Files hold it. Without sharing, only bmi gets the link; the others
 * are told to ask bmi.
 */
final class ReportSharingTest extends TestCase {
	private const CONSOLIDATORS = ['bmi', 'bmi2', 'bmi3'];

	/** @var array<string, bool|string> the server's sharing settings */
	private array $server = ['files_sharing' => true, 'api' => true, 'groups' => true, 'disabledFor' => ''];
	private ?\Throwable $shareFails = null;
	private bool $fileGone = false;
	/** @var list<array<string, mixed>> the shares created, as set */
	private array $shares = [];
	/** @var array<int, \ArrayObject<string, mixed>> values set on each share object, by object id */
	private array $sharesMade = [];
	/** @var list<array<string, mixed>> notifications sent (user, object, subject, params) */
	private array $notified = [];
	/** @var list<array{string, string}> notifications removed (user, object id) */
	private array $dismissed = [];
	/** @var list<string> warnings logged */
	private array $warnings = [];
	private File $file;
	private ReportSharing $sharing;

	public static function setUpBeforeClass(): void {
		// IRootFolder extends OC\Hooks\Emitter, a server class the unit bootstrap (OCP only) does not load.
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			$public = dirname((string)(new \ReflectionClass(IUser::class))->getFileName());
			require_once dirname($public) . '/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$this->file = $this->createConfiguredMock(File::class, ['getId' => 412]);
		$userFolder = $this->createMock(Folder::class);
		$userFolder->method('getFirstNodeById')->willReturnCallback(fn (int $id): ?File => $id === 412 && !$this->fileGone ? $this->file : null);
		$root = $this->createMock(IRootFolder::class);
		$root->method('getUserFolder')->willReturnCallback(static fn (string $uid): Folder => $uid === 'bmi' ? $userFolder : throw new \RuntimeException('not the owner'));

		$shares = $this->createMock(IShareManager::class);
		$shares->method('shareApiEnabled')->willReturnCallback(fn (): bool => (bool)$this->server['api']);
		$shares->method('allowGroupSharing')->willReturnCallback(fn (): bool => (bool)$this->server['groups']);
		$shares->method('sharingDisabledForUser')->willReturnCallback(fn (?string $uid): bool => $uid === $this->server['disabledFor']);
		$shares->method('newShare')->willReturnCallback(function (): IShare {
			$values = new \ArrayObject();
			$share = $this->createMock(IShare::class);
			foreach (['setNode' => 'node', 'setShareType' => 'type', 'setSharedWith' => 'with', 'setSharedBy' => 'by', 'setShareOwner' => 'owner', 'setPermissions' => 'permissions'] as $method => $key) {
				$share->method($method)->willReturnCallback(static function (mixed $value) use ($share, $values, $key): IShare {
					$values[$key] = $value;
					return $share;
				});
			}
			$share->method('getPermissions')->willReturnCallback(static fn (): int => (int)($values['permissions'] ?? 0));
			$this->sharesMade[spl_object_id($share)] = $values;
			return $share;
		});
		$shares->method('createShare')->willReturnCallback(function (IShare $share): IShare {
			if ($this->shareFails !== null) {
				throw $this->shareFails;
			}
			$this->shares[] = $this->sharesMade[spl_object_id($share)]->getArrayCopy();
			return $share;
		});
		$apps = $this->createMock(IAppManager::class);
		$apps->method('isEnabledForAnyone')->willReturnCallback(fn (string $app): bool => $app === 'files_sharing' && (bool)$this->server['files_sharing']);
		$settings = $this->createMock(SettingsService::class);
		$settings->method('consolidatorGroup')->willReturn('bmi-konsolidierung');
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getDateTime')->willReturnCallback(static fn (): \DateTime => new \DateTime('@1800000000'));
		$logger = $this->createMock(LoggerInterface::class);
		$logger->method('warning')->willReturnCallback(function (string|\Stringable $message): void {
			$this->warnings[] = (string)$message;
		});
		$this->sharing = new ReportSharing($shares, $root, $apps, $settings, new ReportNotifications($this->notifications(), $time), $logger);
	}

	private function notifications(): INotificationManager {
		/** @var \SplObjectStorage<INotification, \ArrayObject<string, mixed>> $created */
		$created = new \SplObjectStorage();
		$manager = $this->createMock(INotificationManager::class);
		$manager->method('createNotification')->willReturnCallback(function () use ($created): INotification {
			$values = new \ArrayObject();
			$notification = $this->createMock(INotification::class);
			$notification->method('setApp')->willReturnSelf();
			$notification->method('setDateTime')->willReturnSelf();
			foreach (['setUser' => 'user', 'setSubject' => 'subject'] as $method => $key) {
				$notification->method($method)->willReturnCallback(static function (string $value, array $params = []) use ($notification, $values, $key): INotification {
					$values[$key] = $value;
					if ($key === 'subject') {
						$values['params'] = $params;
					}
					return $notification;
				});
			}
			$notification->method('setObject')->willReturnCallback(static function (string $type, string $id) use ($notification, $values): INotification {
				$values['object'] = $type . ' ' . $id;
				return $notification;
			});
			$created[$notification] = $values;
			return $notification;
		});
		$manager->method('notify')->willReturnCallback(function (INotification $notification) use ($created): void {
			$this->notified[] = $created[$notification]->getArrayCopy();
		});
		$manager->method('markProcessed')->willReturnCallback(function (INotification $notification) use ($created): void {
			$values = $created[$notification];
			$this->dismissed[] = [(string)$values['user'], (string)$values['object']];
		});
		return $manager;
	}

	private static function report(): Report {
		$report = new Report();
		$report->setId(5);
		$report->setPeriod('2026-11');
		$report->setOrigin(Report::ORIGIN_CADENCE);
		$report->setRequestedBy('bmi');
		$report->setFolder('Pilot Feedback/Reports');
		$report->setStatus(Report::STATUS_DONE);
		$report->setFileId(412);
		$report->setFileName('Monthly status report - 2026-11.odt');
		return $report;
	}

	/** @return array<string, mixed> the subject parameters of the ready notice */
	private static function params(array $extra): array {
		return ['reportId' => 5, 'fileId' => 412, 'fileName' => 'Monthly status report - 2026-11.odt', 'path' => 'Pilot Feedback/Reports/2026-11/Monthly status report - 2026-11.odt', ...$extra];
	}

	/** @return array<string, array<string, mixed>> the params of the ready notice each user got, by user */
	private function noticesByUser(): array {
		$byUser = [];
		foreach ($this->notified as $notice) {
			self::assertSame(ReportNotifier::SUBJECT_READY, $notice['subject']);
			self::assertSame('report 5', $notice['object']);
			$byUser[(string)$notice['user']] = $notice['params'];
		}
		return $byUser;
	}

	public function testTheFileIsSharedReadOnlyWithTheConsolidatorsGroupAndEveryConsolidatorGetsTheLink(): void {
		$this->sharing->shareWithConsolidators(self::report(), self::CONSOLIDATORS);

		self::assertCount(1, $this->shares);
		self::assertSame($this->file, $this->shares[0]['node'], 'the file, not its folder (which holds the owner\'s own reports too)');
		self::assertSame(IShare::TYPE_GROUP, $this->shares[0]['type']);
		self::assertSame('bmi-konsolidierung', $this->shares[0]['with']);
		self::assertSame('bmi', $this->shares[0]['by']);
		self::assertSame(Constants::PERMISSION_READ, $this->shares[0]['permissions'], 'read-only');

		self::assertSame([
			'bmi' => self::params(['group' => 'bmi-konsolidierung']),
			'bmi2' => self::params(['owner' => 'bmi', 'group' => 'bmi-konsolidierung']),
			'bmi3' => self::params(['owner' => 'bmi', 'group' => 'bmi-konsolidierung']),
		], $this->noticesByUser());
		self::assertSame([['bmi', 'report 5']], $this->dismissed, 'bmi\'s notice of the runner is replaced, not doubled');
		self::assertSame([], $this->warnings);
	}

	/** @return array<string, array{0: array<string, bool|string>}> */
	public static function sharingOff(): array {
		return [
			'sharing is off on the server' => [['api' => false]],
			'sharing with groups is off' => [['groups' => false]],
			'the owner may not share' => [['disabledFor' => 'bmi']],
			'the sharing app is off' => [['files_sharing' => false]],
		];
	}

	/** @param array<string, bool|string> $server */
	#[DataProvider('sharingOff')]
	public function testWithoutSharingOnlyTheOwnerHasTheLinkAndTheOthersAreToldWhoseFilesHoldIt(array $server): void {
		$this->server = [...$this->server, ...$server];

		$this->sharing->shareWithConsolidators(self::report(), self::CONSOLIDATORS);

		self::assertSame([], $this->shares);
		$withoutLink = array_diff_key(self::params(['owner' => 'bmi']), ['fileId' => true]);
		self::assertSame(['bmi2' => $withoutLink, 'bmi3' => $withoutLink], $this->noticesByUser(), 'bmi keeps the runner\'s notice with the link');
		self::assertSame([], $this->dismissed);
	}

	public function testAShareThatFailsIsLoggedAndTheOthersAreToldToAskTheOwner(): void {
		$this->shareFails = new \InvalidArgumentException('Group sharing is not allowed');

		$this->sharing->shareWithConsolidators(self::report(), self::CONSOLIDATORS);

		self::assertCount(1, $this->warnings);
		self::assertArrayNotHasKey('fileId', $this->noticesByUser()['bmi2']);
		self::assertArrayNotHasKey('group', $this->noticesByUser()['bmi2']);
	}

	public function testAFileThatIsGoneIsNotShared(): void {
		$this->fileGone = true;

		$this->sharing->shareWithConsolidators(self::report(), self::CONSOLIDATORS);

		self::assertSame([], $this->shares);
		self::assertSame(['bmi2', 'bmi3'], array_keys($this->noticesByUser()));
	}
}
