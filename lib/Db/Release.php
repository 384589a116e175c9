<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * An organisation's release of its feedback for a period to the consolidators.
 *
 * @method int getOrgId()
 * @method void setOrgId(int $orgId)
 * @method int getPeriodId()
 * @method void setPeriodId(int $periodId)
 * @method string getUserId()
 * @method void setUserId(string $userId)
 * @method int getReleasedAt()
 * @method void setReleasedAt(int $releasedAt)
 *
 * @psalm-import-type PilotFeedbackRelease from \OCA\PilotFeedback\ResponseDefinitions
 */
class Release extends Entity implements \JsonSerializable {
	protected int $orgId = 0;
	protected int $periodId = 0;
	protected string $userId = '';
	protected int $releasedAt = 0;

	public function __construct() {
		$this->addType('orgId', 'integer');
		$this->addType('periodId', 'integer');
		$this->addType('releasedAt', 'integer');
	}

	/** @return PilotFeedbackRelease */
	public function jsonSerialize(): array {
		return ['organisationId' => $this->orgId, 'periodId' => $this->periodId, 'userId' => $this->userId, 'releasedAt' => $this->releasedAt];
	}
}
