<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Report\DocumentMaker;
use OCA\PilotFeedback\Report\ExportService;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\MonthlyReportBuilder;
use OCA\PilotFeedback\Report\PdfConverter;
use OCA\PilotFeedback\Report\QuarterlyReportBuilder;
use OCA\PilotFeedback\Report\ReportFolderValidator;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Template\ReportTemplates;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\Config\IUserConfig;
use OCP\Files\IFilenameValidator;
use OCP\Files\IRootFolder;
use OCP\IL10N;
use OCP\ITempManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * What a request's file holds: the writer of the request's format gets the monthly or
 * quarterly document, or ExportService's workbook of the organisations the requester may
 * export; and the title the file is named after.
 */
final class DocumentMakerTest extends TestCase {
	private ExportService&MockObject $exports;
	private MonthlyReportBuilder&MockObject $monthly;
	private QuarterlyReportBuilder&MockObject $quarterly;
	private DocumentMaker $maker;
	/** The language the labels were last asked to name things in */
	private string $labelLanguage = 'en';
	private PdfConverter&MockObject $pdf;
	/** @var list<string> what the PDF converter was given */
	private array $convertedOdts = [];
	/** @var list<string> "format: what it got", for every writer that wrote */
	private array $written = [];
	/** @var list<list<int>|null> the organisations each export was asked for */
	private array $exportedOrganisations = [];
	private Workbook $workbook;
	private Document $monthlyDocument;
	private Document $quarterlyDocument;
	/** @var list<string> languages the titles were asked in */
	private array $titleLanguages = [];
	/** @var array<int, string> pilot titles other than "PoC <id>" */
	private array $pilotTitles = [];
	/** @var array<int, string> organisation names other than "Org <id>" */
	private array $organisationNames = [];

	public static function setUpBeforeClass(): void {
		// IRootFolder (ReportStorage) extends OC\Hooks\Emitter, a server class the unit bootstrap (OCP only) does not load.
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			$public = dirname((string)(new \ReflectionClass(IL10N::class))->getFileName());
			require_once dirname($public) . '/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$this->workbook = new Workbook([new Sheet('Ratings', ['Pilot'], [])]);
		$this->monthlyDocument = Samples::document('en');
		$this->quarterlyDocument = Samples::document('de');
		$this->exports = $this->createMock(ExportService::class);
		$this->exports->method('workbook')->willReturnCallback(function (Actor $actor, ReportRequest $request, ?array $organisationIds): Workbook {
			$this->exportedOrganisations[] = $organisationIds;
			return $this->workbook;
		});
		$this->monthly = $this->createMock(MonthlyReportBuilder::class);
		$this->monthly->method('build')->willReturn($this->monthlyDocument);
		$this->quarterly = $this->createMock(QuarterlyReportBuilder::class);
		$this->quarterly->method('build')->willReturn($this->quarterlyDocument);

		$documents = array_map(fn (string $format): DocumentWriter => $this->documentWriter($format), ['odt', 'docx']);
		$workbooks = array_map(fn (string $format): WorkbookWriter => $this->workbookWriter($format), ['ods', 'xlsx', 'csv']);
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('useLanguage')->willReturnCallback(function (string $language): void {
			$this->labelLanguage = $language;
		});
		$labels->method('pilot')->willReturnCallback(fn (int $id): string => $this->pilotTitles[$id] ?? ($this->labelLanguage === 'de' ? 'Erprobung ' : 'PoC ') . $id);
		$labels->method('organisation')->willReturnCallback(fn (int $id): string => $this->organisationNames[$id] ?? 'Org ' . $id);
		$l10nFactory = $this->createMock(IFactory::class);
		$l10nFactory->method('get')->willReturnCallback(function (string $app, ?string $language = null): IL10N {
			$this->titleLanguages[] = $app . ':' . (string)$language;
			$l = $this->createMock(IL10N::class);
			$l->method('t')->willReturnCallback(static fn (string $text, array $parameters = []): string => vsprintf($language === 'de' ? match ($text) {
				'Quarterly report' => 'Quartalsbericht',
				'All pilots' => 'Alle Piloten',
				'with names' => 'mit Namen',
				'Data export' => 'Datenexport',
				'%1$s to %2$s' => '%1$s bis %2$s',
				default => $text,
			} : $text, $parameters));
			return $l;
		});
		$this->pdf = $this->createMock(PdfConverter::class);
		$this->pdf->method('convert')->willReturnCallback(function ($odt, $out): void {
			$this->convertedOdts[] = (string)stream_get_contents($odt, -1, 0);
			fwrite($out, '%PDF of the odt');
		});
		$this->maker = new DocumentMaker(new WriterRegistry($documents, $workbooks), $this->monthly, $this->quarterly, $this->exports, $labels, $l10nFactory, $this->pdf);
	}

