<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A pilot [Erprobung]: a proof of concept run with tester organisations. Title and description
 * come in English (title, description) and German (titleDe, descriptionDe); at least one title
 * is set. Catalogue\CatalogueNames picks the one a reader sees.
 *
 * @method void setTitle(?string $title)
 * @method string|null getTitleDe()
 * @method void setTitleDe(?string $titleDe)
 * @method string|null getDescription()
 * @method void setDescription(?string $description)
 * @method string|null getDescriptionDe()
 * @method void setDescriptionDe(?string $descriptionDe)
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
	protected ?string $title = null;
	protected ?string $titleDe = null;
	protected ?string $description = null;
	protected ?string $descriptionDe = null;
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

	/** The English title; '' when only a German one is given (the column is nullable for Oracle). */
	public function getTitle(): string {
		return $this->title ?? '';
	}
}
