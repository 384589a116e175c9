<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Db;

use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Model\Priority;
use PHPUnit\Framework\TestCase;

class ItemTest extends TestCase {
	public function testShowsTheReportersPriorityUntilTheMinistrySetsOne(): void {
		$item = new Item();
		$item->setPriority(Priority::Low->value);
		$this->assertSame(Priority::Low->value, $item->shownPriority());

		$item->setConsPriority(Priority::Critical->value);
		$this->assertSame(Priority::Critical->value, $item->shownPriority());

		$item->setConsPriority(null);
		$this->assertSame(Priority::Low->value, $item->shownPriority());
	}
}