	private function documentWriter(string $format): DocumentWriter {
		$writer = $this->createMock(DocumentWriter::class);
		$writer->method('format')->willReturn($format);
		$writer->method('write')->willReturnCallback(function (Document $document, $stream) use ($format): void {
			$this->written[] = $format . ': ' . ($document === $this->monthlyDocument ? 'monthly' : ($document === $this->quarterlyDocument ? 'quarterly' : 'another document'));
			fwrite($stream, $format);
		});
		return $writer;
	}

	private function workbookWriter(string $format): WorkbookWriter {
		$writer = $this->createMock(WorkbookWriter::class);
		$writer->method('format')->willReturn($format);
		$writer->method('write')->willReturnCallback(function (Workbook $workbook, $stream) use ($format): void {
			$this->written[] = $format . ': ' . ($workbook === $this->workbook ? 'export' : 'another workbook');
			fwrite($stream, $format);
		});
		return $writer;
	}

	/** What was written into the stream. */
	private function write(Actor $actor, ReportRequest $request): string {
		$stream = fopen('php://memory', 'w+b');
		self::assertNotFalse($stream);
		$this->maker->write($actor, $request, $stream);
		rewind($stream);
		$written = (string)stream_get_contents($stream);
		fclose($stream);
		return $written;
	}

	/** @return iterable<string, array{string, string, string}> */
	public static function formats(): iterable {
		yield 'monthly as odt' => [ReportRequest::MONTHLY, 'odt', 'odt: monthly'];
		yield 'monthly as docx' => [ReportRequest::MONTHLY, 'docx', 'docx: monthly'];
		yield 'quarterly as odt' => [ReportRequest::QUARTERLY, 'odt', 'odt: quarterly'];
		yield 'export as ods' => [ReportRequest::EXPORT, 'ods', 'ods: export'];
		yield 'export as xlsx' => [ReportRequest::EXPORT, 'xlsx', 'xlsx: export'];
		yield 'export as csv' => [ReportRequest::EXPORT, 'csv', 'csv: export'];
	}

	#[DataProvider('formats')]
	public function testTheWriterOfTheRequestsFormatWritesItsContent(string $type, string $format, string $expected): void {
		$period = $type === ReportRequest::QUARTERLY ? '2026-Q4' : '2026-11';

		$written = $this->write(new Actor('bmi', isConsolidator: true), new ReportRequest($type, 7, $period, $format, 'en', false, null));

		self::assertSame([$expected], $this->written, 'exactly one writer, of the format asked for');
		self::assertSame($format, $written, 'into the stream given');
	}

	public function testAPdfIsTheOdtConvertedByTheFileConversion(): void {
		$written = $this->write(new Actor('bmi', isConsolidator: true), new ReportRequest(ReportRequest::QUARTERLY, 7, '2026-Q4', 'pdf', 'en', false, null));

		self::assertSame(['odt: quarterly'], $this->written, 'the quarterly report, written as ODT');
		self::assertSame(['odt'], $this->convertedOdts, 'the whole ODT converted');
		self::assertSame('%PDF of the odt', $written, 'only the PDF into the stream given');
	}

