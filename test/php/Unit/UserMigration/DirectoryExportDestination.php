<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\UserMigration;

use OCP\Files\Folder;
use OCP\UserMigration\IExportDestination;
use OCP\UserMigration\UserMigrationException;

/**
 * Test double of the user_migration app's export archive (which is not bundled with the
 * server): the files of the export go into a folder of the local disk. Used by
 * PilotFeedbackMigratorTest and by the integration suite (test/fixtures/user-migration.php).
 * Copying a folder of Nextcloud's Files is not needed by the app's migrator and not offered.
 */
final class DirectoryExportDestination implements IExportDestination {
	public const VERSIONS = 'migrator_versions.json';

	public function __construct(
		private string $directory,
	) {
		if (!is_dir($directory) && !mkdir($directory, 0700, true)) {
			throw new UserMigrationException('Cannot create ' . $directory);
		}
	}

	public function addFileContents(string $path, string $content): void {
		if (file_put_contents($this->target($path), $content) === false) {
			throw new UserMigrationException('Cannot write ' . $path);
		}
	}

	public function addFileAsStream(string $path, $stream): void {
		$out = fopen($this->target($path), 'wb');
		if ($out === false || stream_copy_to_stream($stream, $out) === false) {
			throw new UserMigrationException('Cannot write ' . $path);
		}
		fclose($out);
	}

	public function copyFolder(Folder $folder, string $destinationPath, ?callable $nodeFilter = null): void {
		throw new UserMigrationException('The test export destination does not copy folders of Files.');
	}

	/** @param array<string, int> $versions */
	public function setMigratorVersions(array $versions): void {
		$this->addFileContents(self::VERSIONS, json_encode($versions, JSON_THROW_ON_ERROR));
	}

	public function close(): void {
	}

	/** The file on disk for a path of the archive, its folders made. */
	private function target(string $path): string {
		if ($path === '' || str_starts_with($path, '/') || in_array('..', explode('/', $path), true)) {
			throw new UserMigrationException('Not a path inside the export: ' . $path);
		}
		$file = $this->directory . '/' . $path;
		if (!is_dir(dirname($file)) && !mkdir(dirname($file), 0700, true)) {
			throw new UserMigrationException('Cannot create the folder of ' . $path);
		}
		return $file;
	}
}
