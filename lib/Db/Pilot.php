<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A pilot [Erprobung]: a proof of concept run with tester organisations.
 *
 * @method string getTitle()
 * @method void setTitle(string $title)
 * @method string|null getDescription()
 * @method void setDescription(?string $description)
 * @method string getStatus()
 * @method void setStatus(string $status)
 * @method string|null getStartDate()
 * @method void setStartDate(?string $startDate)
 * @method string|null getEndDate()
 * @method void setEndDate(?string $endDate)
 * @method bool|null getArchived()
 * @method void setArchived(bool $archived)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 */
class Pilot extends Entity {
	protected string $title = '';
	protected ?string $description = null;
	protected string $status = '';
	protected ?string $startDate = null;
	protected ?string $endDate = null;
	protected ?bool $archived = false;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;

	public function __construct() {
		$this->addType('archived', 'boolean');
		$this->addType('createdAt', 'integer');
		$this->addType('updatedAt', 'integer');
	}
}
