<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A tester organisation [Testorganisation]; its groups and coordinators live in link tables.
 *
 * @method string getName()
 * @method void setName(string $name)
 * @method string getShortName()
 * @method void setShortName(string $shortName)
 * @method bool|null getArchived()
 * @method void setArchived(bool $archived)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 */
class Organisation extends Entity {
	protected string $name = '';
	protected string $shortName = '';
	protected ?bool $archived = false;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;

	public function __construct() {
		$this->addType('archived', 'boolean');
		$this->addType('createdAt', 'integer');
		$this->addType('updatedAt', 'integer');
	}
}
