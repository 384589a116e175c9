<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Dashboard\ConsolidatorWidget;
use OCA\PilotFeedback\Dashboard\CoordinatorWidget;
use OCA\PilotFeedback\Dashboard\TesterWidget;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Month\MonthService;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\Dashboard\Model\WidgetItem;
use OCP\IL10N;
use OCP\IUser;
use OCP\IUserManager;
use OCP\IUserSession;
use PHPUnit\Framework\MockObject\MockObject;

/** The dashboard widgets show what the start page shows: the sections of MonthService. */
final class DashboardWidgetsTest extends MonthTestCase {
	private MonthService&MockObject $month;
	private ActorFactory&MockObject $actors;
	/** @var array{IL10N, ActorFactory, AppLinks, IUserSession, IUserManager} */
	private array $base;

	protected function setUp(): void {
		$this->month = $this->createMock(MonthService::class);
		$this->month->method('period')->willReturn(self::period(5, '2026-11'));
		$this->month->method('deadlineOf')->willReturn(['deadline' => '2026-11-30', 'daysLeft' => 10]);
		$this->month->method('since')->willReturn(self::NOW - 86400);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $p = []): string => vsprintf($text, $p));
		$links = $this->createMock(AppLinks::class);
		$links->method('view')->willReturnCallback(static fn (string $view): string => 'https://cloud.test/apps/pilotfeedback/' . $view);
		$links->method('item')->willReturnCallback(static fn (int $id): string => 'https://cloud.test/apps/pilotfeedback/items/' . $id);
		$this->actors = $this->createMock(ActorFactory::class);
		$users = $this->createMock(IUserManager::class);
		$users->method('get')->willReturn($this->createMock(IUser::class));
		$this->base = [$l, $this->actors, $links, $this->createMock(IUserSession::class), $users];
	}

	/** @return array<string, mixed> */
	private static function monthItem(int $id, int $createdAt, string $status = 'new'): array {
		return ['id' => $id, 'title' => 'Item ' . $id, 'type' => 'defect', 'priority' => 'high', 'status' => $status, 'componentId' => 1, 'organisationId' => 1, 'createdAt' => $createdAt, 'updatedAt' => $createdAt, 'filedByMe' => true];
	}

	/**
	 * @param list<WidgetItem> $items
	 * @return list<array{string, string, string}>
	 */
	private static function shown(array $items): array {
		return array_map(static fn (WidgetItem $i): array => [$i->getTitle(), $i->getSubtitle(), $i->getLink()], $items);
	}

	public function testTheTesterWidgetLinksEachComponentToRateToItsSheetThenTheChangedItems(): void {
		$this->actors->method('forUser')->willReturn(new Actor('rki-tester1', false, false, [1]));
		$this->month->method('testerSection')->willReturn([
			'toRate' => [['id' => 4, 'name' => 'Jitsi', 'pilotId' => 2, 'pilotTitle' => 'PoC 2']],
			'componentCount' => 3,
			'ratedCount' => 2,
			'changedItems' => [self::monthItem(7, self::NOW - 60, 'in_review')],
		]);
		$widget = new TesterWidget(...[...$this->base, $this->month]);
		self::assertSame([
			['Jitsi', 'Not rated yet for 2026-11, due 2026-11-30', 'https://cloud.test/apps/pilotfeedback/rate?component=4&pilot=2'],
			['Item 7', 'Changed: Defect · In review · High', 'https://cloud.test/apps/pilotfeedback/items/7'],
		], self::shown($widget->getItemsV2('rki-tester1')->getItems()));
	}

	public function testTheConsolidatorWidgetMarksWhatWasFiledSinceTheLastVisit(): void {
		$this->actors->method('forUser')->willReturn(new Actor('bmi', false, true));
		$this->month->method('consolidatorItems')->willReturn([
			'triage' => ['items' => [self::monthItem(9, self::NOW - 60), self::monthItem(8, self::NOW - 3 * 86400)], 'total' => 2],
			'urgent' => ['items' => [self::monthItem(9, self::NOW - 60), self::monthItem(3, self::NOW - 9 * 86400, 'accepted')], 'total' => 2],
		]);
		$widget = new ConsolidatorWidget(...[...$this->base, $this->month]);
		self::assertSame([
			['Item 9', 'New: Defect · New · High', 'https://cloud.test/apps/pilotfeedback/items/9'],
			['Item 8', 'Waiting for triage: Defect · New · High', 'https://cloud.test/apps/pilotfeedback/items/8'],
			['Item 3', 'Defect · Accepted · High', 'https://cloud.test/apps/pilotfeedback/items/3'],
		], self::shown($widget->getItemsV2('bmi')->getItems()));
	}

	public function testTheCoordinatorWidgetTellsTheReleaseStateAndTheOpenSecurityFindings(): void {
		$this->actors->method('forUser')->willReturn(new Actor('rki-coord', false, false, [1], [1]));
		$this->month->method('coordinatorSection')->willReturn(['organisations' => [[
			'organisationId' => 1, 'name' => 'Robert Koch-Institut', 'shortName' => 'RKI', 'state' => 'pending', 'release' => null, 'unreleasedMonths' => [], 'coordinators' => [],
			'components' => [['id' => 1, 'name' => 'Files'], ['id' => 2, 'name' => 'Office']],
			'members' => [['userId' => 'rki-tester1', 'displayName' => 'T1', 'ratedComponentIds' => [1, 2]], ['userId' => 'rki-tester2', 'displayName' => 'T2', 'ratedComponentIds' => [1]]],
			'securityFindings' => ['items' => [self::monthItem(5, self::NOW - 60)], 'total' => 1],
		]]]);
		$widget = new CoordinatorWidget(...[...$this->base, $this->month]);
		self::assertSame([
			['Robert Koch-Institut', 'Not released yet, due 2026-11-30 · 1 of 2 testers have rated everything', 'https://cloud.test/apps/pilotfeedback/coordination'],
			['Item 5', 'Open security finding: Defect · New · High', 'https://cloud.test/apps/pilotfeedback/items/5'],
		], self::shown($widget->getItemsV2('rki-coord')->getItems()));
	}

	public function testAWidgetShowsNothingToSomeoneWithoutItsRole(): void {
		$this->actors->method('forUser')->willReturn(new Actor('rki-tester1', false, false, [1]));
		$this->month->expects(self::never())->method('consolidatorItems');
		$this->month->expects(self::never())->method('coordinatorSection');
		self::assertSame([], (new ConsolidatorWidget(...[...$this->base, $this->month]))->getItemsV2('rki-tester1')->getItems());
		self::assertSame([], (new CoordinatorWidget(...[...$this->base, $this->month]))->getItemsV2('rki-tester1')->getItems());
	}
}
