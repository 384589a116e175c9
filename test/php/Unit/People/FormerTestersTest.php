<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\People;

use OCA\PilotFeedback\Db\FormerTesterMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\People\FormerTesters;
use OCA\PilotFeedback\People\People;
use OCP\AppFramework\Utility\ITimeFactory;
use PHPUnit\Framework\TestCase;

final class FormerTestersTest extends TestCase {
	/** @var list<array{int, string, string}> what the mapper was asked to record */
	private array $recorded = [];

	private function formerTesters(): FormerTesters {
		$mapper = $this->createMock(FormerTesterMapper::class);
		$mapper->method('record')->willReturnCallback(function (int $orgId, string $userId, string $month): void {
			$this->recorded[] = [$orgId, $userId, $month];
		});
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link): array => match ($link) {
			// RKI (1) has two groups, BSH (2) one
			Link::OrganisationGroups => [1 => ['rki', 'rki-extra'], 2 => ['bsh']],
			default => [],
		});
		// The testers of those organisations (members of their groups but not their coordinators):
		// everyone is in both organisations' groups, and rki-coord coordinates RKI. Asked once for all.
		$people = $this->createMock(People::class);
		$people->expects($this->once())->method('testersOf')->with([1, 2])->willReturn([
			1 => ['both' => true],
			2 => ['both' => true, 'rki-coord' => true],
		]);
		$people->expects($this->never())->method('members');
		$people->expects($this->never())->method('coordinators');
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(mktime(12, 0, 0, 12, 15, 2026));
		return new FormerTesters($mapper, $links, $people, $time);
	}

	public function testRemembersEachOrganisationWhoseGroupsTheUserIsInForTheCurrentMonth(): void {
		$this->formerTesters()->remember('both');
		self::assertSame([[1, 'both', '2026-12'], [2, 'both', '2026-12']], $this->recorded);
	}

	public function testACoordinatorIsNoTesterOfTheOrganisationTheyCoordinate(): void {
		$this->formerTesters()->remember('rki-coord');
		self::assertSame([[2, 'rki-coord', '2026-12']], $this->recorded);
	}

	public function testSomeoneInNoOrganisationGroupIsNoFormerTester(): void {
		$this->formerTesters()->remember('admin');
		self::assertSame([], $this->recorded);
	}
}
