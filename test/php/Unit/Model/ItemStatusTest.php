<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Model\ItemStatus;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class ItemStatusTest extends TestCase {
	public function testValuesAreTheApiNamesInWorkflowOrder(): void {
		self::assertSame(
			['new', 'in_review', 'accepted', 'forwarded', 'in_progress', 'done', 'verified', 'rejected', 'duplicate'],
			ItemStatus::values(),
		);
	}

	/**
	 * The complete transition table: from → the statuses a consolidator may set next.
	 *
	 * @return iterable<string, array{ItemStatus, list<string>}>
	 */
	public static function transitionProvider(): iterable {
		yield 'new' => [ItemStatus::New, ['in_review', 'rejected', 'duplicate']];
		yield 'in_review' => [ItemStatus::InReview, ['accepted', 'new', 'rejected', 'duplicate']];
		yield 'accepted' => [ItemStatus::Accepted, ['forwarded', 'in_review', 'rejected', 'duplicate']];
		yield 'forwarded' => [ItemStatus::Forwarded, ['in_progress', 'accepted', 'rejected', 'duplicate']];
		yield 'in_progress' => [ItemStatus::InProgress, ['done', 'forwarded', 'rejected', 'duplicate']];
		yield 'done' => [ItemStatus::Done, ['verified', 'in_progress']];
		yield 'verified' => [ItemStatus::Verified, ['done']];
		yield 'rejected' => [ItemStatus::Rejected, ['in_review']];
		yield 'duplicate' => [ItemStatus::Duplicate, ['in_review']];
	}

	/** @param list<string> $expected */
	#[DataProvider('transitionProvider')]
	public function testAllowedNext(ItemStatus $from, array $expected): void {
		$next = array_map(static fn (ItemStatus $s): string => $s->value, $from->allowedNext());
		self::assertEqualsCanonicalizing($expected, $next);
		self::assertSame(count($next), count(array_unique($next)), 'no status is offered twice');
		self::assertNotContains($from->value, $next, 'staying is not a transition');
	}

	public function testNewGoesToReviewButNotStraightToDone(): void {
		self::assertContains(ItemStatus::InReview, ItemStatus::New->allowedNext());
		self::assertNotContains(ItemStatus::Done, ItemStatus::New->allowedNext());
		self::assertNotContains(ItemStatus::Verified, ItemStatus::New->allowedNext());
	}

	public function testVerifiedCannotBeRejectedOrMarkedDuplicate(): void {
		self::assertNotContains(ItemStatus::Rejected, ItemStatus::Verified->allowedNext());
		self::assertNotContains(ItemStatus::Duplicate, ItemStatus::Verified->allowedNext());
		self::assertNotContains(ItemStatus::Rejected, ItemStatus::Done->allowedNext());
	}

	public function testRejectedAndDuplicateReopenForReview(): void {
		self::assertSame([ItemStatus::InReview], ItemStatus::Rejected->allowedNext());
		self::assertSame([ItemStatus::InReview], ItemStatus::Duplicate->allowedNext());
	}

	public function testEveryStatusCanBeReachedFromNew(): void {
		$seen = [ItemStatus::New->value => true];
		$queue = [ItemStatus::New];
		while ($queue !== []) {
			foreach (array_shift($queue)->allowedNext() as $next) {
				if (!isset($seen[$next->value])) {
					$seen[$next->value] = true;
					$queue[] = $next;
				}
			}
		}
		self::assertEqualsCanonicalizing(ItemStatus::values(), array_keys($seen));
	}
}
