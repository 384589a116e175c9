<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\Config\IUserConfig;
use OCP\Files\File;
use OCP\Files\FileInfo;
use OCP\Files\Folder;
use OCP\Files\IFilenameValidator;
use OCP\Files\IRootFolder;
use OCP\Files\NotEnoughSpaceException;
use OCP\Files\NotFoundException as FileNotFoundException;
use OCP\Files\NotPermittedException;
use OCP\Files\StorageNotAvailableException;
use OCP\ITempManager;
use OCP\Lock\LockedException;
use Psr\Log\LoggerInterface;

/**
 * Saves reports into the requester's Nextcloud Files through the Files API, into
 * "<their report folder>/<period>/". The file is written under a hidden temporary name and
 * renamed at the end; on any failure the temporary file is deleted, so no partial report is
 * ever left, and the failure is told in words (no space, quota, folder removed …).
 */
class ReportStorage {
	public const DEFAULT_FOLDER = 'Pilot Feedback/Reports';
	private const KEY_FOLDER = 'report_folder';

	public function __construct(
		private IRootFolder $rootFolder,
		private IUserConfig $userConfig,
		private ITempManager $tempManager,
		private IFilenameValidator $filenameValidator,
		private ReportFolderValidator $folders,
		private LoggerInterface $logger,
	) {
	}

	/** The user's report folder inside their Files, relative, without leading or trailing slash. */
	public function folder(string $userId): string {
		$folder = $this->userConfig->getValueString($userId, Application::APP_ID, self::KEY_FOLDER, self::DEFAULT_FOLDER);
		return $folder === '' ? self::DEFAULT_FOLDER : $folder;
	}

	/**
	 * Chooses the user's report folder; an empty value restores the default.
	 *
	 * @throws ValidationException for "..", an absolute path or a name Nextcloud forbids
	 */
	public function setFolder(string $userId, mixed $folder): string {
		$checked = $this->folders->validate($folder);
		$this->userConfig->setValueString($userId, Application::APP_ID, self::KEY_FOLDER, $checked);
		return $checked;
	}

	/** A file name Nextcloud accepts, made from a title. */
	public function fileName(string $title, string $extension): string {
		$name = $this->filenameValidator->sanitizeFilename(str_replace(['/', '\\'], '-', $title), '-');
		return $name . '.' . $extension;
	}

	/**
	 * Writes a file into the user's Files under $folder (created as needed) and returns it.
	 *
	 * @param callable(resource): void $write writes the whole file into the given stream
	 * @throws ReportFailedException with the reason, after removing whatever was written
	 */
	public function save(string $userId, string $folder, string $name, callable $write): File {
		$local = $this->tempManager->getTemporaryFile('.pilotfeedback');
		if ($local === false) {
			throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
		}
		$partial = null;
		$size = 0;
		$free = FileInfo::SPACE_UNKNOWN;
		try {
			$handle = fopen($local, 'w+b');
			if ($handle === false) {
				throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
			}
			try {
				$write($handle);
				if (!fflush($handle)) {
					throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
				}
				$size = fstat($handle)['size'];
				// Asked before anything is created: a full quota refuses even new folders.
				$free = $this->rootFolder->getUserFolder($userId)->getFreeSpace();
				if ($free >= 0 && $free < $size) {
					throw new NotEnoughSpaceException('free ' . $free . ' < ' . $size);
				}
				$target = $this->targetFolder($userId, $folder);
				$free = $target->getFreeSpace();
				if ($free >= 0 && $free < $size) {
					throw new NotEnoughSpaceException('free ' . $free . ' < ' . $size);
				}
				$partial = $target->newFile('.pilotfeedback-' . bin2hex(random_bytes(6)) . '.tmp');
				$out = $partial->fopen('wb');
				if ($out === false) {
					throw new NotPermittedException('cannot open the file for writing');
				}
				rewind($handle);
				$copied = stream_copy_to_stream($handle, $out);
				$closed = fclose($out);
				if ($copied !== $size || !$closed) {
					throw new NotEnoughSpaceException('copied ' . var_export($copied, true) . ' of ' . $size);
				}
				$moved = $partial->move($target->getPath() . '/' . $target->getNonExistingName($name));
				$partial = null;
				if (!($moved instanceof File)) {
					throw new NotPermittedException('not a file after the move');
				}
				return $moved;
			} finally {
				fclose($handle);
			}
		} catch (ReportFailedException $e) {
			$this->removePartial($partial);
			throw $e;
		} catch (\Throwable $e) {
			$this->removePartial($partial);
			throw $this->explain($e, $folder, $free >= 0 && $free < $size + 8192);
		} finally {
			@unlink($local);
		}
	}

	/** The folder to save into, created as needed. */
	private function targetFolder(string $userId, string $folder): Folder {
		$node = $this->rootFolder->getUserFolder($userId);
		foreach (explode('/', $folder) as $segment) {
			if ($node->nodeExists($segment)) {
				$next = $node->get($segment);
				if (!($next instanceof Folder)) {
					throw new ReportFailedException('"%1$s" in your Files is a file, not a folder. Rename it or choose another report folder.', [$segment]);
				}
				$node = $next;
			} else {
				$node = $node->newFolder($segment);
			}
		}
		return $node;
	}

	private function removePartial(?File $partial): void {
		if ($partial === null) {
			return;
		}
		try {
			$partial->delete();
		} catch (\Throwable $e) {
			$this->logger->error('Could not remove the partial report file ' . $partial->getPath(), ['exception' => $e, 'app' => Application::APP_ID]);
		}
	}

	/** The failure in words the requester can act on. */
	private function explain(\Throwable $e, string $folder, bool $nearlyFull): ReportFailedException {
		if ($e instanceof NotEnoughSpaceException || ($nearlyFull && $e instanceof NotPermittedException)) {
			return new ReportFailedException('There is not enough space in your Files for the report (your quota is used up or the disk is full). Free some space and ask for the report again.');
		}
		if ($e instanceof FileNotFoundException) {
			return new ReportFailedException('The folder "%1$s" was removed while the report was being saved. Ask for the report again.', [$folder]);
		}
		if ($e instanceof NotPermittedException) {
			return new ReportFailedException('The report could not be saved in "%1$s": writing there is not allowed. Choose another report folder.', [$folder]);
		}
		if ($e instanceof LockedException) {
			return new ReportFailedException('The folder "%1$s" is in use by another operation. Ask for the report again in a moment.', [$folder]);
		}
		if ($e instanceof StorageNotAvailableException) {
			return new ReportFailedException('The storage of "%1$s" is not available at the moment. Ask for the report again later.', [$folder]);
		}
		$this->logger->error('A report could not be saved', ['exception' => $e, 'app' => Application::APP_ID]);
		return new ReportFailedException('The report could not be saved because of an unexpected error; the administrator finds the details in the Nextcloud log.');
	}
}
