<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Commentary;

use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\ReportText;
use OCA\PilotFeedback\Db\ReportTextMapper;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Report\Commentary\CommentaryService;
use OCA\PilotFeedback\Report\Commentary\ReportTextPresenter;
use OCA\PilotFeedback\Report\Commentary\ReportTextRules;
use OCA\PilotFeedback\Report\Commentary\ReportTextService;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;
use OCP\IUserManager;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** A unique index violation, as Nextcloud's database layer reports it. */
final class DuplicateVersionException extends DbException {
	public function getReason(): ?int {
		return self::REASON_UNIQUE_CONSTRAINT_VIOLATION;
	}
}

/**
 * The consolidators' texts for reports: who reads and writes them, what a save must hold,
 * versions against lost updates, history, removal by an empty text, and what reports read.
 * The table is an in-memory list of rows with the unique index of the real one.
 */
final class ReportTextServiceTest extends TestCase {
	private const PILOT = 7;
	private const COMPONENT = 31;
	private const OTHER_PILOTS_COMPONENT = 99;

	private ReportTextService $service;
	private CommentaryService $commentary;
	/** @var list<ReportText> every stored row, in insert order */
	private array $rows = [];
	/** A row another request inserts just before ours (the race on the unique index) */
	private ?ReportText $sneakIn = null;
	private int $now = 1_764_000_000;

	private Actor $bmi;
	private Actor $coordinator;
	private Actor $tester;
	private Actor $admin;

	protected function setUp(): void {
		$this->bmi = new Actor('bmi', isConsolidator: true);
		$this->coordinator = new Actor('rki-coord', memberOrgIds: [1], coordinatorOrgIds: [1]);
		$this->tester = new Actor('rki-tester1', memberOrgIds: [1]);
		$this->admin = new Actor('admin', isAdmin: true);

		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('get')->willReturnCallback(fn (int $id): Pilot => $id === self::PILOT ? new Pilot() : throw new NotFoundException('No record with id %1$s exists.', [(string)$id]));
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(fn (Link $link, array $ids): array => $link === Link::PilotComponents && $ids === [self::PILOT] ? [self::PILOT => [self::COMPONENT, 32]] : []);

		$mapper = $this->createMock(ReportTextMapper::class);
		$mapper->method('findVersions')->willReturnCallback(fn (int $p, string $per, int $c, int $limit): array => array_slice($this->versionsOf($p, $per, $c), 0, $limit));
		$mapper->method('findLatest')->willReturnCallback(fn (int $p, string $per, int $c): ?ReportText => $this->versionsOf($p, $per, $c)[0] ?? null);
		$mapper->method('findCurrent')->willReturnCallback(fn (int $p, string $per): array => $this->current($p, $per));
		$mapper->method('insert')->willReturnCallback(function (ReportText $row): ReportText {
			if ($this->sneakIn !== null) {
				$this->rows[] = $this->sneakIn;
				$this->sneakIn = null;
			}
			foreach ($this->rows as $stored) {
				if ([$stored->getPilotId(), $stored->getPeriod(), $stored->getComponentId(), $stored->getVersion()] === [$row->getPilotId(), $row->getPeriod(), $row->getComponentId(), $row->getVersion()]) {
					throw new DuplicateVersionException('Duplicate entry');
				}
			}
			$this->rows[] = $row;
			return $row;
		});

		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(fn (string $id): ?string => ['bmi' => 'BMI Consolidator', 'bmi2' => 'Second Consolidator'][$id] ?? null);
		$names = new UserNames($users, $this->createMock(Pseudonyms::class));
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturnCallback(fn (): int => $this->now);

		$this->service = new ReportTextService(new ReportTextRules(new Policy(), $pilots, $links), $mapper, new ReportTextPresenter($names), $time);
		$this->commentary = new CommentaryService($mapper);
	}

	public function testAConsolidatorWritesAForewordAndAComponentCommentThatTheReportReads(): void {
		$foreword = $this->service->save($this->bmi, self::PILOT, '2026-Q4', null, "## Foreword\n\nThe quarter in **our** words.", 0);
		$comment = $this->service->save($this->bmi, self::PILOT, '2026-Q4', self::COMPONENT, '  Mail works well.  ', 0);

		$this->assertSame(['componentId' => null, 'body' => "## Foreword\n\nThe quarter in **our** words.", 'version' => 1, 'updatedBy' => 'bmi', 'updatedByName' => 'BMI Consolidator', 'updatedAt' => $this->now], $foreword);
		$this->assertSame('Mail works well.', $comment['body'], 'kept trimmed');
		$this->assertSame(self::COMPONENT, $comment['componentId']);

		$report = $this->commentary->forReport(self::PILOT, '2026-Q4');
		$this->assertSame("## Foreword\n\nThe quarter in **our** words.", $report->foreword);
		$this->assertSame([self::COMPONENT => 'Mail works well.'], $report->components);
		$this->assertTrue($this->commentary->forReport(self::PILOT, '2026-11')->isEmpty(), 'another period has its own texts');
	}

