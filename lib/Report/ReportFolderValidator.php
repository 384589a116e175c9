<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Exception\ValidationException;
use OCP\Files\IFilenameValidator;

/**
 * Checks a report folder a user chooses: a relative path inside their Files made of names
 * Nextcloud accepts; "..", ".", empty parts, a leading "/" and backslashes are refused, so
 * that no folder can point outside the user's Files.
 */
class ReportFolderValidator {
	private const MAX_LENGTH = 1000;

	public function __construct(
		private IFilenameValidator $filenameValidator,
	) {
	}

	/** @throws ValidationException */
	public function validate(mixed $folder): string {
		if ($folder === null || $folder === '') {
			return ReportStorage::DEFAULT_FOLDER;
		}
		if (!is_string($folder)) {
			throw ValidationException::field('%1$s must be text.', 'Folder');
		}
		if (mb_strlen($folder) > self::MAX_LENGTH) {
			throw ValidationException::field('%1$s is too long: at most %2$s characters are allowed.', 'Folder', (string)self::MAX_LENGTH);
		}
		if (str_starts_with($folder, '/') || str_contains($folder, '\\')) {
			throw new ValidationException('The folder must be a path inside your Files like "Pilot Feedback/Reports", without a leading "/" or "\\".');
		}
		$segments = explode('/', rtrim($folder, '/'));
		foreach ($segments as $segment) {
			if ($segment === '' || $segment === '.' || $segment === '..') {
				throw new ValidationException('The folder "%1$s" holds an empty part, "." or "..". Name each folder, separated by a single "/".', [$folder]);
			}
			if (preg_match('/[\x00-\x1f\x7f]/', $segment) === 1 || trim($segment) !== $segment) {
				throw new ValidationException('The folder name "%1$s" is not allowed: no control characters and no spaces at its start or end.', [$segment]);
			}
			try {
				$this->filenameValidator->validateFilename($segment);
			} catch (\Exception $e) {
				throw new ValidationException('The folder name "%1$s" is not allowed in Nextcloud: %2$s', [$segment, $e->getMessage()]);
			}
		}
		return implode('/', $segments);
	}

}
