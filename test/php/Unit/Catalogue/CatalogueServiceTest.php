<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\CatalogueService;
use OCA\PilotFeedback\Catalogue\ComponentService;
use OCA\PilotFeedback\Catalogue\CriterionService;
use OCA\PilotFeedback\Catalogue\PilotScope;
use OCA\PilotFeedback\Catalogue\PilotService;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\OrganisationService;
use OCA\PilotFeedback\People\Policy;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/** The catalogue of the pilots an actor works in (PilotScope), with the organisations and periods. */
final class CatalogueServiceTest extends TestCase {
	private PilotScope&MockObject $scope;
	private CatalogueService $service;

	protected function setUp(): void {
		$pilot = new Pilot();
		$pilot->setId(10);
		$component = new Component();
		$component->setId(100);
		$this->scope = $this->createMock(PilotScope::class);
		$this->scope->method('componentsOf')->with([$pilot])->willReturn([$component]);
		$this->scope->method('visiblePilots')->willReturnCallback(static function (Actor $actor, bool $activeOnly) use ($pilot): array {
			self::assertFalse($activeOnly, 'the catalogue lists planned and closed pilots too');
			return [$pilot];
		});
		$pilots = $this->createMock(PilotService::class);
		$pilots->method('serializeAll')->willReturnCallback(static fn (array $p): array => array_map(static fn (Pilot $x): array => ['id' => $x->getId()], $p));
		$components = $this->createMock(ComponentService::class);
		$components->method('serializeAll')->willReturnCallback(static fn (array $c): array => array_map(static fn (Component $x): array => ['id' => $x->getId()], $c));
		$criteria = $this->createMock(CriterionService::class);
		$criteria->method('list')->with(false)->willReturn([['id' => 7]]);
		$organisations = $this->createMock(OrganisationService::class);
		$organisations->method('serializeAll')->willReturn([
			['id' => 1, 'name' => 'Robert Koch-Institut', 'shortName' => 'RKI', 'groupIds' => ['rki'], 'coordinatorIds' => ['rki-coord'], 'pilotIds' => [10], 'archived' => false],
		]);
		$period = new Period();
		$period->setId(5);
		$period->setMonth('2026-11');
		$period->setStatus('open');
		$periods = $this->createMock(PeriodMapper::class);
		$periods->method('findAll')->willReturn([$period]);
		$this->service = new CatalogueService(new Policy(), $this->scope, $this->createMock(OrganisationMapper::class), $periods, $pilots, $components, $criteria, $organisations);
	}

	public function testTheCatalogueHoldsThePilotsTheActorWorksInAndTheirComponents(): void {
		$catalogue = $this->service->catalogue(new Actor('rki-tester', memberOrgIds: [1]));
		self::assertSame([['id' => 10]], $catalogue['pilots']);
		self::assertSame([['id' => 100]], $catalogue['components']);
		self::assertSame([['id' => 7]], $catalogue['criteria']);
		self::assertSame([['id' => 5, 'month' => '2026-11', 'status' => 'open']], $catalogue['periods']);
	}

	public function testOnlyAdministratorsSeeTheGroupMappings(): void {
		self::assertSame([], $this->service->catalogue(new Actor('rki-tester', memberOrgIds: [1]))['organisations'][0]['groupIds']);
		self::assertSame([], $this->service->catalogue(new Actor('bmi', isConsolidator: true))['organisations'][0]['groupIds']);
		self::assertSame(['rki'], $this->service->catalogue(new Actor('admin', isAdmin: true))['organisations'][0]['groupIds']);
		// the rest of an organisation stays
		self::assertSame(['rki-coord'], $this->service->catalogue(new Actor('rki-tester', memberOrgIds: [1]))['organisations'][0]['coordinatorIds']);
	}

	public function testSomeoneOfNoOrganisationGetsNoCatalogue(): void {
		$this->scope->expects(self::never())->method('visiblePilots');
		$this->expectException(ForbiddenException::class);
		$this->service->catalogue(new Actor('nobody'));
	}
}