	public function testCoordinatorsReadButTestersAndAdministratorsWhoAreNoConsolidatorsDoNot(): void {
		$this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Foreword', 0);

		$texts = $this->service->texts($this->coordinator, (string)self::PILOT, '2026-11');
		$this->assertSame('Foreword', $texts['foreword']['body']);
		$this->assertSame([], $texts['components']);

		foreach ([$this->tester, $this->admin] as $actor) {
			$this->assertRefused(ForbiddenException::class, 'Only consolidators and the coordinators of an organisation read the texts for reports.', fn () => $this->service->texts($actor, self::PILOT, '2026-11'));
			$this->assertRefused(ForbiddenException::class, 'Only consolidators and the coordinators of an organisation read the texts for reports.', fn () => $this->service->history($actor, self::PILOT, '2026-11', null));
		}
	}

	public function testOnlyConsolidatorsWriteAndARefusalStoresNothing(): void {
		foreach ([$this->coordinator, $this->tester, $this->admin] as $actor) {
			$this->assertRefused(ForbiddenException::class, 'Only consolidators write the texts for reports.', fn () => $this->service->save($actor, self::PILOT, '2026-11', null, 'Mine', 0));
		}
		$this->assertSame([], $this->rows);
	}

	/** @return array<string, array{mixed, mixed, mixed, mixed, class-string<DomainError>, string}> */
	public static function badSaves(): array {
		return [
			'unknown pilot' => [404, '2026-11', null, 'x', NotFoundException::class, 'No pilot with id 404 exists.'],
			'period of a day' => [self::PILOT, '2026-11-01', null, 'x', ValidationException::class, 'Period must be a month like 2026-11 or a quarter like 2026-Q4.'],
			'month 13' => [self::PILOT, '2026-13', null, 'x', ValidationException::class, 'Period must be a month like 2026-11 or a quarter like 2026-Q4.'],
			'quarter 5' => [self::PILOT, '2026-Q5', null, 'x', ValidationException::class, 'Period must be a month like 2026-11 or a quarter like 2026-Q4.'],
			'component of another pilot' => [self::PILOT, '2026-11', self::OTHER_PILOTS_COMPONENT, 'x', ValidationException::class, 'The component with id 99 is not part of the pilot with id 7. Choose one of the pilot\'s components.'],
			'body no text' => [self::PILOT, '2026-11', null, ['x'], ValidationException::class, 'Foreword must be text.'],
			'comment too long' => [self::PILOT, '2026-11', self::COMPONENT, str_repeat('ä', 20_001), ValidationException::class, 'Comment is 20 001 characters long; at most 20 000 characters are allowed. Shorten it.'],
			'control character' => [self::PILOT, '2026-11', null, "a\x00b", ValidationException::class, 'Foreword must not contain control characters.'],
		];
	}

	/** @param class-string<DomainError> $error */
	#[DataProvider('badSaves')]
	public function testABadSaveIsRefusedWithAMessage(mixed $pilot, mixed $period, mixed $component, mixed $body, string $error, string $message): void {
		$this->assertRefused($error, $message, fn () => $this->service->save($this->bmi, $pilot, $period, $component, $body, 0));
		$this->assertSame([], $this->rows);
	}

	public function testTheLongestTextIsAccepted(): void {
		$saved = $this->service->save($this->bmi, self::PILOT, '2026-11', null, str_repeat('ä', 20_000), 0);
		$this->assertSame(1, $saved['version']);
	}

	public function testHtmlIsStoredAsWritten(): void {
		$saved = $this->service->save($this->bmi, self::PILOT, '2026-11', null, '<img src=x onerror=alert(1)> **bold**', 0);
		$this->assertSame('<img src=x onerror=alert(1)> **bold**', $saved['body']);
	}

	public function testASaveOverANewerVersionIsRefusedWithTheCurrentText(): void {
		$this->service->save($this->bmi, self::PILOT, '2026-11', null, 'First', 0);
		$this->service->save(new Actor('bmi2', isConsolidator: true), self::PILOT, '2026-11', null, 'Second', 1);

		try {
			$this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Mine, edited from the first', 1);
			$this->fail('A stale version was saved');
		} catch (StaleVersionException $e) {
			$this->assertSame('This text was changed meanwhile by Second Consolidator. Its current version is shown; save again to overwrite it with yours.', $e->getMessage());
			$this->assertSame('Second', $e->current()['body'] ?? null);
			$this->assertSame(2, $e->current()['version'] ?? null);
		}
		$again = $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Mine, edited from the first', 2);
		$this->assertSame(3, $again['version']);
	}

