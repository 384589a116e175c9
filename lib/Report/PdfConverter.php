<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCP\Files\Conversion\IConversionManager;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IConfig;
use Psr\Log\LoggerInterface;

/**
 * Reports as PDF where Nextcloud can make them: through its file conversion API
 * (IConversionManager, since Nextcloud 31), when an app provides a converter from ODT to PDF
 * (Nextcloud Office does). The report is written as ODT as usual and converted; the app has no
 * PDF writer of its own. Without such a provider PDF is not offered, and asked for it is refused.
 *
 * The conversion API converts files in Nextcloud's virtual filesystem, so the ODT and the PDF
 * pass through a working folder in the app's data ("appdata_<instance>/pilotfeedback/pdf"),
 * never through the user's Files, and are deleted there at once; what a process that died
 * left is deleted by the next conversion after a day.
 */
class PdfConverter {
	public const FORMAT = 'pdf';
	public const ODT = 'application/vnd.oasis.opendocument.text';
	public const PDF = 'application/pdf';
	private const WORK_FOLDER = 'pdf';
	/** Working files older than this (seconds) were left by a process that died. */
	private const LEFTOVER_AGE = 86400;

	private ?bool $available = null;

	public function __construct(
		private IConversionManager $conversion,
		private IRootFolder $rootFolder,
		private IConfig $config,
		private LoggerInterface $logger,
	) {
	}

	/** Whether a conversion provider turns ODT into PDF on this server (asked once per process). */
	public function available(): bool {
		if ($this->available !== null) {
			return $this->available;
		}
		$this->available = false;
		try {
			if ($this->conversion->hasProviders()) {
				foreach ($this->conversion->getProviders() as $mime) {
					if ($mime->getFrom() === self::ODT && $mime->getTo() === self::PDF) {
						$this->available = true;
						break;
					}
				}
			}
		} catch (\Throwable $e) {
			$this->logger->warning('Pilot Feedback: the file conversion providers could not be asked; PDF is not offered', ['exception' => $e, 'app' => Application::APP_ID]);
		}
		return $this->available;
	}

	/**
	 * The document formats offered: the given ones, and PDF when it can be made (from ODT).
	 *
	 * @param list<string> $formats the formats the app writes itself
	 * @return list<string>
	 */
	public function offered(array $formats): array {
		return in_array('odt', $formats, true) && $this->available() ? [...$formats, self::FORMAT] : $formats;
	}

	/**
	 * Converts the ODT in $odt (read from its start) to PDF and writes that into $pdf.
	 *
	 * @param resource $odt Nextcloud may close it once it has read it
	 * @param resource $pdf opened for writing
	 * @throws ReportFailedException why there is no PDF, in words
	 */
	public function convert($odt, $pdf): void {
		if (!$this->available()) {
			throw new ReportFailedException('PDF needs a file conversion provider such as Nextcloud Office, and this server has none (any more). Ask for the report as ODT or DOCX, or ask the administrator to install Nextcloud Office.');
		}
		$source = null;
		$target = null;
		try {
			$work = $this->workFolder();
			$name = 'report-' . bin2hex(random_bytes(8));
			rewind($odt);
			$source = $work->newFile($name . '.odt', $odt);
			if (!($source instanceof File)) {
				throw new \RuntimeException('the working copy of the ODT is not a file');
			}
			$path = $this->conversion->convert($source, self::PDF, $work->getPath() . '/' . $name . '.pdf');
			$target = $this->rootFolder->get($path);
			if (!($target instanceof File)) {
				throw new \RuntimeException('the conversion made no file: ' . $path);
			}
			$in = $target->fopen('rb');
			if ($in === false) {
				throw new \RuntimeException('the PDF cannot be read: ' . $path);
			}
			try {
				$head = (string)fread($in, 5);
				if ($head !== '%PDF-') {
					throw new \RuntimeException('the converter returned no PDF (it starts with ' . json_encode(bin2hex($head)) . ')');
				}
				if (fwrite($pdf, $head) !== 5 || stream_copy_to_stream($in, $pdf) === false) {
					throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
				}
			} finally {
				fclose($in);
			}
		} catch (ReportFailedException $e) {
			throw $e;
		} catch (\Throwable $e) {
			$this->logger->error('Pilot Feedback: a report could not be converted to PDF', ['exception' => $e, 'app' => Application::APP_ID]);
			throw new ReportFailedException('The report could not be converted to PDF (%1$s). Ask for it again, or as ODT or DOCX; the administrator finds the details in the Nextcloud log.', [$e->getMessage()], $e);
		} finally {
			foreach ([$source, $target] as $file) {
				$this->delete($file);
			}
		}
	}

	/** The working folder in the app's data, created as needed, emptied of what is old. */
	private function workFolder(): Folder {
		$folder = $this->rootFolder->get('appdata_' . $this->config->getSystemValueString('instanceid'));
		foreach ([Application::APP_ID, self::WORK_FOLDER] as $segment) {
			if (!($folder instanceof Folder)) {
				throw new \RuntimeException('the app data folder is not a folder');
			}
			$folder = $folder->nodeExists($segment) ? $folder->get($segment) : $folder->newFolder($segment);
		}
		if (!($folder instanceof Folder)) {
			throw new \RuntimeException('the working folder is not a folder');
		}
		$old = time() - self::LEFTOVER_AGE;
		foreach ($folder->getDirectoryListing() as $node) {
			if ($node instanceof File && $node->getMTime() < $old) {
				$this->delete($node);
			}
		}
		return $folder;
	}

	private function delete(mixed $file): void {
		if (!($file instanceof File)) {
			return;
		}
		try {
			$file->delete();
		} catch (\Throwable $e) {
			$this->logger->warning('Pilot Feedback: could not delete the working file {path} of a PDF conversion', ['exception' => $e, 'app' => Application::APP_ID, 'path' => $file->getPath()]);
		}
	}
}
