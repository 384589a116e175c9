<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * One change of a report item: who changed which field from what to what, when.
 *
 * @method int getItemId()
 * @method void setItemId(int $itemId)
 * @method string getUserId()
 * @method void setUserId(string $userId)
 * @method string getField()
 * @method void setField(string $field)
 * @method string|null getOldValue()
 * @method void setOldValue(?string $oldValue)
 * @method string|null getNewValue()
 * @method void setNewValue(?string $newValue)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 */
class HistoryEntry extends Entity {
	protected int $itemId = 0;
	protected string $userId = '';
	protected string $field = '';
	protected ?string $oldValue = null;
	protected ?string $newValue = null;
	protected int $createdAt = 0;

	public function __construct() {
		$this->addType('itemId', 'integer');
		$this->addType('createdAt', 'integer');
	}
}
