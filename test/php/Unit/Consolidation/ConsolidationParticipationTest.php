<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationDimensions;
use OCA\PilotFeedback\Consolidation\ConsolidationParticipation;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\FormerTesterMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\UserNames;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use PHPUnit\Framework\TestCase;

/**
 * Participation in pilot 9 (components 10, 11, 12) in 2026-01 and 2026-02, which have the
 * periods 5 and 6. Organisation 1 has the members rki-coord (its coordinator), rki-tester1
 * and rki-tester2; organisation 2 the members bsi-coord (its coordinator) and bsi-tester1.
 */
final class ConsolidationParticipationTest extends TestCase {
	private ConsolidationParticipation $participation;
	/** @var list<list<string>> the user ids each raters() call asked for */
	private array $askedForRaters = [];

	protected function setUp(): void {
		$mapper = $this->createMock(ConsolidationMapper::class);
		$mapper->method('participation')->willReturnCallback(static fn (ConsolidationScope $scope, array $organisationIds): array => array_values(array_filter([
			['organisationId' => 1, 'month' => '2026-01', 'raters' => 3, 'components' => 2, 'assessments' => 5],
			['organisationId' => 2, 'month' => '2026-02', 'raters' => 1, 'components' => 1, 'assessments' => 1],
		], static fn (array $row): bool => in_array($row['organisationId'], $organisationIds, true))));
		$mapper->method('releases')->willReturnCallback(static fn (MonthRange $range, array $organisationIds): array => in_array(1, $organisationIds, true)
			? [['organisationId' => 1, 'month' => '2026-01', 'userId' => 'rki-coord', 'releasedAt' => 1767900000]]
			: []);
		// In January rki-tester1, the coordinator and gone (deleted since) rated for organisation 1.
		$rated = [
			['organisationId' => 1, 'month' => '2026-01', 'userId' => 'rki-tester1'],
			['organisationId' => 1, 'month' => '2026-01', 'userId' => 'rki-coord'],
			['organisationId' => 1, 'month' => '2026-01', 'userId' => 'gone'],
		];
		$mapper->method('raterIds')->willReturnCallback(static fn (ConsolidationScope $scope, array $organisationIds): array => in_array(1, $organisationIds, true)
			? array_map(static fn (array $row): array => ['organisationId' => $row['organisationId'], 'userId' => $row['userId']], $rated)
			: []);
		// Only raters who are not among the testers in the groups today are read month by month.
		$mapper->method('raters')->willReturnCallback(function (ConsolidationScope $scope, array $organisationIds, array $userIds) use ($rated): array {
			$this->askedForRaters[] = $userIds;
			return array_values(array_filter($rated, static fn (array $row): bool => in_array($row['organisationId'], $organisationIds, true) && in_array($row['userId'], $userIds, true)));
		});
		$formerTesters = $this->createMock(FormerTesterMapper::class);
		// gone's account was deleted in February; left never rated.
		$formerTesters->method('deletedIn')->willReturnCallback(static fn (array $organisationIds, MonthRange $range): array => in_array(1, $organisationIds, true)
			? [['organisationId' => 1, 'userId' => 'gone', 'lastMonth' => '2026-02'], ['organisationId' => 1, 'userId' => 'left', 'lastMonth' => '2026-02']]
			: []);
		$people = $this->createMock(People::class);
		// the members of the groups without the coordinators (rki-coord, bsi-coord)
		$people->method('testersOf')->willReturnCallback(static fn (array $orgIds): array => array_intersect_key([
			1 => ['rki-tester1' => true, 'rki-tester2' => true],
			2 => ['bsi-tester1' => true],
		], array_flip($orgIds)));
		$dimensions = $this->createMock(ConsolidationDimensions::class);
		$dimensions->method('of')->willReturn([[10, 11, 12], [20]]);
		$names = $this->createMock(UserNames::class);
		$names->method('name')->willReturnCallback(static fn (string $userId): string => ['rki-coord' => 'RKI Koordination'][$userId] ?? $userId);
		$this->participation = new ConsolidationParticipation(new Policy(), $mapper, $dimensions, $people, $formerTesters, $names);
	}

	public function testARowPerOrganisationAndMonth(): void {
		$participation = $this->participation->participation(new Actor('bmi', false, true), self::scope(null));
		self::assertSame(9, $participation['pilotId']);
		self::assertSame(['from' => '2026-01', 'to' => '2026-02', 'months' => ['2026-01', '2026-02']], $participation['range']);
		self::assertSame(3, $participation['componentsInPilot']);
		self::assertSame([['rki-coord', 'gone']], $this->askedForRaters, 'the testers in the groups are counted without reading their months');
		self::assertSame([
			// Members without the coordinator (2), and the coordinator and gone, who rated.
			['organisationId' => 1, 'month' => '2026-01', 'periodId' => 101, 'testers' => 4, 'testersWithAssessment' => 3, 'componentsRated' => 2, 'assessments' => 5, 'release' => ['userId' => 'rki-coord', 'displayName' => 'RKI Koordination', 'releasedAt' => 1767900000]],
			// Members without the coordinator (2), and gone and left, deleted that month.
			['organisationId' => 1, 'month' => '2026-02', 'periodId' => 102, 'testers' => 4, 'testersWithAssessment' => 0, 'componentsRated' => 0, 'assessments' => 0, 'release' => null],
			['organisationId' => 2, 'month' => '2026-01', 'periodId' => 101, 'testers' => 1, 'testersWithAssessment' => 0, 'componentsRated' => 0, 'assessments' => 0, 'release' => null],
			['organisationId' => 2, 'month' => '2026-02', 'periodId' => 102, 'testers' => 1, 'testersWithAssessment' => 1, 'componentsRated' => 1, 'assessments' => 1, 'release' => null],
		], $participation['rows']);
	}

	public function testACoordinatorSeesTheirOwnOrganisationOnly(): void {
		$participation = $this->participation->participation(new Actor('bsi-coord', false, false, [2], [2]), self::scope(null));
		self::assertSame([2, 2], array_column($participation['rows'], 'organisationId'));
		self::assertSame([1, 1], array_column($participation['rows'], 'testers'));
	}

	public function testOneOrganisationAskedFor(): void {
		$participation = $this->participation->participation(new Actor('bmi', false, true), self::scope(1));
		self::assertSame([1, 1], array_column($participation['rows'], 'organisationId'));
	}

	public function testACoordinatorAskingForAnotherOrganisationIsRefused(): void {
		$this->expectException(ForbiddenException::class);
		$this->participation->participation(new Actor('bsi-coord', false, false, [2], [2]), self::scope(1));
	}

	private static function scope(?int $organisationId): ConsolidationScope {
		return new ConsolidationScope(9, MonthRange::between('2026-01', '2026-02'), false, $organisationId, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between('2026-01', '2026-02')));
	}
}
