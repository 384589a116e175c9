<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Model\Actor;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * Organisation 1 takes part in pilots 10 (active) and 11 (planned), organisation 2 in pilots
 * 11 and 20 (active); pilot 10 holds components 100 and 101, pilot 11 components 101 and 110.
 */
final class PilotScopeTest extends TestCase {
	private PilotMapper&MockObject $pilots;
	private ComponentMapper&MockObject $components;
	private PilotScope $scope;

	protected function setUp(): void {
		$all = [10 => self::pilot(10, 'active'), 11 => self::pilot(11, 'planned'), 20 => self::pilot(20, 'active')];
		$this->pilots = $this->createMock(PilotMapper::class);
		$this->pilots->method('findAll')->with(false)->willReturn(array_values($all));
		$this->pilots->method('findByIds')->willReturnCallback(static function (array $ids, bool $withArchived) use ($all): array {
			self::assertFalse($withArchived);
			return array_values(array_intersect_key($all, array_flip($ids)));
		});
		$this->components = $this->createMock(ComponentMapper::class);
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $left = null): array => array_intersect_key(match ($link) {
			Link::OrganisationPilots => [1 => [10, 11], 2 => [11, 20]],
			Link::PilotComponents => [10 => [100, 101], 11 => [101, 110]],
			default => [],
		}, array_flip($left ?? [])));
		$this->scope = new PilotScope($this->pilots, $this->components, $links);
	}

	private static function pilot(int $id, string $status): Pilot {
		$pilot = new Pilot();
		$pilot->setId($id);
		$pilot->setStatus($status);
		return $pilot;
	}

	/** @param list<Pilot> $pilots */
	private static function ids(array $pilots): array {
		return array_map(static fn (Pilot $p): int => $p->getId(), $pilots);
	}

	public function testConsolidatorsAndAdministratorsWorkInEveryPilot(): void {
		self::assertSame([10, 11, 20], self::ids($this->scope->visiblePilots(new Actor('bmi', isConsolidator: true), false)));
		self::assertSame([10, 20], self::ids($this->scope->visiblePilots(new Actor('admin', isAdmin: true), true)));
	}

	public function testTestersAndCoordinatorsWorkInTheirOrganisationsPilots(): void {
		self::assertSame([10, 11], self::ids($this->scope->visiblePilots(new Actor('rki-tester', memberOrgIds: [1]), false)));
		self::assertSame([10], self::ids($this->scope->visiblePilots(new Actor('rki-tester', memberOrgIds: [1]), true)));
		self::assertSame([10, 11, 20], self::ids($this->scope->visiblePilots(new Actor('both', memberOrgIds: [1], coordinatorOrgIds: [2]), false)));
		self::assertSame([], $this->scope->visiblePilots(new Actor('nobody'), false));
	}

	public function testTheComponentsOfPilotsAreAskedForOnceEachWithoutTheArchived(): void {
		$component = new Component();
		$this->components->expects(self::once())->method('findByIds')->with([100, 101, 110], false)->willReturn([$component]);
		self::assertSame([$component], $this->scope->componentsOf([self::pilot(10, 'active'), self::pilot(11, 'planned')]));
	}
}
