<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Report\PdfConverter;
use OCP\Files\Conversion\ConversionMimeProvider;
use OCP\Files\Conversion\IConversionManager;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IConfig;
use OCP\IL10N;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/**
 * PDF through Nextcloud's file conversion: offered only when a provider converts ODT to PDF;
 * the ODT passes through a working folder in the app's data (never the user's Files), the
 * provider's PDF is copied out, both working files are deleted, and every failure is a
 * ReportFailedException that says why.
 */
final class PdfConverterTest extends TestCase {
	private const WORK = '/appdata_oc123/pilotfeedback/pdf';

	private IConversionManager&MockObject $conversion;
	private IRootFolder&MockObject $root;
	private Folder&MockObject $work;
	/** @var list<string> what was written into the working folder: "name: content" */
	private array $created = [];
	/** @var list<string> the working files deleted */
	private array $deleted = [];
	/** @var list<array{string, string, ?string}> each conversion asked for: file, target type, destination */
	private array $conversions = [];
	private string $converted = "%PDF-1.7\nthe pdf";

	public static function setUpBeforeClass(): void {
		// IRootFolder extends OC\Hooks\Emitter, a server class the unit bootstrap (OCP only) does not load.
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			$public = dirname((string)(new \ReflectionClass(IL10N::class))->getFileName());
			require_once dirname($public) . '/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$this->conversion = $this->createMock(IConversionManager::class);
		$this->root = $this->createMock(IRootFolder::class);
		$this->work = $this->createMock(Folder::class);
		$this->work->method('getPath')->willReturn(self::WORK);
		$this->work->method('getDirectoryListing')->willReturn([
			$this->file('report-left-by-a-dead-process.odt', time() - 2 * 86400),
			$this->file('report-of-a-conversion-under-way.odt', time() - 60),
		]);
		$this->work->method('newFile')->willReturnCallback(function (string $name, $content): File {
			self::assertIsResource($content);
			$this->created[] = $name . ': ' . stream_get_contents($content);
			return $this->file($name, time());
		});
		$app = $this->createMock(Folder::class);
		$app->method('nodeExists')->with('pdf')->willReturn(false);
		$app->method('newFolder')->with('pdf')->willReturn($this->work);
		$appdata = $this->createMock(Folder::class);
		$appdata->method('nodeExists')->with('pilotfeedback')->willReturn(true);
		$appdata->method('get')->with('pilotfeedback')->willReturn($app);
		$this->root->method('get')->willReturnCallback(function (string $path) use ($appdata): mixed {
			if ($path === 'appdata_oc123') {
				return $appdata;
			}
			self::assertStringStartsWith(self::WORK . '/', $path);
			return $this->file(basename($path), time(), $this->converted);
		});
		$this->conversion->method('convert')->willReturnCallback(function (File $file, string $type, ?string $destination): string {
			$this->conversions[] = [$file->getName(), $type, $destination];
			return (string)$destination;
		});
	}

	private function file(string $name, int $mtime, string $content = ''): File&MockObject {
		$file = $this->createMock(File::class);
		$file->method('getName')->willReturn($name);
		$file->method('getPath')->willReturn(self::WORK . '/' . $name);
		$file->method('getMTime')->willReturn($mtime);
		$file->method('fopen')->willReturnCallback(static function () use ($content) {
			$stream = fopen('php://memory', 'w+b');
			self::assertNotFalse($stream);
			fwrite($stream, $content);
			rewind($stream);
			return $stream;
		});
		$file->method('delete')->willReturnCallback(function () use ($name): void {
			$this->deleted[] = $name;
		});
		return $file;
	}

	/** @param list<array{string, string}> $conversions from => to */
	private function converter(array $conversions = [[PdfConverter::ODT, PdfConverter::PDF]], ?LoggerInterface $logger = null): PdfConverter {
		$this->conversion->method('hasProviders')->willReturn($conversions !== []);
		$this->conversion->method('getProviders')->willReturn(array_map(static fn (array $c): ConversionMimeProvider => new ConversionMimeProvider($c[0], $c[1], 'x', 'X'), $conversions));
		$config = $this->createMock(IConfig::class);
		$config->method('getSystemValueString')->with('instanceid')->willReturn('oc123');
		return new PdfConverter($this->conversion, $this->root, $config, $logger ?? $this->createMock(LoggerInterface::class));
	}

