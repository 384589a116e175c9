<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\People;

use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\People\GroupMemberCache;
use OCA\PilotFeedback\People\People;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\Group\Backend\ISearchableGroupBackend;
use OCP\GroupInterface;
use OCP\ICache;
use OCP\ICacheFactory;
use OCP\IGroupManager;
use OCP\IUser;
use PHPUnit\Framework\TestCase;

/**
 * The members of the organisations' groups come from the group backends by user id alone:
 * the display names that IGroupManager::displayNamesInGroup reads are never needed here.
 */
final class PeopleTest extends TestCase {
	/**
	 * @param array<string, list<string|int>> $database group id => members in the first backend
	 * @param array<string, list<string>> $ldap group id => members in the second backend
	 */
	private function people(array $database, array $ldap = [], string $consolidatorGroup = ''): People {
		$links = $this->createMock(LinkMapper::class);
		$links->method('rightsByLeft')->willReturnCallback(static fn (Link $link, ?array $orgIds): array => match ($link) {
			Link::OrganisationGroups => array_intersect_key([1 => ['rki-testers', 'rki-extra'], 2 => ['bsh-testers'], 3 => []], array_flip($orgIds ?? [])),
			Link::OrganisationCoordinators => array_intersect_key([1 => ['rki-coord'], 2 => ['bsh-coord']], array_flip($orgIds ?? [])),
			default => [],
		});
		$backends = [];
		foreach ([$database, $ldap] as $members) {
			$backend = $this->createMockForIntersectionOfInterfaces([GroupInterface::class, ISearchableGroupBackend::class]);
			$backend->method('searchInGroup')->willReturnCallback(fn (string $gid): array => array_map($this->user(...), $members[$gid] ?? []));
			$backends[] = $backend;
		}
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('getBackends')->willReturn($backends);
		$groups->expects($this->never())->method('displayNamesInGroup');
		$settings = $this->createMock(SettingsService::class);
		$settings->method('consolidatorGroup')->willReturn($consolidatorGroup);
		return new People($links, $this->createMock(OrganisationMapper::class), $settings, $groups, $this->noCache());
	}

	/** The cache Nextcloud hands out without a distributed cache configured: it keeps nothing. */
	private function noCache(): GroupMemberCache {
		$factory = $this->createMock(ICacheFactory::class);
		$factory->method('createDistributed')->willReturn($this->createMock(ICache::class));
		return new GroupMemberCache($factory);
	}

	private function user(string|int $uid): IUser {
		$user = $this->createMock(IUser::class);
		$user->method('getUID')->willReturn((string)$uid);
		$user->expects($this->never())->method('getDisplayName');
		return $user;
	}

	public function testABackendThatCannotSearchItsGroupsIsAskedThroughTheGroupManager(): void {
		$groups = $this->createMock(IGroupManager::class);
		$groups->method('getBackends')->willReturn([$this->createMock(GroupInterface::class)]);
		$groups->method('displayNamesInGroup')->with('bmi-group')->willReturn(['bmi' => 'BMI', 7 => 'Seven']);
		$settings = $this->createMock(SettingsService::class);
		$settings->method('consolidatorGroup')->willReturn('bmi-group');
		$people = new People($this->createMock(LinkMapper::class), $this->createMock(OrganisationMapper::class), $settings, $groups, $this->noCache());
		$this->assertSame(['bmi', '7'], $people->consolidators());
	}

	public function testTestersAreTheMembersOfAllGroupsOfAllBackendsWithoutCoordinators(): void {
		$people = $this->people(
			['rki-testers' => ['rki-tester1', 'rki-coord', 'rki-tester2'], 'bsh-testers' => ['bsh-tester1', 'bsh-coord']],
			['rki-extra' => ['rki-tester2', 'ldap-tester'], 'bsh-testers' => ['bsh-tester2']],
		);
		$testers = $people->testersOf([1, 2, 3]);
		$this->assertSame(['rki-tester1', 'rki-tester2', 'ldap-tester'], array_map('strval', array_keys($testers[1])));
		$this->assertSame(['bsh-tester1', 'bsh-tester2'], array_map('strval', array_keys($testers[2])));
		$this->assertSame([], $testers[3]);
	}

	public function testNumericUserIdsStayStrings(): void {
		$people = $this->people(['rki-testers' => [42, 'rki-tester1']]);
		$this->assertSame(['42', 'rki-tester1'], $people->members(1));
	}

	public function testConsolidatorsAreTheMembersOfTheConfiguredGroup(): void {
		$this->assertSame(['bmi'], $this->people(['bmi-group' => ['bmi']], [], 'bmi-group')->consolidators());
		$this->assertSame([], $this->people(['bmi-group' => ['bmi']])->consolidators());
	}
}
