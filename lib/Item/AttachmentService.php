<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Db\Attachment;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\Files\File;
use OCP\Files\IRootFolder;

/** Resolves attachment ids to files of the user's own Nextcloud Files. */
class AttachmentService {
	public function __construct(
		private IRootFolder $rootFolder,
	) {
	}

	/**
	 * Unsaved attachments for the given file ids; every id must be a file the user can read.
	 *
	 * @param list<int> $fileIds
	 * @return list<Attachment>
	 */
	public function resolve(string $userId, array $fileIds): array {
		if ($fileIds === []) {
			return [];
		}
		$folder = $this->rootFolder->getUserFolder($userId);
		$attachments = [];
		foreach ($fileIds as $fileId) {
			$node = $folder->getFirstNodeById($fileId);
			if (!($node instanceof File) || !$node->isReadable()) {
				throw new ValidationException('Attachment %1$s is not a file you can read. Pick files from your own Nextcloud Files.', [(string)$fileId]);
			}
			$attachment = new Attachment();
			$attachment->setFileId($fileId);
			$attachment->setName(mb_substr($node->getName(), 0, 255));
			$attachment->setMimetype($node->getMimetype());
			$attachment->setAddedBy($userId);
			$attachments[] = $attachment;
		}
		return $attachments;
	}
}
