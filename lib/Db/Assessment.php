<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * One tester's rating of one component in one pilot in one period [Bewertung]; scores are in
 * pf_scores. A component that is part of two pilots is rated in each separately.
 *
 * @method string getUserId()
 * @method void setUserId(string $userId)
 * @method int getOrgId()
 * @method void setOrgId(int $orgId)
 * @method int getPilotId()
 * @method void setPilotId(int $pilotId)
 * @method int getComponentId()
 * @method void setComponentId(int $componentId)
 * @method int getPeriodId()
 * @method void setPeriodId(int $periodId)
 * @method int|null getOverall()
 * @method void setOverall(?int $overall)
 * @method string|null getComment()
 * @method void setComment(?string $comment)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 * @method int getVersion()
 * @method void setVersion(int $version)
 * @method int getRated()
 * @method void setRated(int $rated)
 */
class Assessment extends Entity {
	protected string $userId = '';
	protected int $orgId = 0;
	protected int $pilotId = 0;
	protected int $componentId = 0;
	protected int $periodId = 0;
	protected ?int $overall = null;
	protected ?string $comment = null;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;
	/** Raised by every save; a save that names an older version is refused (409). */
	protected int $version = 1;
	/** 1 with an overall score or at least one criterion score; 0 for a comment alone (a draft). */
	protected int $rated = 0;

	public function __construct() {
		$this->addType('orgId', 'integer');
		$this->addType('pilotId', 'integer');
		$this->addType('componentId', 'integer');
		$this->addType('periodId', 'integer');
		$this->addType('overall', 'integer');
		$this->addType('createdAt', 'integer');
		$this->addType('updatedAt', 'integer');
		$this->addType('version', 'integer');
		$this->addType('rated', 'integer');
	}
}
