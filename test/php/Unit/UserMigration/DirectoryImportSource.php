<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\UserMigration;

use OCP\Files\Folder;
use OCP\UserMigration\IImportSource;
use OCP\UserMigration\UserMigrationException;

/**
 * Test double of the user_migration app's import archive: reads what DirectoryExportDestination
 * wrote into a folder of the local disk.
 */
final class DirectoryImportSource implements IImportSource {
	public function __construct(
		private string $directory,
	) {
		if (!is_dir($directory)) {
			throw new UserMigrationException('No export in ' . $directory);
		}
	}

	public function getFileContents(string $path): string {
		$content = is_file($this->source($path)) ? file_get_contents($this->source($path)) : false;
		if ($content === false) {
			throw new UserMigrationException('Cannot read ' . $path);
		}
		return $content;
	}

	public function getFileAsStream(string $path) {
		$stream = is_file($this->source($path)) ? fopen($this->source($path), 'rb') : false;
		if ($stream === false) {
			throw new UserMigrationException('Cannot read ' . $path);
		}
		return $stream;
	}

	/** @return list<string> */
	public function getFolderListing(string $path): array {
		$entries = is_dir($this->source($path)) ? scandir($this->source($path)) : false;
		if ($entries === false) {
			throw new UserMigrationException('Cannot list ' . $path);
		}
		return array_values(array_diff($entries, ['.', '..']));
	}

	public function pathExists(string $path): bool {
		return file_exists($this->source($path));
	}

	public function copyToFolder(Folder $destination, string $sourcePath): void {
		throw new UserMigrationException('The test import source does not copy into Files.');
	}

	/** @return array<string, int> */
	public function getMigratorVersions(): array {
		/** @var array<string, int> $versions */
		$versions = json_decode($this->getFileContents(DirectoryExportDestination::VERSIONS), true, 4, JSON_THROW_ON_ERROR);
		return $versions;
	}

	public function getMigratorVersion(string $migrator): ?int {
		return $this->getMigratorVersions()[$migrator] ?? null;
	}

	public function getOriginalUid(): string {
		/** @var array{uid?: string} $user */
		$user = json_decode($this->getFileContents(IImportSource::PATH_USER), true, 4, JSON_THROW_ON_ERROR);
		return $user['uid'] ?? throw new UserMigrationException('The export names no user.');
	}

	public function close(): void {
	}

	private function source(string $path): string {
		if (str_starts_with($path, '/') || in_array('..', explode('/', $path), true)) {
			throw new UserMigrationException('Not a path inside the export: ' . $path);
		}
		return rtrim($this->directory . '/' . $path, '/');
	}
}
