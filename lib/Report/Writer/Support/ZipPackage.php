<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use RuntimeException;
use ZipArchive;

/**
 * A zip package (ODF or OOXML) built in a temporary file, then copied to the target stream,
 * so that large parts written to temporary files never have to be held in memory.
 * Call writeTo() once, or discard() when writing failed.
 */
final class ZipPackage {
	private ZipArchive $zip;
	private string $path;
	/** @var list<string> */
	private array $tempFiles = [];

	public function __construct() {
		$this->path = self::tempFile();
		$this->zip = new ZipArchive();
		if ($this->zip->open($this->path, ZipArchive::OVERWRITE) !== true) {
			@unlink($this->path);
			throw new RuntimeException('Cannot create a temporary zip file');
		}
	}

	/** Adds a part from a string; $store keeps it uncompressed (ODF's "mimetype" must be). */
	public function addString(string $name, string $content, bool $store = false): void {
		$this->zip->addFromString($name, $content);
		$this->zip->setCompressionName($name, $store ? ZipArchive::CM_STORE : ZipArchive::CM_DEFLATE, $store ? 0 : 6);
	}

	/** A temporary file for a large part; it is removed with the package. */
	public function newPartFile(): string {
		$path = self::tempFile();
		$this->tempFiles[] = $path;
		return $path;
	}

	/** Adds a large part from a file (read when the package is closed), quickly compressed. */
	public function addFile(string $name, string $path): void {
		if (!$this->zip->addFile($path, $name)) {
			throw new RuntimeException('Cannot add ' . $name . ' to the zip file');
		}
		// libzip's default is its strongest level, several times slower on a large sheet than
		// level 1, which makes files only about a tenth larger.
		$this->zip->setCompressionName($name, ZipArchive::CM_DEFLATE, 1);
	}

	/**
	 * Closes the package and copies it to the stream.
	 *
	 * @param resource $stream
	 */
	public function writeTo($stream): void {
		try {
			if (!$this->zip->close()) {
				throw new RuntimeException('Cannot write the zip file: ' . $this->zip->getStatusString());
			}
			$in = fopen($this->path, 'rb');
			if ($in === false) {
				throw new RuntimeException('Cannot read the temporary zip file');
			}
			try {
				if (stream_copy_to_stream($in, $stream) !== filesize($this->path)) {
					throw new RuntimeException('Cannot write the whole file to the target');
				}
			} finally {
				fclose($in);
			}
		} finally {
			$this->removeFiles();
		}
	}

	/** Drops the package after a failure. */
	public function discard(): void {
		// Closing is needed to release the handle; an unclosed archive leaves nothing behind.
		@$this->zip->close();
		$this->removeFiles();
	}

	private function removeFiles(): void {
		foreach ([$this->path, ...$this->tempFiles] as $path) {
			if (is_file($path)) {
				unlink($path);
			}
		}
		$this->tempFiles = [];
	}

	private static function tempFile(): string {
		$path = tempnam(sys_get_temp_dir(), 'pilotfeedback-');
		if ($path === false) {
			throw new RuntimeException('Cannot create a temporary file');
		}
		return $path;
	}
}
