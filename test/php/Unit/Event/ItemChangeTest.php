<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Event;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Event\AssessmentSaved;
use OCA\PilotFeedback\Event\ItemChange;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Event\ItemMerged;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Event\ItemUpdated;
use PHPUnit\Framework\TestCase;

/** Which events a saved change dispatches, and what their webhook payloads hold (never the content). */
final class ItemChangeTest extends TestCase {
	private const TITLE = 'Session token leaks in the URL';
	private const BODY = 'Steps: open the share link and read the token';

	private static function item(string $status = 'in_review', ?int $duplicateOf = null): Item {
		$item = new Item();
		$item->setId(7);
		$item->setType('security');
		$item->setConfidential(true);
		$item->setTitle(self::TITLE);
		$item->setBody(self::BODY);
		$item->setStatus($status);
		$item->setPriority(4);
		$item->setComponentId(3);
		$item->setPilotId(1);
		$item->setOrgId(2);
		$item->setReporterId('rki-tester1');
		$item->setDuplicateOf($duplicateOf);
		return $item;
	}

	/** @return array<string, ?string> */
	private static function fields(string $status, string $title = self::TITLE, ?string $duplicateOf = null): array {
		return ['title' => $title, 'body' => self::BODY, 'priority' => 'critical', 'status' => $status, 'duplicateOf' => $duplicateOf];
	}

	public function testAStatusChangeDispatchesItemStatusChangedOnly(): void {
		$events = ItemChange::events(self::item('in_review'), 'bmi', self::fields('new'), self::fields('in_review'));
		self::assertCount(1, $events);
		self::assertInstanceOf(ItemStatusChanged::class, $events[0]);
		self::assertSame('new', $events[0]->getOldStatus());
		self::assertSame('bmi', $events[0]->getActorId());
	}

	public function testBecomingADuplicateIsAMergeIntoTheTarget(): void {
		$events = ItemChange::events(self::item('duplicate', 9), 'bmi', self::fields('new'), self::fields('duplicate', self::TITLE, '9'));
		self::assertCount(2, $events);
		self::assertInstanceOf(ItemMerged::class, $events[0]);
		self::assertSame(9, $events[0]->getTargetId());
		self::assertInstanceOf(ItemUpdated::class, $events[1]);
		self::assertSame(['duplicateOf'], $events[1]->getFields());
	}

	public function testAnEditDispatchesItemUpdatedWithTheChangedFields(): void {
		$events = ItemChange::events(self::item(), 'rki-coord', self::fields('in_review', 'Old title'), self::fields('in_review'));
		self::assertCount(1, $events);
		self::assertInstanceOf(ItemUpdated::class, $events[0]);
		self::assertSame(['title'], $events[0]->getFields());
	}

	public function testNoChangeDispatchesNothing(): void {
		self::assertSame([], ItemChange::events(self::item(), 'bmi', self::fields('in_review'), self::fields('in_review')));
	}

	public function testWebhookPayloadsCarryIdsAndMetadataButNeverTitleOrText(): void {
		$item = self::item();
		$events = [
			new ItemCreated($item, 'rki-tester1'),
			new ItemUpdated($item, 'rki-tester1', ['title']),
			new ItemStatusChanged($item, 'bmi', 'new'),
			new ItemMerged($item, 'bmi', 9),
			new ItemCommented($item, 'bmi', '15'),
			new ItemSupported($item, 'rki-coord', true),
		];
		foreach ($events as $event) {
			$payload = $event->getWebhookSerializable();
			$json = json_encode($payload, JSON_THROW_ON_ERROR);
			self::assertStringNotContainsString('Session token', $json, $event::class);
			self::assertStringNotContainsString('share link', $json, $event::class);
			self::assertSame(7, $payload['itemId']);
			self::assertTrue($payload['confidential']);
			self::assertSame('security', $payload['type']);
			self::assertSame(2, $payload['organisationId']);
		}
	}

	public function testAssessmentPayloadHasNoComment(): void {
		$assessment = new Assessment();
		$assessment->setId(4);
		$assessment->setUserId('rki-tester1');
		$assessment->setComment('Private remark');
		$assessment->setOrgId(1);
		$assessment->setPilotId(2);
		$assessment->setComponentId(3);
		$assessment->setPeriodId(5);
		$payload = (new AssessmentSaved($assessment))->getWebhookSerializable();
		self::assertSame(['assessmentId' => 4, 'organisationId' => 1, 'pilotId' => 2, 'componentId' => 3, 'periodId' => 5, 'actorRole' => 'tester', 'actorOrganisationId' => 1], $payload);
	}
}
