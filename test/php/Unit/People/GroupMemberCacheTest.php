<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\People;

use OCA\PilotFeedback\Listener\GroupMembershipListener;
use OCA\PilotFeedback\People\GroupMemberCache;
use OCP\Group\Events\GroupDeletedEvent;
use OCP\Group\Events\UserAddedEvent;
use OCP\Group\Events\UserRemovedEvent;
use OCP\ICache;
use OCP\ICacheFactory;
use OCP\IGroup;
use OCP\IUser;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * A group's member ids are asked of the backends once, kept for GroupMemberCache::TTL, and
 * asked again as soon as Nextcloud says the group changed.
 */
final class GroupMemberCacheTest extends TestCase {
	/** @var array<string, mixed> what the fake distributed cache holds */
	private array $stored = [];
	/** @var list<int> the lifetimes it was given */
	private array $ttls = [];

	private function cache(): GroupMemberCache {
		$cache = $this->createMock(ICache::class);
		$cache->method('get')->willReturnCallback(fn (string $key): mixed => $this->stored[$key] ?? null);
		$cache->method('set')->willReturnCallback(function (string $key, mixed $value, int $ttl = 0): bool {
			$this->stored[$key] = $value;
			$this->ttls[] = $ttl;
			return true;
		});
		$cache->method('remove')->willReturnCallback(function (string $key): bool {
			unset($this->stored[$key]);
			return true;
		});
		$factory = $this->createMock(ICacheFactory::class);
		$factory->expects($this->once())->method('createDistributed')->with('pilotfeedback-group-members')->willReturn($cache);
		return new GroupMemberCache($factory);
	}

	/** @return callable(): list<string> a loader that counts its calls */
	private function loader(array &$calls, array $ids): callable {
		return static function () use (&$calls, $ids): array {
			$calls[] = true;
			return $ids;
		};
	}

	public function testTheBackendsAreAskedOnceWhileTheEntryLives(): void {
		$members = $this->cache();
		$calls = [];
		$this->assertSame(['rki-tester1', '42'], $members->memberIds('rki-testers', $this->loader($calls, ['rki-tester1', '42'])));
		$this->assertSame(['rki-tester1', '42'], $members->memberIds('rki-testers', $this->loader($calls, ['changed'])));
		$this->assertCount(1, $calls);
		$this->assertSame([GroupMemberCache::TTL], $this->ttls);
	}

	public function testEachGroupHasAnEntryOfItsOwnUnderAKeyWithoutItsCharacters(): void {
		$members = $this->cache();
		$calls = [];
		$members->memberIds('RKI Tester/innen', $this->loader($calls, ['a']));
		$this->assertSame(['b'], $members->memberIds('bsh-testers', $this->loader($calls, ['b'])));
		$this->assertCount(2, $calls);
		foreach (array_keys($this->stored) as $key) {
			$this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $key);
		}
	}

	/** @return list<array{0: string}> */
	public static function changes(): array {
		return [['added'], ['removed'], ['deleted']];
	}

	#[DataProvider('changes')]
	public function testAChangeOfTheGroupMakesTheNextCallAskTheBackendsAgain(string $change): void {
		$members = $this->cache();
		$calls = [];
		$members->memberIds('rki-testers', $this->loader($calls, ['rki-tester1']));
		$members->memberIds('bsh-testers', $this->loader($calls, ['bsh-tester1']));

		$group = $this->createMock(IGroup::class);
		$group->method('getGID')->willReturn('rki-testers');
		$user = $this->createMock(IUser::class);
		$event = match ($change) {
			'added' => new UserAddedEvent($group, $user),
			'removed' => new UserRemovedEvent($group, $user),
			'deleted' => new GroupDeletedEvent($group),
		};
		(new GroupMembershipListener($members))->handle($event);

		$this->assertSame(['rki-tester1', 'rki-tester2'], $members->memberIds('rki-testers', $this->loader($calls, ['rki-tester1', 'rki-tester2'])));
		// the other group's entry stays
		$this->assertSame(['bsh-tester1'], $members->memberIds('bsh-testers', $this->loader($calls, ['changed'])));
		$this->assertCount(3, $calls);
	}
}
