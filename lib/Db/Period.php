<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A reporting period [Berichtszeitraum]: one calendar month, open or closed.
 *
 * @method string getMonth()
 * @method void setMonth(string $month)
 * @method string getStatus()
 * @method void setStatus(string $status)
 *
 * @psalm-import-type PilotFeedbackPeriod from \OCA\PilotFeedback\ResponseDefinitions
 */
class Period extends Entity implements \JsonSerializable {
	protected string $month = '';
	protected string $status = '';

	public function isOpen(): bool {
		return $this->status === 'open';
	}

	/** @return PilotFeedbackPeriod */
	public function jsonSerialize(): array {
		return ['id' => $this->getId(), 'month' => $this->month, 'status' => $this->isOpen() ? 'open' : 'closed'];
	}
}
