<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\Config\IUserConfig;
use OCP\Files\File;
use OCP\Files\FileInfo;
use OCP\Files\FileNameTooLongException;
use OCP\Files\Folder;
use OCP\Files\IFilenameValidator;
use OCP\Files\InvalidPathException;
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
 * "<their report folder>/<period>/". The file is written on the server outside the user's
 * Files and put into Files in one step at the end; on any failure whatever reached Files is
 * deleted at once (not into the trash bin), so no partial report is ever left, and the
 * failure is told in words (no space, quota, folder removed, name too long …).
 */
class ReportStorage {
	public const DEFAULT_FOLDER = 'Pilot Feedback/Reports';
	/** The longest file name made, in bytes with the extension: Nextcloud takes 250, and " (2)" may be added. */
	public const MAX_NAME_BYTES = 240;
	private const KEY_FOLDER = 'report_folder';
	private const ELLIPSIS = '…';
	/** The hidden temporary files of versions before 0.3.2 (written into Files, then renamed). */
	private const LEFTOVER = '/^\.pilotfeedback-[0-9a-f]+\.tmp$/';

	/** @var array<int, true> the ids of files this process deletes bypassing the trash bin */
	private static array $directDeletes = [];

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

	/**
	 * A file name Nextcloud accepts, made from a title: at most MAX_NAME_BYTES bytes with the
	 * extension (Nextcloud refuses names of more than 250 bytes, and a second file of the same
	 * name gets " (2)"). A longer title is cut at a character boundary, never inside one.
	 */
	public function fileName(string $title, string $extension): string {
		$name = $this->filenameValidator->sanitizeFilename(str_replace(['/', '\\'], '-', $title), '-');
		return self::cutBytes($name, self::MAX_NAME_BYTES - strlen($extension) - 1) . '.' . $extension;
	}

	/**
	 * The text cut to at most $bytes bytes of UTF-8, at a character boundary, with "…" where it
	 * was cut; trailing spaces, dots and dashes are dropped, so that the name still reads well.
	 */
	public static function cutBytes(string $text, int $bytes): string {
		if (strlen($text) <= $bytes) {
			return $text;
		}
		$cut = rtrim(mb_strcut($text, 0, max(0, $bytes - strlen(self::ELLIPSIS)), 'UTF-8'), " .-\t");
		return $cut . self::ELLIPSIS;
	}

	/**
	 * Writes a file into the user's Files under $folder (created as needed) and returns it.
	 *
	 * The whole file is written to a temporary file on the server first (outside the user's
	 * Files), and put into Files in one step at the end: a process that dies while the report
	 * is made leaves nothing in the user's Files. A file that reached Files incomplete is
	 * deleted at once, not moved to the trash bin.
	 *
	 * @param callable(resource): void $write writes the whole file into the given stream
	 * @throws ReportFailedException with the reason, after removing whatever was written
	 * @throws DomainError what the writer refused (a permission it checked)
	 */
	public function save(string $userId, string $folder, string $name, callable $write): File {
		$local = $this->tempManager->getTemporaryFile('.pilotfeedback');
		if ($local === false) {
			throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
		}
		$target = null;
		$finalName = null;
		$size = 0;
		$free = FileInfo::SPACE_UNKNOWN;
		try {
			$size = $this->writeLocally($local, $write);
			$this->checkName($name);
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
			if (!$target->isCreatable()) {
				throw new ReportFailedException('The report could not be saved in "%1$s": you may not create files in that folder (it is shared with you read-only, for example). Choose another report folder.', [$folder]);
			}
			$finalName = $target->getNonExistingName($name);
			$in = fopen($local, 'rb');
			if ($in === false) {
				throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
			}
			try {
				$file = $target->newFile($finalName, $in);
			} finally {
				/** @psalm-suppress RedundantCondition Nextcloud closes the stream it read (View::file_put_contents) */
				if (is_resource($in)) {
					fclose($in);
				}
			}
			if (!($file instanceof File)) {
				throw new NotPermittedException('not a file after writing');
			}
			$stored = $file->getSize();
			if ((int)$stored !== $size) {
				// a storage that took less than it was given (a quota or a disk that filled meanwhile)
				throw new NotEnoughSpaceException('stored ' . var_export($stored, true) . ' of ' . $size . ' bytes');
			}
			return $file;
		} catch (ReportFailedException|DomainError $e) {
			$this->removeWritten($target, $finalName);
			throw $e;
		} catch (\Throwable $e) {
			$this->removeWritten($target, $finalName);
			throw $this->explain($e, $folder, $finalName ?? $name, $free >= 0 && $free < $size + 8192);
		} finally {
			@unlink($local);
		}
	}

	/**
	 * Removes a report's file from the user's Files at once, not into the trash bin: a file the
	 * app made that nobody may keep (its report was deleted or restarted while it was saved).
	 */
	public function discard(File $file): void {
		try {
			$this->deleteDirectly($file);
		} catch (\Throwable $e) {
			$this->logger->warning('Pilot Feedback: could not remove the report file {path}', ['exception' => $e, 'app' => Application::APP_ID, 'path' => $file->getPath()]);
		}
	}

	/**
	 * Deletes the file a report was saved to, when it still exists in the owner's Files under
	 * the name the app gave it (a renamed file is the owner's now and stays). It goes to the
	 * owner's trash bin, like any file deleted in Files.
	 *
	 * @return bool whether it was deleted
	 */
	public function removeReportFile(string $userId, int $fileId, string $fileName, int $reportId): bool {
		try {
			$file = $this->rootFolder->getUserFolder($userId)->getFirstNodeById($fileId);
			if (!($file instanceof File) || $file->getName() !== $fileName) {
				return false;
			}
			$file->delete();
			return true;
		} catch (\Throwable $e) {
			$this->logger->warning('Pilot Feedback: the file of report {id} could not be deleted', ['exception' => $e, 'app' => Application::APP_ID, 'id' => $reportId]);
			return false;
		}
	}

