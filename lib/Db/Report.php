<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A generated report or data export [Bericht]: what was asked for, by whom, its state while it
 * is made (when the current run started and how many runs were started), and the Nextcloud
 * file it was saved to.
 *
 * @method string getType()
 * @method void setType(string $type)
 * @method int|null getPilotId()
 * @method void setPilotId(?int $pilotId)
 * @method int|null getOrgId()
 * @method void setOrgId(?int $orgId)
 * @method string getPeriod()
 * @method void setPeriod(string $period)
 * @method string getFormat()
 * @method void setFormat(string $format)
 * @method string getLanguage()
 * @method void setLanguage(string $language)
 * @method bool|null getPseudonymised()
 * @method void setPseudonymised(bool $pseudonymised)
 * @method bool|null getReleasedOnly()
 * @method void setReleasedOnly(bool $releasedOnly)
 * @method string getOrigin()
 * @method void setOrigin(string $origin)
 * @method string getRequestedBy()
 * @method void setRequestedBy(string $requestedBy)
 * @method string getFolder()
 * @method void setFolder(string $folder)
 * @method string getStatus()
 * @method void setStatus(string $status)
 * @method string|null getError()
 * @method void setError(?string $error)
 * @method int|null getFileId()
 * @method void setFileId(?int $fileId)
 * @method string|null getFileName()
 * @method void setFileName(?string $fileName)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int|null getFinishedAt()
 * @method void setFinishedAt(?int $finishedAt)
 * @method int|null getStartedAt()
 * @method void setStartedAt(?int $startedAt)
 * @method int getAttempts()
 * @method void setAttempts(int $attempts)
 */
class Report extends Entity {
	public const STATUS_QUEUED = 'queued';
	public const STATUS_RUNNING = 'running';
	public const STATUS_DONE = 'done';
	public const STATUS_FAILED = 'failed';
	public const ORIGIN_REQUEST = 'request';
	public const ORIGIN_CADENCE = 'cadence';

	protected string $type = '';
	protected ?int $pilotId = null;
	protected ?int $orgId = null;
	protected string $period = '';
	protected string $format = '';
	protected string $language = '';
	protected ?bool $pseudonymised = true;
	/** Whether the figures count released feedback only; null (reports made before 0.4.0): all feedback */
	protected ?bool $releasedOnly = false;
	protected string $origin = self::ORIGIN_REQUEST;
	protected string $requestedBy = '';
	protected string $folder = '';
	protected string $status = self::STATUS_QUEUED;
	protected ?string $error = null;
	protected ?int $fileId = null;
	protected ?string $fileName = null;
	protected int $createdAt = 0;
	protected ?int $finishedAt = null;
	protected ?int $startedAt = null;
	protected int $attempts = 0;

	public function __construct() {
		foreach (['pilotId', 'orgId', 'fileId', 'createdAt', 'finishedAt', 'startedAt', 'attempts'] as $field) {
			$this->addType($field, 'integer');
		}
		$this->addType('pseudonymised', 'boolean');
		$this->addType('releasedOnly', 'boolean');
	}
}
