<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** A data export: one or more sheets, and the title and language its file's metadata names. */
final class Workbook {
	/**
	 * @param list<Sheet> $sheets
	 */
	public function __construct(
		public readonly array $sheets,
		/** The export's title, like its file name ('' : the first sheet's name) */
		public readonly string $title = '',
		/** 'de' | 'en' ('' : not said) */
		public readonly string $language = '',
	) {
	}
}
