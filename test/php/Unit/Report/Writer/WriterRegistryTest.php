<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Report\Writer\CsvWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use PHPUnit\Framework\TestCase;

final class WriterRegistryTest extends TestCase {
	private WriterRegistry $registry;

	protected function setUp(): void {
		$this->registry = new WriterRegistry([new OdtWriter(), new DocxWriter()], [new OdsWriter(), new XlsxWriter(), new CsvWriter()]);
	}

	public function testFindsWritersByFormat(): void {
		$this->assertSame(['odt', 'docx'], $this->registry->documentFormats());
		$this->assertSame(['ods', 'xlsx', 'csv'], $this->registry->workbookFormats());
		$this->assertInstanceOf(DocxWriter::class, $this->registry->document('docx'));
		$this->assertInstanceOf(CsvWriter::class, $this->registry->workbook('csv'));
		$this->assertSame('text/csv', $this->registry->workbook('csv')->mimeType());
	}

	public function testAnUnknownFormatIsABadRequestNamingTheKnownOnes(): void {
		try {
			$this->registry->document('csv');
			$this->fail('csv is no document format');
		} catch (ValidationException $e) {
			$this->assertSame(400, $e->getStatus());
			$this->assertSame(['csv', 'odt, docx'], $e->getParams());
		}
		$this->expectException(ValidationException::class);
		$this->registry->workbook('pdf');
	}
}