	/**
	 * Removes the hidden temporary files (".pilotfeedback-….tmp") that earlier versions of the
	 * app wrote into "<folder>/<period>" of the user's Files and left when their process died.
	 * Only files older than $olderThan (Unix seconds) go, so that a save still under way in an
	 * earlier version is not cut short.
	 *
	 * @return int how many were removed
	 */
	public function removeLeftovers(string $userId, string $folder, int $olderThan): int {
		try {
			$node = $this->rootFolder->getUserFolder($userId)->get($folder);
		} catch (\Throwable) {
			return 0; // the user, or the folder, is gone: nothing left over
		}
		if (!($node instanceof Folder)) {
			return 0;
		}
		$removed = 0;
		foreach ($node->getDirectoryListing() as $child) {
			if (!($child instanceof File) || preg_match(self::LEFTOVER, $child->getName()) !== 1 || $child->getMTime() >= $olderThan) {
				continue;
			}
			try {
				$this->deleteDirectly($child);
				$removed++;
			} catch (\Throwable $e) {
				$this->logger->warning('Pilot Feedback: could not remove the leftover temporary file {path}', ['exception' => $e, 'app' => Application::APP_ID, 'path' => $child->getPath()]);
			}
		}
		return $removed;
	}

	/**
	 * Whether a file is being deleted by this app at once, bypassing the trash bin
	 * (ReportTrashListener answers the trash bin's MoveToTrashEvent with it).
	 */
	public static function deletesDirectly(int $fileId): bool {
		return isset(self::$directDeletes[$fileId]);
	}

	/** Deletes a file without moving it to the trash bin. */
	private function deleteDirectly(File $file): void {
		$id = $file->getId();
		self::$directDeletes[$id] = true;
		try {
			$file->delete();
		} finally {
			unset(self::$directDeletes[$id]);
		}
	}

	/**
	 * Writes the whole report into the local temporary file.
	 *
	 * @param callable(resource): void $write
	 * @return int its size in bytes
	 */
	private function writeLocally(string $local, callable $write): int {
		$handle = fopen($local, 'w+b');
		if ($handle === false) {
			throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
		}
		try {
			$write($handle);
			if (!fflush($handle)) {
				throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
			}
			return fstat($handle)['size'];
		} finally {
			fclose($handle);
		}
	}

	/** @throws ReportFailedException when Nextcloud would refuse the file name, saying why */
	private function checkName(string $name): void {
		try {
			$this->filenameValidator->validateFilename($name);
		} catch (FileNameTooLongException) {
			throw new ReportFailedException('The file name "%1$s" is too long for Nextcloud (at most 250 bytes). Ask the administrator to shorten the title of the pilot or organisation.', [$name]);
		} catch (InvalidPathException $e) {
			throw new ReportFailedException('The file name "%1$s" is not allowed in Nextcloud: %2$s', [$name, $e->getMessage()]);
		}
	}

	/** Removes what a failed save put into the user's Files (not into the trash bin). */
	private function removeWritten(?Folder $target, ?string $name): void {
		if ($target === null || $name === null) {
			return;
		}
		try {
			if (!$target->nodeExists($name)) {
				return;
			}
			$written = $target->get($name);
			if ($written instanceof File) {
				$this->deleteDirectly($written);
			}
		} catch (\Throwable $e) {
			$this->logger->error('Could not remove the incomplete report file ' . $target->getPath() . '/' . $name, ['exception' => $e, 'app' => Application::APP_ID]);
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

	/** The failure in words the requester can act on, naming its real cause. */
	private function explain(\Throwable $e, string $folder, string $name, bool $nearlyFull): ReportFailedException {
		if ($e instanceof NotEnoughSpaceException || ($nearlyFull && $e instanceof NotPermittedException)) {
			return new ReportFailedException('There is not enough space in your Files for the report (your quota is used up or the disk is full). Free some space and ask for the report again.', [], $e);
		}
		if ($e instanceof FileNameTooLongException) {
			return new ReportFailedException('The file name "%1$s" is too long for Nextcloud (at most 250 bytes). Ask the administrator to shorten the title of the pilot or organisation.', [$name], $e);
		}
		if ($e instanceof InvalidPathException) {
			return new ReportFailedException('The file name "%1$s" is not allowed in Nextcloud: %2$s', [$name, $e->getMessage()], $e);
		}
		if ($e instanceof FileNotFoundException) {
			return new ReportFailedException('The folder "%1$s" was removed while the report was being saved. Ask for the report again.', [$folder], $e);
		}
		if ($e instanceof NotPermittedException) {
			return new ReportFailedException('Nextcloud refused to create the file "%1$s" in "%2$s" (%3$s). Ask for the report again; if it fails again, choose another report folder or ask the administrator, who finds the details in the Nextcloud log.', [$name, $folder, $e->getMessage()], $e);
		}
		if ($e instanceof LockedException) {
			return new ReportFailedException('The folder "%1$s" is in use by another operation. Ask for the report again in a moment.', [$folder], $e);
		}
		if ($e instanceof StorageNotAvailableException) {
			return new ReportFailedException('The storage of "%1$s" is not available at the moment. Ask for the report again later.', [$folder], $e);
		}
		$this->logger->error('A report could not be saved', ['exception' => $e, 'app' => Application::APP_ID]);
		return new ReportFailedException('The report could not be saved because of an unexpected error; the administrator finds the details in the Nextcloud log.', [], $e);
	}
}
