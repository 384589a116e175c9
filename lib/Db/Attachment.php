<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A Nextcloud file attached to a report item.
 *
 * @method int getItemId()
 * @method void setItemId(int $itemId)
 * @method int getFileId()
 * @method void setFileId(int $fileId)
 * @method string getName()
 * @method void setName(string $name)
 * @method string|null getMimetype()
 * @method void setMimetype(?string $mimetype)
 * @method string getAddedBy()
 * @method void setAddedBy(string $addedBy)
 *
 * @psalm-import-type PilotFeedbackItemAttachment from \OCA\PilotFeedback\ResponseDefinitions
 */
class Attachment extends Entity implements \JsonSerializable {
	protected int $itemId = 0;
	protected int $fileId = 0;
	protected string $name = '';
	protected ?string $mimetype = null;
	protected string $addedBy = '';

	public function __construct() {
		$this->addType('itemId', 'integer');
		$this->addType('fileId', 'integer');
	}

	/** @return PilotFeedbackItemAttachment */
	public function jsonSerialize(): array {
		return ['fileId' => $this->fileId, 'name' => $this->name, 'mimetype' => $this->mimetype ?? ''];
	}
}
