<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Item;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Item\TransitionRule;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ItemStatus;
use OCA\PilotFeedback\People\Policy;
use OCP\IL10N;
use PHPUnit\Framework\TestCase;

/** The one transition rule, for a single item and for one item of a bulk change, and its wording. */
final class TransitionRuleTest extends TestCase {
	private TransitionRule $rule;

	protected function setUp(): void {
		$l10n = $this->createMock(IL10N::class);
		$l10n->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf($text, (array)$parameters));
		$this->rule = new TransitionRule(new Policy(), $l10n);
	}

	private static function item(string $status): Item {
		$item = new Item();
		$item->setId(2);
		$item->setTitle('Upload stalls');
		$item->setStatus($status);
		return $item;
	}

	private static function refusal(callable $check): string {
		try {
			$check();
		} catch (ValidationException $e) {
			self::assertSame(400, $e->getStatus());
			return $e->getMessage();
		}
		self::fail('Expected a ValidationException');
	}

	public function testOnlyConsolidatorsMayMoveAnItem(): void {
		self::assertSame([ItemStatus::InReview, ItemStatus::Rejected, ItemStatus::Duplicate], $this->rule->allowed(new Actor('bmi', false, true), ItemStatus::New));
		self::assertSame([], $this->rule->allowed(new Actor('rki-tester1', false, false, [1]), ItemStatus::New));
	}

	public function testStayingAndTheAllowedStepsPass(): void {
		$this->rule->check(ItemStatus::Done, ItemStatus::Done);
		$this->rule->check(ItemStatus::Done, ItemStatus::Verified);
		$this->rule->check(ItemStatus::Duplicate, ItemStatus::InReview);
		$this->rule->checkInBulk(self::item('done'), ItemStatus::InProgress);
		$this->rule->checkInBulk(self::item('duplicate'), ItemStatus::Duplicate);
		$this->addToAssertionCount(5);
	}

	public function testASingleItemRefusalNamesTheStatusesItCanGoTo(): void {
		self::assertSame(
			'This item cannot go from "Done" to "In review". It can go to: "Verified", "In progress".',
			self::refusal(fn () => $this->rule->check(ItemStatus::Done, ItemStatus::InReview)),
		);
	}

	public function testABulkRefusalNamesTheItemAndThatNothingWasChanged(): void {
		self::assertSame(
			'Nothing was changed: item "Upload stalls" (#2) cannot move from Done to In review. From Done it can move to: Verified, In progress.',
			self::refusal(fn () => $this->rule->checkInBulk(self::item('done'), ItemStatus::InReview)),
		);
	}

	public function testInBulkADuplicateKeepsItsStatusThoughItsOwnTriageMayReopenIt(): void {
		self::assertSame(
			'Nothing was changed: item "Upload stalls" (#2) is a duplicate. Reopen it on its own page, which undoes the merge.',
			self::refusal(fn () => $this->rule->checkInBulk(self::item('duplicate'), ItemStatus::InReview)),
		);
	}
}