	public function testADocumentTakesOnTheTemplateOfItsFormatAndAPdfTheOdtTemplate(): void {
		$templates = $this->createMock(ReportTemplates::class);
		$templates->method('has')->willReturnCallback(static fn (string $format): bool => $format === 'odt');
		$templates->method('apply')->willReturnCallback(static fn (string $format, string $report): string => $format . ' letterhead around ' . $report);
		$labels = $this->createMock(ReportLabels::class);
		$this->maker = new DocumentMaker(new WriterRegistry([$this->documentWriter('odt'), $this->documentWriter('docx')], []), $this->monthly, $this->quarterly, $this->exports, $labels, $this->createMock(IFactory::class), $this->pdf, $templates);
		$bmi = new Actor('bmi', isConsolidator: true);

		self::assertSame('odt letterhead around odt', $this->write($bmi, new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'odt', 'de', false, null)));
		self::assertSame('docx', $this->write($bmi, new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'docx', 'de', false, null)), 'no DOCX template: the built-in layout');
		$this->write($bmi, new ReportRequest(ReportRequest::QUARTERLY, 7, '2026-Q4', 'pdf', 'de', false, null));
		self::assertSame(['odt letterhead around odt'], $this->convertedOdts, 'the PDF is made from the ODT in the letterhead');
	}

	public function testWithoutAConverterPdfIsAnUnknownFormat(): void {
		$maker = new DocumentMaker(new WriterRegistry([$this->documentWriter('odt')], []), $this->monthly, $this->quarterly, $this->exports, $this->createMock(ReportLabels::class), $this->createMock(IFactory::class));
		$stream = fopen('php://memory', 'w+b');
		self::assertNotFalse($stream);
		$this->expectExceptionMessage('Unknown document format "pdf". Choose one of: odt.');
		$maker->write(new Actor('bmi', isConsolidator: true), new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'pdf', 'en', false, null), $stream);
	}

	public function testAFormatWithoutWriterIsRefused(): void {
		$this->expectExceptionMessage('Unknown export format "odt". Choose one of: ods, xlsx, csv.');
		$this->write(new Actor('bmi', isConsolidator: true), new ReportRequest(ReportRequest::EXPORT, 7, '2026-11', 'odt', 'en', false, null));
	}

	/** @return iterable<string, array{Actor, int|null, list<int>|null}> */
	public static function exporters(): iterable {
		yield 'a consolidator, every organisation' => [new Actor('bmi', isConsolidator: true), null, null];
		yield 'a consolidator, one organisation' => [new Actor('bmi', isConsolidator: true), 3, [3]];
		yield 'a coordinator, their organisations' => [new Actor('coord', coordinatorOrgIds: [1, 2]), null, [1, 2]];
		yield 'a coordinator, one of their organisations' => [new Actor('coord', coordinatorOrgIds: [1, 2]), 2, [2]];
	}

	/** @param list<int>|null $expected */
	#[DataProvider('exporters')]
	public function testAnExportHoldsTheOrganisationsTheRequesterMayExport(Actor $actor, ?int $organisationId, ?array $expected): void {
		$this->write($actor, new ReportRequest(ReportRequest::EXPORT, null, '2026-11', 'csv', 'en', false, $organisationId));
		self::assertSame([$expected], $this->exportedOrganisations);
	}

	public function testTheTitleNamesKindPeriodPilotOrganisationAndNamesInTheRequestsLanguage(): void {
		self::assertSame('Monthly status report - 2026-11 - PoC 7', $this->maker->title(new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'odt', 'en', false, null)));
		self::assertSame('Quartalsbericht - 2026-Q4 - Alle Piloten - Org 2', $this->maker->title(new ReportRequest(ReportRequest::QUARTERLY, null, '2026-Q4', 'odt', 'de', false, 2)));
		self::assertSame('Data export - 2026-11 - PoC 7 - with names', $this->maker->title(new ReportRequest(ReportRequest::EXPORT, 7, '2026-11', 'xlsx', 'en', true, null)));
		self::assertSame(['pilotfeedback:en', 'pilotfeedback:de', 'pilotfeedback:en'], $this->titleLanguages);
	}

	public function testTheTitleOfARangeExportSaysTheRangeInTheRequestsLanguage(): void {
		self::assertSame('Data export - 2025-12 to 2026-11 - PoC 7', $this->maker->title(new ReportRequest(ReportRequest::EXPORT, 7, '2025-12--2026-11', 'csv', 'en', false, null)));
		self::assertSame('Datenexport - 2025-12 bis 2026-11 - Alle Piloten - Org 2', $this->maker->title(new ReportRequest(ReportRequest::EXPORT, null, '2025-12--2026-11', 'ods', 'de', false, 2)));
	}

	public function testAnExportIsWrittenWithItsTitle(): void {
		$titles = [];
		$exports = $this->createMock(ExportService::class);
		$exports->method('workbook')->willReturnCallback(function (Actor $actor, ReportRequest $request, ?array $organisationIds, string $title) use (&$titles): Workbook {
			$titles[] = $title;
			return $this->workbook;
		});
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('pilot')->willReturnCallback(static fn (int $id): string => 'PoC ' . $id);
		$l10nFactory = $this->createMock(IFactory::class);
		$l10nFactory->method('get')->willReturnCallback(function (): IL10N {
			$l = $this->createMock(IL10N::class);
			$l->method('t')->willReturnCallback(static fn (string $text, array $parameters = []): string => vsprintf($text, $parameters));
			return $l;
		});
		$workbooks = array_map(fn (string $format): WorkbookWriter => $this->workbookWriter($format), ['csv']);
		$maker = new DocumentMaker(new WriterRegistry([], $workbooks), $this->monthly, $this->quarterly, $exports, $labels, $l10nFactory);

		$stream = fopen('php://memory', 'w+b');
		$maker->write(new Actor('bmi', isConsolidator: true), new ReportRequest(ReportRequest::EXPORT, 7, '2025-12--2026-11', 'csv', 'en', false, null), $stream);

		self::assertSame(['Data export - 2025-12 to 2026-11 - PoC 7'], $titles);
	}

	public function testTheTitleNamesThePilotInTheRequestsLanguageNotTheRequesters(): void {
		self::assertSame('Quartalsbericht - 2026-Q4 - Erprobung 7', $this->maker->title(new ReportRequest(ReportRequest::QUARTERLY, 7, '2026-Q4', 'odt', 'de', false, null)));
		self::assertSame('Quarterly report - 2026-Q4 - PoC 7', $this->maker->title(new ReportRequest(ReportRequest::QUARTERLY, 7, '2026-Q4', 'odt', 'en', false, null)));
	}

	/** 255 characters of one to four bytes each (Ä, €, 🚀 and plain letters): 573 bytes. */
	private static function longTitle(): string {
		$title = mb_substr(str_repeat('Pilot Ärztekammer € 🚀 Überprüfung ', 20), 0, 255);
		self::assertSame(255, mb_strlen($title));
		return $title;
	}

	/** ReportStorage's file name, with Nextcloud's sanitising as a stand-in that changes nothing. */
	private function fileName(ReportRequest $request): string {
		$names = $this->createMock(IFilenameValidator::class);
		$names->method('sanitizeFilename')->willReturnArgument(0);
		$storage = new ReportStorage($this->createMock(IRootFolder::class), $this->createMock(IUserConfig::class), $this->createMock(ITempManager::class), $names, new ReportFolderValidator($names), $this->createMock(LoggerInterface::class));
		return $storage->fileName($this->maker->title($request, ReportStorage::MAX_NAME_BYTES - strlen($request->format) - 1), $request->format);
	}

	/** @return iterable<string, array{ReportRequest, string, string}> */
	public static function requestsOfTheLongPilot(): iterable {
		yield 'monthly report' => [new ReportRequest(ReportRequest::MONTHLY, 9, '2026-11', 'odt', 'en', false, null), 'Monthly status report - 2026-11 - Pilot Ärztekammer', '….odt'];
		yield 'quarterly report of an organisation' => [new ReportRequest(ReportRequest::QUARTERLY, 9, '2026-Q4', 'docx', 'de', false, 2), 'Quartalsbericht - 2026-Q4 - Pilot Ärztekammer', '… - Org 2.docx'];
		yield 'export with names' => [new ReportRequest(ReportRequest::EXPORT, 9, '2026-Q4', 'xlsx', 'en', true, 2), 'Data export - 2026-Q4 - Pilot Ärztekammer', '… - Org 2 - with names.xlsx'];
	}

	#[DataProvider('requestsOfTheLongPilot')]
	public function testALongPilotTitleIsShortenedByBytesKeepingKindPeriodOrganisationAndType(ReportRequest $request, string $start, string $end): void {
		$this->pilotTitles[9] = self::longTitle();

		$name = $this->fileName($request);

		self::assertLessThanOrEqual(ReportStorage::MAX_NAME_BYTES, strlen($name), 'Nextcloud takes 250 bytes; room is left for " (2)"');
		self::assertGreaterThan(ReportStorage::MAX_NAME_BYTES - 8, strlen($name), 'as much of the title as fits');
		self::assertTrue(mb_check_encoding($name, 'UTF-8'), 'never cut inside a character');
		self::assertStringStartsWith($start, $name);
		self::assertStringEndsWith($end, $name);
	}

	public function testALongOrganisationNameGivesWayTooAfterThePilotTitle(): void {
		$this->pilotTitles[9] = self::longTitle();
		$this->organisationNames[2] = self::longTitle();

		$name = $this->fileName(new ReportRequest(ReportRequest::EXPORT, 9, '2026-Q4', 'csv', 'en', true, 2));

		self::assertLessThanOrEqual(ReportStorage::MAX_NAME_BYTES, strlen($name));
		self::assertTrue(mb_check_encoding($name, 'UTF-8'));
		self::assertStringStartsWith('Data export - 2026-Q4 - Pilot', $name);
		self::assertStringEndsWith('… - with names.csv', $name);
		self::assertSame(2, substr_count($name, '…'), 'both names were shortened');
	}

	public function testAShortTitleIsLeftAsItIs(): void {
		self::assertSame('Monthly status report - 2026-11 - PoC 7.odt', $this->fileName(new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'odt', 'en', false, null)));
	}

	public function testCuttingByBytesKeepsWholeCharacters(): void {
		self::assertSame('abc', ReportStorage::cutBytes('abc', 3));
		self::assertSame('ÄÄ…', ReportStorage::cutBytes('ÄÄÄÄÄ', 8), '2 + 2 + 3 bytes; a third Ä would not fit with the ellipsis');
		self::assertSame('🚀…', ReportStorage::cutBytes('🚀🚀🚀', 8));
		self::assertSame('a…', ReportStorage::cutBytes('a - b', 4), 'no trailing dash or space before the ellipsis');
	}
}
