<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * One version of a consolidator's text for a report: the foreword (componentId 0) or the
 * comment on a component, of one pilot for one month or quarter. Rows are never changed: a
 * save adds the next version, the newest is the current text, an empty body removed it.
 *
 * @method int getPilotId()
 * @method void setPilotId(int $pilotId)
 * @method string getPeriod()
 * @method void setPeriod(string $period)
 * @method int getComponentId()
 * @method void setComponentId(int $componentId)
 * @method int getVersion()
 * @method void setVersion(int $version)
 * @method string|null getBody()
 * @method void setBody(?string $body)
 * @method string getChangedBy()
 * @method void setChangedBy(string $changedBy)
 * @method int getChangedAt()
 * @method void setChangedAt(int $changedAt)
 */
class ReportText extends Entity {
	/** The component id of a foreword. */
	public const FOREWORD = 0;

	protected int $pilotId = 0;
	protected string $period = '';
	protected int $componentId = self::FOREWORD;
	protected int $version = 1;
	protected ?string $body = null;
	protected string $changedBy = '';
	protected int $changedAt = 0;

	public function __construct() {
		$this->addType('pilotId', 'integer');
		$this->addType('componentId', 'integer');
		$this->addType('version', 'integer');
		$this->addType('changedAt', 'integer');
	}

	/** The Markdown of this version; "" when the text was removed. */
	public function text(): string {
		return $this->body ?? '';
	}
}
