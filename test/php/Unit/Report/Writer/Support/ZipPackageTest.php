<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Sheet;
use OCA\PilotFeedback\Report\Model\Workbook;
use OCA\PilotFeedback\Report\Writer\OdsWriter;
use OCA\PilotFeedback\Report\Writer\Support\ZipPackage;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\XlsxWriter;
use OCA\PilotFeedback\Tests\Unit\Report\Samples;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** Temporary files of a package never outlive it, whether writing succeeds or fails. */
final class ZipPackageTest extends TestCase {
	public function testWritesTheZipAndRemovesItsTemporaryFiles(): void {
		$zip = new ZipPackage();
		$part = $zip->newPartFile();
		file_put_contents($part, '<big/>');
		$zip->addString('mimetype', 'text/plain', true);
		$zip->addFile('part.xml', $part);
		$stream = fopen('php://temp', 'w+b');
		$zip->writeTo($stream);

		$this->assertFileDoesNotExist($part);
		$this->assertSame(['mimetype' => 'text/plain', 'part.xml' => '<big/>'], Samples::unzip((string)stream_get_contents($stream, -1, 0)));
	}

	public function testDiscardRemovesEverything(): void {
		$zip = new ZipPackage();
		$part = $zip->newPartFile();
		$zip->addFile('part.xml', $part);
		$zip->discard();
		$this->assertFileDoesNotExist($part);
	}

	/** @return iterable<string, array{0: WorkbookWriter}> */
	public static function writers(): iterable {
		yield 'ods' => [new OdsWriter()];
		yield 'xlsx' => [new XlsxWriter()];
	}

	#[DataProvider('writers')]
	public function testAFailingRowSourceLeavesNoTemporaryFileAndNothingInTheTarget(WorkbookWriter $writer): void {
		$pattern = sys_get_temp_dir() . '/pilotfeedback-*';
		$before = glob($pattern) ?: [];
		$during = [];
		$rows = (static function () use ($pattern, &$during) {
			yield ['a', 1];
			$during = glob($pattern) ?: [];
			throw new \RuntimeException('the database went away');
		})();
		$stream = fopen('php://temp', 'w+b');
		try {
			$writer->write(new Workbook([new Sheet('S', ['x', 'y'], $rows)]), $stream);
			$this->fail('the error reaches the caller');
		} catch (\RuntimeException $e) {
			$this->assertSame('the database went away', $e->getMessage());
		}
		$ours = array_diff($during, $before);
		$this->assertNotEmpty($ours, 'the writer was using temporary files when the rows failed');
		foreach ($ours as $path) {
			$this->assertFileDoesNotExist($path);
		}
		$this->assertSame(0, fstat($stream)['size']);
	}
}
