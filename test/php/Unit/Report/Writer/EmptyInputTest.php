<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer;

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\DocxWriter;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\OdtWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** A period without data still gives a well-formed file: empty tables, charts without values. */
final class EmptyInputTest extends TestCase {
	/** @return iterable<string, array{0: DocumentWriter, 1: string}> */
	public static function documentWriters(): iterable {
		yield 'odt' => [new OdtWriter(), 'content.xml'];
		yield 'docx' => [new DocxWriter(), 'word/document.xml'];
	}

	#[DataProvider('documentWriters')]
	public function testDocumentWithoutData(DocumentWriter $writer, string $body): void {
		$document = (new Document(new TitlePage('Leer', '', []), 'en'))
			->add(new Heading('Nothing', 7))
			->add(new Chart('bar', 'No values', 'No values', [], []))
			->add(new Chart('line', 'Gaps only', 'Gaps', ['a', 'b'], [new ChartSeries('A', [null, null])], 3.0, 3.0))
			->add(new Table([], []))
			->add(new Table(['Only', 'Header'], [], 'Nothing found'));
		$parts = Samples::unzip(Samples::write($writer, $document));

		$this->assertNotFalse((new \DOMDocument())->loadXML($parts[$body]));
		$this->assertStringContainsString('Nothing found', $parts[$body]);
		$this->assertCount(2, array_filter(array_keys($parts), static fn (string $name): bool => str_ends_with($name, '.png')));
	}

	public function testWorkbookWithoutSheets(): void {
		foreach ([new OdsWriter(), new XlsxWriter()] as $writer) {
			$parts = Samples::unzip(Samples::write($writer, new Workbook([])));
			foreach ($parts as $name => $content) {
				if (str_ends_with($name, '.xml')) {
					$this->assertNotFalse((new \DOMDocument())->loadXML($content), $writer->format() . ": $name");
				}
			}
		}
	}
}
