<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Model;

use OCA\PilotFeedback\Model\ComponentCategory;
use OCA\PilotFeedback\Model\ItemType;
use OCA\PilotFeedback\Model\PilotStatus;
use PHPUnit\Framework\TestCase;

/** The enum values are the API's names (openapi.json) and are stored in the database. */
final class EnumValuesTest extends TestCase {
	public function testItemTypes(): void {
		self::assertSame(['requirement', 'defect', 'improvement', 'security'], ItemType::values());
	}

	public function testOnlySecurityFindingsAreConfidential(): void {
		foreach (ItemType::cases() as $type) {
			self::assertSame($type === ItemType::Security, $type->isConfidential(), $type->value);
		}
	}

	public function testPilotStatuses(): void {
		self::assertSame(['planned', 'active', 'closed'], PilotStatus::values());
	}

	public function testComponentCategories(): void {
		self::assertSame(['groupware', 'filesharing', 'weboffice', 'messaging', 'identity', 'portal', 'other'], ComponentCategory::values());
	}
}
