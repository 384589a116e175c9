<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A criterion [Kriterium] that an assessment scores from 1 to 5.
 * Name and description come in English (name, description) and German (nameDe,
 * descriptionDe); at least one name is set. Catalogue\CatalogueNames picks the one a reader sees.
 *
 * @method void setName(?string $name)
 * @method string|null getNameDe()
 * @method void setNameDe(?string $nameDe)
 * @method string|null getDescription()
 * @method void setDescription(?string $description)
 * @method string|null getDescriptionDe()
 * @method void setDescriptionDe(?string $descriptionDe)
 * @method int getSortOrder()
 * @method void setSortOrder(int $sortOrder)
 * @method bool|null getArchived()
 * @method void setArchived(bool $archived)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 */
class Criterion extends Entity {
	protected ?string $name = null;
	protected ?string $nameDe = null;
	protected ?string $description = null;
	protected ?string $descriptionDe = null;
	protected int $sortOrder = 0;
	protected ?bool $archived = false;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;

	public function __construct() {
		$this->addType('sortOrder', 'integer');
		$this->addType('archived', 'boolean');
		$this->addType('createdAt', 'integer');
		$this->addType('updatedAt', 'integer');
	}

	/** The English name; '' when only a German one is given (the column is nullable for Oracle). */
	public function getName(): string {
		return $this->name ?? '';
	}
}
