<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A component [Komponente]: one product under test, in one category.
 *
 * @method string getName()
 * @method void setName(string $name)
 * @method string getCategory()
 * @method void setCategory(string $category)
 * @method string|null getProduct()
 * @method void setProduct(?string $product)
 * @method string|null getDescription()
 * @method void setDescription(?string $description)
 * @method bool|null getArchived()
 * @method void setArchived(bool $archived)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 */
class Component extends Entity {
	protected string $name = '';
	protected string $category = '';
	protected ?string $product = null;
	protected ?string $description = null;
	protected ?bool $archived = false;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;

	public function __construct() {
		$this->addType('archived', 'boolean');
		$this->addType('createdAt', 'integer');
		$this->addType('updatedAt', 'integer');
	}
}