	/** @return array{string, ?ReportFailedException} what was written into the output, and the failure */
	private function convert(PdfConverter $converter, string $odt = 'the odt'): array {
		$in = fopen('php://memory', 'w+b');
		$out = fopen('php://memory', 'w+b');
		self::assertNotFalse($in);
		self::assertNotFalse($out);
		fwrite($in, $odt);
		$failure = null;
		try {
			$converter->convert($in, $out);
		} catch (ReportFailedException $e) {
			$failure = $e;
		}
		rewind($out);
		return [(string)stream_get_contents($out), $failure];
	}

	public function testPdfIsOfferedOnlyWhenAProviderConvertsOdtToPdf(): void {
		self::assertSame(['odt', 'docx', 'pdf'], $this->converter()->offered(['odt', 'docx']));
		self::assertSame(['docx'], $this->converter()->offered(['docx']), 'no ODT to convert from');
	}

	public function testNoPdfWithoutProvidersOrWithProvidersOfOtherConversions(): void {
		self::assertFalse($this->converter([])->available());
		$this->setUp();
		self::assertSame(['odt'], $this->converter([[PdfConverter::ODT, 'image/png'], ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', PdfConverter::PDF]])->offered(['odt']));
	}

	public function testAConversionApiThatFailsMeansNoPdfAndIsLogged(): void {
		$this->conversion->method('hasProviders')->willThrowException(new \RuntimeException('registration broken'));
		$logger = $this->createMock(LoggerInterface::class);
		$logger->expects(self::once())->method('warning');
		$config = $this->createMock(IConfig::class);

		self::assertFalse((new PdfConverter($this->conversion, $this->root, $config, $logger))->available());
	}

	public function testTheOdtIsConvertedInTheAppDataAndBothWorkingFilesAreDeleted(): void {
		[$pdf, $failure] = $this->convert($this->converter(), 'the odt bytes');

		self::assertNull($failure);
		self::assertSame("%PDF-1.7\nthe pdf", $pdf);
		self::assertCount(1, $this->created);
		self::assertMatchesRegularExpression('/^(report-[0-9a-f]{16})\.odt: the odt bytes$/', $this->created[0], 'the whole ODT, from its start');
		$name = substr($this->created[0], 0, 23);
		self::assertSame([[$name . '.odt', PdfConverter::PDF, self::WORK . '/' . $name . '.pdf']], $this->conversions);
		self::assertSame(['report-left-by-a-dead-process.odt', $name . '.odt', $name . '.pdf'], $this->deleted, 'what a dead process left a day ago goes too, not what is under way');
	}

	public function testAFailedConversionFailsTheReportWithTheReasonAndLeavesNoWorkingFile(): void {
		$this->conversion = $this->createMock(IConversionManager::class);
		$this->conversion->method('convert')->willThrowException(new \RuntimeException('soffice crashed'));
		$logger = $this->createMock(LoggerInterface::class);
		$logger->expects(self::once())->method('error');

		[$pdf, $failure] = $this->convert($this->converter(logger: $logger));

		self::assertSame('', $pdf);
		self::assertNotNull($failure);
		self::assertSame('The report could not be converted to PDF (%1$s). Ask for it again, or as ODT or DOCX; the administrator finds the details in the Nextcloud log.', $failure->getTemplate());
		self::assertSame(['soffice crashed'], $failure->getParams());
		self::assertCount(2, $this->deleted, 'the old leftover and the working ODT');
	}

	public function testWhatIsNotAPdfFailsTheReport(): void {
		$this->converted = '<html>error</html>';

		[$pdf, $failure] = $this->convert($this->converter());

		self::assertSame('', $pdf);
		self::assertNotNull($failure);
		self::assertStringContainsString('the converter returned no PDF', $failure->getParams()[0]);
		self::assertCount(3, $this->deleted);
	}

	public function testWithoutAProviderAnyMoreTheReportFailsSayingWhatIsMissing(): void {
		[$pdf, $failure] = $this->convert($this->converter([]));

		self::assertSame('', $pdf);
		self::assertNotNull($failure);
		self::assertStringStartsWith('PDF needs a file conversion provider such as Nextcloud Office', $failure->getMessage());
		self::assertSame([], $this->created, 'nothing written');
	}
}
