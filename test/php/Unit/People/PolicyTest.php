<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\People;

use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemFacts;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\People\Policy;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * The roles of docs/api.md ("Roles and visibility") as lib/People/Policy.php answers them,
 * one row per role and action (the docs describe the roles; this table is the full list).
 * Every request is logged in here; "nobody" is a logged-in user in no organisation.
 */
final class PolicyTest extends TestCase {
	private const RKI = 1;
	private const BSH = 2;

	/** @var array<string, Actor> */
	private static array $actors = [];

	private static function actor(string $role): Actor {
		if (self::$actors === []) {
			self::$actors = [
				'admin' => new Actor('admin', isAdmin: true),
				'consolidator' => new Actor('bmi', isConsolidator: true),
				'RKI tester' => new Actor('rki-tester', memberOrgIds: [self::RKI]),
				'other RKI tester' => new Actor('rki-tester-2', memberOrgIds: [self::RKI]),
				'RKI coordinator' => new Actor('rki-coord', memberOrgIds: [self::RKI], coordinatorOrgIds: [self::RKI]),
				'BSH tester' => new Actor('bsh-tester', memberOrgIds: [self::BSH]),
				// Named coordinator without being in the organisation's group.
				'BSH coordinator' => new Actor('bsh-coord', coordinatorOrgIds: [self::BSH]),
				'user in no organisation' => new Actor('nobody'),
			];
		}
		return self::$actors[$role];
	}

	/** The organisation the actor files for: their first one, else RKI. */
	private static function ownOrg(Actor $actor): int {
		return $actor->organisationIds()[0] ?? self::RKI;
	}

	/** @return array<string, \Closure(Policy, Actor): bool> */
	private static function actions(): array {
		return [
			'manage catalogue' => static fn (Policy $p, Actor $a): bool => $p->canManageCatalogue($a),
			'read catalogue' => static fn (Policy $p, Actor $a): bool => $p->canReadCatalogue($a),
			'read items' => static fn (Policy $p, Actor $a): bool => $p->canReadItems($a),
			'act for RKI' => static fn (Policy $p, Actor $a): bool => $p->canActFor($a, self::RKI),
			'see a public RKI item' => static fn (Policy $p, Actor $a): bool
				=> $p->canSeeItem($a, new ItemFacts(false, 'rki-tester', self::RKI, ItemStatus::New->value)),
			'see an RKI security finding of the RKI tester' => static fn (Policy $p, Actor $a): bool
				=> $p->canSeeItem($a, new ItemFacts(true, 'rki-tester', self::RKI, ItemStatus::InReview->value)),
			'edit own new item' => static fn (Policy $p, Actor $a): bool
				=> $p->canEditItem($a, new ItemFacts(false, $a->userId, self::ownOrg($a), ItemStatus::New->value)),
			'edit own item in review' => static fn (Policy $p, Actor $a): bool
				=> $p->canEditItem($a, new ItemFacts(false, $a->userId, self::ownOrg($a), ItemStatus::InReview->value)),
			'edit another org\'s new item' => static fn (Policy $p, Actor $a): bool
				=> $a->belongsTo(self::RKI)
					? $p->canEditItem($a, new ItemFacts(false, 'bsh-tester', self::BSH, ItemStatus::New->value))
					: $p->canEditItem($a, new ItemFacts(false, 'rki-tester', self::RKI, ItemStatus::New->value)),
			'edit a colleague\'s new item' => static fn (Policy $p, Actor $a): bool
				=> $p->canEditItem($a, new ItemFacts(false, 'someone-else', self::ownOrg($a), ItemStatus::New->value)),
			'triage' => static fn (Policy $p, Actor $a): bool => $p->canTriage($a),
			'view RKI progress' => static fn (Policy $p, Actor $a): bool => $p->canViewProgress($a, self::RKI),
			'release RKI' => static fn (Policy $p, Actor $a): bool => $p->canRelease($a, self::RKI),
		];
	}

