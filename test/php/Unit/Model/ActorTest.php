<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Model\Actor;
use PHPUnit\Framework\TestCase;

final class ActorTest extends TestCase {
	public function testDefaultsToNoRole(): void {
		$actor = new Actor('alice');
		self::assertSame('alice', $actor->userId);
		self::assertFalse($actor->isAdmin);
		self::assertFalse($actor->isConsolidator);
		self::assertSame([], $actor->organisationIds());
		self::assertFalse($actor->isParticipant());
		self::assertFalse($actor->belongsTo(1));
		self::assertFalse($actor->coordinates(1));
	}

	public function testOrganisationIdsAreTheUnionOfMembershipAndCoordination(): void {
		$actor = new Actor('alice', memberOrgIds: [1, 2], coordinatorOrgIds: [2, 3]);
		self::assertSame([1, 2, 3], $actor->organisationIds());
		self::assertTrue(array_is_list($actor->organisationIds()));
	}

	public function testOrganisationIdsHaveNoDuplicates(): void {
		$actor = new Actor('alice', memberOrgIds: [4, 4], coordinatorOrgIds: [4]);
		self::assertSame([4], $actor->organisationIds());
	}

	public function testMemberBelongsButDoesNotCoordinate(): void {
		$tester = new Actor('rki-tester', memberOrgIds: [1]);
		self::assertTrue($tester->belongsTo(1));
		self::assertFalse($tester->belongsTo(2));
		self::assertFalse($tester->coordinates(1));
		self::assertTrue($tester->isParticipant());
	}

	public function testCoordinatorOutsideTheGroupsBelongsAndCoordinates(): void {
		$coordinator = new Actor('bsh-coord', coordinatorOrgIds: [2]);
		self::assertTrue($coordinator->belongsTo(2));
		self::assertTrue($coordinator->coordinates(2));
		self::assertFalse($coordinator->coordinates(1));
		self::assertFalse($coordinator->belongsTo(1));
		self::assertTrue($coordinator->isParticipant());
	}

	public function testAdminAndConsolidatorAloneAreNoParticipants(): void {
		self::assertFalse((new Actor('admin', isAdmin: true))->isParticipant());
		self::assertFalse((new Actor('bmi', isConsolidator: true))->isParticipant());
		self::assertTrue((new Actor('bmi', isConsolidator: true, memberOrgIds: [1]))->isParticipant());
	}
}
