<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

/**
 * A report item [Meldung]: requirement, defect, improvement or security finding.
 *
 * Priorities are stored as 1 (low) … 4 (critical) so that they sort in SQL.
 *
 * @method string getType()
 * @method void setType(string $type)
 * @method string getTitle()
 * @method void setTitle(string $title)
 * @method string|null getBody()
 * @method void setBody(?string $body)
 * @method int getComponentId()
 * @method void setComponentId(int $componentId)
 * @method int getPilotId()
 * @method void setPilotId(int $pilotId)
 * @method int getPriority()
 * @method void setPriority(int $priority)
 * @method int|null getConsPriority()
 * @method void setConsPriority(?int $consPriority)
 * @method string getStatus()
 * @method void setStatus(string $status)
 * @method string getReporterId()
 * @method void setReporterId(string $reporterId)
 * @method int getOrgId()
 * @method void setOrgId(int $orgId)
 * @method bool|null getConfidential()
 * @method void setConfidential(bool $confidential)
 * @method int|null getDuplicateOf()
 * @method void setDuplicateOf(?int $duplicateOf)
 * @method string|null getVendorRef()
 * @method void setVendorRef(?string $vendorRef)
 * @method string|null getVendorUrl()
 * @method void setVendorUrl(?string $vendorUrl)
 * @method int getVersion()
 * @method void setVersion(int $version)
 * @method int getSupportCount()
 * @method void setSupportCount(int $supportCount)
 * @method int getRankScore()
 * @method void setRankScore(int $rankScore)
 * @method int getRankOrgs()
 * @method void setRankOrgs(int $rankOrgs)
 * @method int getCreatedAt()
 * @method void setCreatedAt(int $createdAt)
 * @method int getUpdatedAt()
 * @method void setUpdatedAt(int $updatedAt)
 */
class Item extends Entity {
	protected string $type = '';
	protected string $title = '';
	protected ?string $body = null;
	protected int $componentId = 0;
	protected int $pilotId = 0;
	protected int $priority = 0;
	protected ?int $consPriority = null;
	protected string $status = '';
	protected string $reporterId = '';
	protected int $orgId = 0;
	protected ?bool $confidential = false;
	protected ?int $duplicateOf = null;
	protected ?string $vendorRef = null;
	protected ?string $vendorUrl = null;
	/** Counts the changes of edits, triage, merges and unmerges; starts at 1 (conflict detection). */
	protected int $version = 1;
	protected int $supportCount = 0;
	/** Ranking weight and how many organisations give it (Item\RankingWeights keeps both in step; never written through the entity) */
	protected int $rankScore = 0;
	protected int $rankOrgs = 0;
	protected int $createdAt = 0;
	protected int $updatedAt = 0;

	public function __construct() {
		foreach (['componentId', 'pilotId', 'priority', 'consPriority', 'orgId', 'duplicateOf', 'supportCount', 'rankScore', 'rankOrgs', 'createdAt', 'updatedAt', 'version'] as $field) {
			$this->addType($field, 'integer');
		}
		$this->addType('confidential', 'boolean');
	}

	/**
	 * The priority the item is shown and counted with: the consolidated one, else the
	 * reporter's (ItemMapper::shownPriority says the same in SQL).
	 */
	public function shownPriority(): int {
		return $this->getConsPriority() ?? $this->getPriority();
	}
}