	/**
	 * Columns: admin, consolidator, RKI tester, other RKI tester, RKI coordinator,
	 * BSH tester, BSH coordinator, user in no organisation.
	 *
	 * @return array<string, list<bool>>
	 */
	private static function table(): array {
		$T = true;
		$F = false;
		return [
			//                                                 adm cons rkiT rkiT2 rkiC bshT bshC none
			'manage catalogue' => [$T, $F, $F, $F, $F, $F, $F, $F],
			'read catalogue' => [$T, $T, $T, $T, $T, $T, $T, $F],
			'read items' => [$F, $T, $T, $T, $T, $T, $T, $F],
			'act for RKI' => [$F, $F, $T, $T, $T, $F, $F, $F],
			'see a public RKI item' => [$F, $T, $T, $T, $T, $T, $T, $F],
			'see an RKI security finding of the RKI tester' => [$F, $T, $T, $F, $T, $F, $F, $F],
			// The reporter rule does not look at membership: an admin or a user who has left
			// every organisation still edits an item they reported while it is new.
			'edit own new item' => [$T, $T, $T, $T, $T, $T, $T, $T],
			'edit own item in review' => [$F, $T, $F, $F, $T, $F, $T, $F],
			'edit another org\'s new item' => [$F, $T, $F, $F, $F, $F, $F, $F],
			'edit a colleague\'s new item' => [$F, $T, $F, $F, $T, $F, $T, $F],
			'triage' => [$F, $T, $F, $F, $F, $F, $F, $F],
			'view RKI progress' => [$F, $T, $F, $F, $T, $F, $F, $F],
			'release RKI' => [$F, $F, $F, $F, $T, $F, $F, $F],
		];
	}

	/** @return iterable<string, array{string, string, bool}> */
	public static function roleActionProvider(): iterable {
		$roles = ['admin', 'consolidator', 'RKI tester', 'other RKI tester', 'RKI coordinator', 'BSH tester', 'BSH coordinator', 'user in no organisation'];
		foreach (self::table() as $action => $row) {
			if (count($row) !== count($roles)) {
				throw new \LogicException('The row "' . $action . '" needs one answer per role.');
			}
			foreach ($roles as $i => $role) {
				yield $role . ' / ' . $action => [$role, $action, $row[$i]];
			}
		}
	}

	#[DataProvider('roleActionProvider')]
	public function testRoleTable(string $role, string $action, bool $expected): void {
		$actor = self::actor($role);
		$answer = (self::actions()[$action])(new Policy(), $actor);
		self::assertSame($expected, $answer, sprintf('%s may %s%s', $role, $expected ? '' : 'not ', $action));
	}

	public function testTableCoversEveryAction(): void {
		self::assertSame(array_keys(self::actions()), array_keys(self::table()));
	}

	public function testCoordinatorOfOneOrganisationDoesNotCoordinateAnother(): void {
		$policy = new Policy();
		$bshCoordinator = self::actor('BSH coordinator');
		self::assertTrue($policy->canRelease($bshCoordinator, self::BSH));
		self::assertTrue($policy->canViewProgress($bshCoordinator, self::BSH));
		self::assertTrue($policy->canActFor($bshCoordinator, self::BSH));
		self::assertTrue($policy->canSeeItem($bshCoordinator, new ItemFacts(true, 'bsh-tester', self::BSH, 'new')));
		self::assertFalse($policy->canRelease($bshCoordinator, self::RKI));
		self::assertFalse($policy->canSeeItem($bshCoordinator, new ItemFacts(true, 'rki-tester', self::RKI, 'new')));
	}

	public function testConsolidatorSeesEveryConfidentialItem(): void {
		$policy = new Policy();
		foreach (ItemStatus::cases() as $status) {
			self::assertTrue($policy->canSeeItem(self::actor('consolidator'), new ItemFacts(true, 'x', 99, $status->value)));
			self::assertTrue($policy->canEditItem(self::actor('consolidator'), new ItemFacts(true, 'x', 99, $status->value)));
		}
	}

