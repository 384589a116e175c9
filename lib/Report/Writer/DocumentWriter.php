<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Report\Model\Document;

/** Writes a document in one format; a Chart becomes an image followed by its data table. */
interface DocumentWriter {
	/** 'odt' | 'docx' | 'pdf' */
	public function format(): string;

	public function mimeType(): string;

	/**
	 * Writes the whole document to the stream.
	 *
	 * @param resource $stream opened for writing
	 */
	public function write(Document $document, $stream): void;
}
