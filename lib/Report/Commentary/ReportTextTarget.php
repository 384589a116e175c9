<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

use OCA\PilotFeedback\Db\ReportText;

/** Which text is meant, checked: a pilot that exists, a month or quarter, the foreword or a component of the pilot. */
final class ReportTextTarget {
	public function __construct(
		public readonly int $pilotId,
		/** 2026-11 (a month) or 2026-Q4 (a quarter) */
		public readonly string $period,
		/** null: the foreword */
		public readonly ?int $componentId,
	) {
	}

	/** The component id as stored: ReportText::FOREWORD for the foreword. */
	public function storedComponentId(): int {
		return $this->componentId ?? ReportText::FOREWORD;
	}

	/** The field name in messages: "Foreword" or "Comment". */
	public function field(): string {
		return $this->componentId === null ? 'Foreword' : 'Comment';
	}
}