	public function testReporterEditsOnlyWhileNew(): void {
		$policy = new Policy();
		$tester = self::actor('RKI tester');
		foreach (ItemStatus::cases() as $status) {
			$facts = new ItemFacts(false, 'rki-tester', self::RKI, $status->value);
			self::assertSame($status === ItemStatus::New, $policy->canEditItem($tester, $facts), $status->value);
		}
	}

	public function testAdminWhoIsAlsoATesterActsAsTester(): void {
		$policy = new Policy();
		$adminTester = new Actor('admin', isAdmin: true, memberOrgIds: [self::BSH]);
		self::assertTrue($policy->canReadItems($adminTester));
		self::assertTrue($policy->canActFor($adminTester, self::BSH));
		self::assertFalse($policy->canTriage($adminTester));
		self::assertFalse($policy->canSeeItem($adminTester, new ItemFacts(true, 'bsh-tester', self::BSH, 'new')));
	}

	public function testRequireAllowsWhenAllowed(): void {
		(new Policy())->require(true);
		(new Policy())->require(true, 'never shown');
		$this->addToAssertionCount(1);
	}

	public function testRequireThrowsForbiddenWithDefaultMessage(): void {
		try {
			(new Policy())->require(false);
			self::fail('require(false) must throw');
		} catch (ForbiddenException $e) {
			self::assertInstanceOf(DomainError::class, $e);
			self::assertSame(403, $e->getStatus());
			self::assertSame('You are not allowed to do this.', $e->getMessage());
			self::assertSame('You are not allowed to do this.', $e->getTemplate());
			self::assertSame([], $e->getParams());
		}
	}

	public function testRequireThrowsForbiddenWithGivenMessage(): void {
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('Only administrators may change pilots.');
		(new Policy())->require(false, 'Only administrators may change pilots.');
	}

	/** @return array<string, array{string, bool}> */
	public static function consolidationViewers(): array {
		return [
			'consolidator' => ['consolidator', true],
			'RKI coordinator' => ['RKI coordinator', true],
			'BSH coordinator outside its group' => ['BSH coordinator', true],
			'RKI tester' => ['RKI tester', false],
			'admin' => ['admin', false],
			'user in no organisation' => ['user in no organisation', false],
		];
	}

	#[DataProvider('consolidationViewers')]
	public function testWhoSeesConsolidatedResults(string $role, bool $allowed): void {
		$policy = new Policy();
		self::assertSame($allowed, $policy->canViewConsolidation(self::actor($role)));
		if (!$allowed) {
			$this->expectException(ForbiddenException::class);
			$policy->breakdownOrganisations(self::actor($role), [self::RKI, self::BSH], null);
		}
	}

	public function testConsolidatorSeesEveryOrganisationsBreakdown(): void {
		$policy = new Policy();
		$bmi = self::actor('consolidator');
		self::assertSame([self::RKI, self::BSH], $policy->breakdownOrganisations($bmi, [self::RKI, self::BSH], null));
		self::assertSame([self::BSH], $policy->breakdownOrganisations($bmi, [self::RKI, self::BSH], self::BSH));
		// An organisation outside the pilot has no breakdown there.
		self::assertSame([], $policy->breakdownOrganisations($bmi, [self::RKI], self::BSH));
	}

	public function testCoordinatorSeesOnlyTheirOwnBreakdown(): void {
		$policy = new Policy();
		self::assertSame([self::BSH], $policy->breakdownOrganisations(self::actor('BSH coordinator'), [self::RKI, self::BSH], null));
		self::assertSame([self::RKI], $policy->breakdownOrganisations(self::actor('RKI coordinator'), [self::RKI, self::BSH], self::RKI));
	}

	public function testCoordinatorAskingForAnotherOrganisationIsRefused(): void {
		$this->expectException(ForbiddenException::class);
		$this->expectExceptionMessage('organisations you coordinate only');
		(new Policy())->breakdownOrganisations(self::actor('BSH coordinator'), [self::RKI, self::BSH], self::RKI);
	}
}
