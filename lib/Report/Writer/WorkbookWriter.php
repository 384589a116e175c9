<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Model\Workbook;

/** Writes a data export in one format, streaming the rows of each sheet. */
interface WorkbookWriter {
	/** 'ods' | 'xlsx' | 'csv' (csv writes the FIRST sheet only) */
	public function format(): string;

	public function mimeType(): string;

	/**
	 * Writes the whole workbook to the stream.
	 *
	 * @param resource $stream opened for writing
	 */
	public function write(Workbook $workbook, $stream): void;
}
