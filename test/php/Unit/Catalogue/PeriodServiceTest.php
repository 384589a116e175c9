<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\PeriodService;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IDBConnection;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * Which months an administrator may open (from the first pilot's start up to the next month;
 * today is 2026-05-20 in UTC) and which periods may be deleted again (only one nobody rated in).
 */
final class PeriodServiceTest extends TestCase {
	/** 2026-05-20 12:00 UTC */
	private const NOW = 1_779_278_400;

	private PeriodMapper&MockObject $periods;
	private AssessmentMapper&MockObject $assessments;
	private ReleaseLogMapper&MockObject $releaseLog;
	private IDBConnection&MockObject $db;
	/** @var list<Pilot> the pilots that are not archived */
	private array $pilots = [];
	/** @var list<string> the months inserted */
	private array $inserted = [];
	/** @var list<int> the periods deleted */
	private array $deleted = [];

	protected function setUp(): void {
		$this->periods = $this->createMock(PeriodMapper::class);
		$this->periods->method('insert')->willReturnCallback(function (Period $period): Period {
			$this->inserted[] = $period->getMonth();
			return $period;
		});
		$this->periods->method('delete')->willReturnCallback(function (Period $period): Period {
			$this->deleted[] = $period->getId();
			return $period;
		});
		$this->assessments = $this->createMock(AssessmentMapper::class);
		$this->releaseLog = $this->createMock(ReleaseLogMapper::class);
		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('findAll')->with(false)->willReturnCallback(fn (): array => $this->pilots);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$this->db = $this->createMock(IDBConnection::class);
		$this->service = new PeriodService(
			$this->periods,
			$this->assessments,
			$pilots,
			$this->releaseLog,
			new TransactionRunner($this->db, $this->createMock(LoggerInterface::class)),
			$time,
			$this->createMock(IEventDispatcher::class),
		);
	}

	private PeriodService $service;

	private function pilot(string $title, ?string $startDate): void {
		$pilot = new Pilot();
		$pilot->setTitle($title);
		$pilot->setStartDate($startDate);
		$this->pilots[] = $pilot;
	}

	private function period(int $id, string $month): Period {
		$period = new Period();
		$period->setId($id);
		$period->setMonth($month);
		$period->setStatus('open');
		$this->periods->method('get')->with($id)->willReturn($period);
		return $period;
	}

	/** @return list<array{0: string}> */
	public static function openable(): array {
		return [['2026-02'], ['2026-05'], ['2026-06']];
	}

	#[DataProvider('openable')]
	public function testMonthsFromThePilotsStartUpToTheNextMonthCanBeOpened(string $month): void {
		$this->pilot('PoC Verwaltung', '2026-02-15');
		$this->service->create($month);
		self::assertSame([$month], $this->inserted);
	}

	public function testAMonthBeforeThePilotStartsIsRefusedNamingThePilot(): void {
		$this->pilot('PoC Forschung', '2026-03-01');
		$this->pilot('PoC Verwaltung', '2026-02-15');
		try {
			$this->service->create('2026-01');
			self::fail('2026-01 was opened');
		} catch (ValidationException $e) {
			self::assertSame('Month: 2026-01 is before the pilot "PoC Verwaltung" starts (2026-02-15). Open a month from 2026-02 on.', $e->getMessage());
			self::assertTrue($e->firstParamIsField());
		}
		self::assertSame([], $this->inserted);
	}

	public function testAMonthMoreThanOneMonthAheadIsRefused(): void {
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('Month: 2026-07 is more than one month ahead. Open a month up to 2026-06.');
		$this->service->create('2026-07');
	}

	public function testTheNextMonthOfDecemberIsJanuary(): void {
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(1_796_904_000); // 2026-12-10 12:00 UTC
		$service = new PeriodService($this->periods, $this->assessments, $this->createMock(PilotMapper::class), $this->releaseLog, $this->createMock(TransactionRunner::class), $time, $this->createMock(IEventDispatcher::class));
		self::assertSame(['first' => null, 'last' => '2027-01', 'pilot' => null], $service->openableMonths());
	}

	public function testWithoutAPilotStartAnyEarlierMonthCanBeOpened(): void {
		$this->pilot('PoC without a date', null);
		$this->service->create('1957-03');
		self::assertSame(['1957-03'], $this->inserted);
	}

	public function testAMonthThatHasAPeriodIsRefusedFirst(): void {
		$this->pilot('PoC Verwaltung', '2026-02-15');
		$this->periods->method('findByMonth')->willReturn(new Period());
		$this->expectException(ValidationException::class);
		$this->expectExceptionMessage('A reporting period for 1999-01 already exists');
		$this->service->create('1999-01');
	}

	public function testAPeriodNobodyRatedInIsDeleted(): void {
		$this->period(5, '2026-06');
		$this->db->expects(self::once())->method('commit');
		self::assertSame('2026-06', $this->service->delete(5)->getMonth());
		self::assertSame([5], $this->deleted);
	}

	public function testAPeriodWithRatingsIsNotDeleted(): void {
		$this->period(5, '2026-04');
		$this->assessments->method('countRatingsInPeriod')->with(5)->willReturn(12);
		$this->db->expects(self::never())->method('commit');
		$this->expectException(ConflictException::class);
		$this->expectExceptionMessage('2026-04 holds ratings (12), so it cannot be deleted. Close it instead');
		$this->service->delete(5);
	}

	public function testAPeriodWithDraftsOnlyIsNotDeletedEither(): void {
		$this->period(5, '2026-04');
		$this->assessments->method('countInPeriod')->with(5)->willReturn(1);
		$this->expectException(ConflictException::class);
		$this->expectExceptionMessage('Testers have saved comments for 2026-04');
		$this->service->delete(5);
	}

	public function testAReleasedPeriodIsNotDeleted(): void {
		$this->period(5, '2026-04');
		$this->releaseLog->method('countForPeriod')->with(5)->willReturn(2);
		$this->expectException(ConflictException::class);
		$this->expectExceptionMessage('Organisations have released their feedback for 2026-04');
		$this->service->delete(5);
	}
}
