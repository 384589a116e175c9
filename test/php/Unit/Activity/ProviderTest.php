<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Activity;

use OCA\PilotFeedback\Activity\Provider;
use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\ItemMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\People\Pseudonyms;
use OCA\PilotFeedback\People\UserNames;
use OCP\Activity\Exceptions\UnknownActivityException;
use OCP\Activity\IEvent;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\TestCase;

/**
 * An activity entry names its actor: by display name while the account exists, by the
 * pseudonym once it is deleted, and then the entry no longer carries the old user id as its
 * author either (the activity app answers it beside the text).
 */
final class ProviderTest extends TestCase {
	private Provider $provider;
	/** @var array<string, mixed> what the provider set on the event */
	private array $set = [];

	protected function setUp(): void {
		$item = new Item();
		$item->setId(7);
		$item->setType('defect');
		$item->setTitle('Upload stalls');
		$item->setStatus('new');
		$item->setReporterId('rki-tester1');
		$item->setOrgId(1);
		$items = $this->createMock(ItemMapper::class);
		$items->method('findByIds')->willReturnCallback(static fn (array $ids): array => $ids === [7] ? [$item] : []);
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('forUserId')->willReturnCallback(static fn (string $id): ?Actor => match ($id) {
			'rki-tester1' => new Actor('rki-tester1', false, false, [1]),
			'bsh-tester1' => new Actor('bsh-tester1', false, false, [2]),
			default => null,
		});
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $p = []): string => vsprintf($text, $p));
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$links = $this->createMock(AppLinks::class);
		$links->method('item')->willReturnCallback(static fn (int $id): string => 'https://cloud.test/apps/pilotfeedback/items/' . $id);
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturnCallback(static fn (string $uid): ?string => ['bmi' => 'BMI Konsolidierung', 'rki-tester1' => 'Rita Tester'][$uid] ?? null);
		$pseudonyms = $this->createMock(Pseudonyms::class);
		$pseudonyms->method('pseudonymFor')->willReturnMap([['rki-leaver', 'deleted user #4']]);
		$this->provider = new Provider($factory, $items, $this->createMock(PeriodMapper::class), $this->createMock(OrganisationMapper::class),
			$actors, new Policy(), $links, new UserNames($users, $pseudonyms), $this->createMock(ReportMapper::class));
	}

	private function parse(string $reader, string $author, string $subject = 'item_commented', int $itemId = 7): void {
		$this->set = [];
		$event = $this->createMock(IEvent::class);
		$event->method('getApp')->willReturn('pilotfeedback');
		$event->method('getAffectedUser')->willReturn($reader);
		$event->method('getAuthor')->willReturn($author);
		$event->method('getSubject')->willReturn($subject);
		$event->method('getSubjectParameters')->willReturn(['actor' => $author, 'item' => $itemId]);
		foreach (['setIcon' => 'icon', 'setParsedSubject' => 'subject', 'setLink' => 'link', 'setAuthor' => 'author'] as $method => $key) {
			$event->method($method)->willReturnCallback(function (string $value) use ($event, $key): IEvent {
				$this->set[$key] = $value;
				return $event;
			});
		}
		$event->method('setRichSubject')->willReturnCallback(function (string $subject, array $parameters) use ($event): IEvent {
			$this->set['rich'] = [$subject, $parameters];
			return $event;
		});
		$this->provider->parse('en', $event);
	}

	public function testTheActorIsNamedByDisplayName(): void {
		$this->parse('rki-tester1', 'bmi');

		self::assertSame('BMI Konsolidierung commented on Upload stalls', $this->set['subject']);
		self::assertSame(['type' => 'user', 'id' => 'bmi', 'name' => 'BMI Konsolidierung'], $this->set['rich'][1]['actor']);
		self::assertArrayNotHasKey('author', $this->set, 'the author stays');
		self::assertSame('https://cloud.test/apps/pilotfeedback/items/7', $this->set['link']);
	}

	public function testAnActorWhoseAccountWasDeletedIsNamedByTheirPseudonymAndIsNoLongerTheAuthor(): void {
		$this->parse('rki-tester1', 'rki-leaver', 'item_supported');

		self::assertSame('deleted user #4 supported Upload stalls', $this->set['subject']);
		self::assertSame(['type' => 'highlight', 'id' => 'deleted user #4', 'name' => 'deleted user #4'], $this->set['rich'][1]['actor']);
		self::assertSame('', $this->set['author']);
		self::assertStringNotContainsString('rki-leaver', (string)json_encode($this->set));
	}

	public function testAnEntryAboutAnItemTheReaderMayNotSeeIsLeftOut(): void {
		$this->expectException(UnknownActivityException::class);
		$this->parse('bsh-tester1', 'bmi', 'item_created', 99);
	}
}