	public function testAFirstSaveWhenATextExistsAndAVersionThatNeverExistedAreStale(): void {
		$this->assertRefused(StaleVersionException::class, 'This text was removed meanwhile. Save again to write yours.', fn () => $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'x', 4));
		$this->service->save($this->bmi, self::PILOT, '2026-11', null, 'First', 0);
		$this->assertRefused(StaleVersionException::class, 'This text was changed meanwhile by BMI Consolidator. Its current version is shown; save again to overwrite it with yours.', fn () => $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Also first', 0));
	}

	public function testTwoSavesOfTheSameVersionAtOnceLeaveOneAndRefuseTheOther(): void {
		$winner = new ReportText();
		$winner->setPilotId(self::PILOT);
		$winner->setPeriod('2026-11');
		$winner->setComponentId(self::COMPONENT);
		$winner->setVersion(1);
		$winner->setBody('The other tab');
		$winner->setChangedBy('bmi2');
		$this->sneakIn = $winner;

		try {
			$this->service->save($this->bmi, self::PILOT, '2026-11', self::COMPONENT, 'This tab', 0);
			$this->fail('Both saves were kept');
		} catch (StaleVersionException $e) {
			$this->assertSame('The other tab', $e->current()['body'] ?? null);
		}
		$this->assertSame(['The other tab'], array_map(static fn (ReportText $r): string => $r->text(), $this->rows));
	}

	public function testAnEmptyTextRemovesItFromTheReportAndTheHistoryKeepsEveryVersion(): void {
		$this->service->save($this->bmi, self::PILOT, '2026-11', self::COMPONENT, 'Comment', 0);
		$this->now += 60;
		$removed = $this->service->save(new Actor('bmi2', isConsolidator: true), self::PILOT, '2026-11', self::COMPONENT, '   ', 1);

		$this->assertSame('', $removed['body']);
		$this->assertSame(2, $removed['version']);
		$this->assertSame([], $this->commentary->forReport(self::PILOT, '2026-11')->components);
		$listed = $this->service->texts($this->bmi, self::PILOT, '2026-11')['components'];
		$this->assertSame([[self::COMPONENT, '', 2]], array_map(static fn (array $t): array => [$t['componentId'], $t['body'], $t['version']], $listed), 'listed with its version, so that it can be written again');

		$history = $this->service->history($this->coordinator, self::PILOT, '2026-11', self::COMPONENT);
		$this->assertSame([
			['version' => 2, 'body' => '', 'changedBy' => 'bmi2', 'changedByName' => 'Second Consolidator', 'changedAt' => $this->now],
			['version' => 1, 'body' => 'Comment', 'changedBy' => 'bmi', 'changedByName' => 'BMI Consolidator', 'changedAt' => $this->now - 60],
		], $history);
	}

	public function testSavingTheTextAsItIsWritesNothing(): void {
		$this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Same', 0);
		$again = $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'Same ', 1);
		$this->assertSame(1, $again['version']);
		$this->assertCount(1, $this->rows);
		$nothing = $this->service->save($this->bmi, self::PILOT, '2026-11', self::COMPONENT, '', 0);
		$this->assertSame(0, $nothing['version'], 'removing a text that was never written stores nothing');
		$this->assertCount(1, $this->rows);
	}

	public function testAVersionMustBeAWholeNumber(): void {
		$this->assertRefused(ValidationException::class, 'Version must be a whole number from 0 to 999999999.', fn () => $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'x', null));
		$this->assertRefused(ValidationException::class, 'Version must be a whole number from 0 to 999999999.', fn () => $this->service->save($this->bmi, self::PILOT, '2026-11', null, 'x', -1));
	}

	/** @return list<ReportText> newest first */
	private function versionsOf(int $pilot, string $period, int $component): array {
		$rows = array_values(array_filter($this->rows, static fn (ReportText $r): bool => $r->getPilotId() === $pilot && $r->getPeriod() === $period && $r->getComponentId() === $component));
		usort($rows, static fn (ReportText $a, ReportText $b): int => $b->getVersion() <=> $a->getVersion());
		return $rows;
	}

	/** @return list<ReportText> */
	private function current(int $pilot, string $period): array {
		$latest = [];
		foreach ($this->rows as $row) {
			if ($row->getPilotId() === $pilot && $row->getPeriod() === $period && ($latest[$row->getComponentId()] ?? null)?->getVersion() < $row->getVersion()) {
				$latest[$row->getComponentId()] = $row;
			}
		}
		ksort($latest);
		return array_values($latest);
	}

	/** @param class-string<DomainError> $error */
	private function assertRefused(string $error, string $message, callable $call): void {
		try {
			$call();
			$this->fail("Expected {$error}: {$message}");
		} catch (DomainError $e) {
			$this->assertInstanceOf($error, $e);
			$this->assertSame($message, $e->getMessage());
		}
	}
}
