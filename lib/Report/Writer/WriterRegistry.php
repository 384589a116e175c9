<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer;

use OCA\PilotFeedback\Exception\ValidationException;

/**
 * Looks writers up by format. The writers are given by Application::register();
 * without them (e.g. built by auto-wiring) the registry knows no format.
 */
final class WriterRegistry {
	/** @var array<string, DocumentWriter> */
	private array $documentWriters = [];
	/** @var array<string, WorkbookWriter> */
	private array $workbookWriters = [];

	/**
	 * @param iterable<DocumentWriter> $documentWriters
	 * @param iterable<WorkbookWriter> $workbookWriters
	 */
	public function __construct(iterable $documentWriters = [], iterable $workbookWriters = []) {
		foreach ($documentWriters as $writer) {
			$this->documentWriters[$writer->format()] = $writer;
		}
		foreach ($workbookWriters as $writer) {
			$this->workbookWriters[$writer->format()] = $writer;
		}
	}

	/** @throws ValidationException for a format without a document writer */
	public function document(string $format): DocumentWriter {
		return $this->documentWriters[$format]
			?? throw new ValidationException('Unknown document format "%1$s". Choose one of: %2$s.', [$format, implode(', ', $this->documentFormats())]);
	}

	/** @throws ValidationException for a format without a workbook writer */
	public function workbook(string $format): WorkbookWriter {
		return $this->workbookWriters[$format]
			?? throw new ValidationException('Unknown export format "%1$s". Choose one of: %2$s.', [$format, implode(', ', $this->workbookFormats())]);
	}

	/** @return list<string> */
	public function documentFormats(): array {
		return array_keys($this->documentWriters);
	}

	/** @return list<string> */
	public function workbookFormats(): array {
		return array_keys($this->workbookWriters);
	}
}
