<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\SupporterMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\Policy;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Support of an item ("concerns us too"): a tester adds or withdraws themselves and their
 * organisation as supporters instead of filing the item again, with the priority the item has
 * for their organisation (Anlage 2, 3.1.5; the item's own priority unless they choose another),
 * which they may change while they support it. The supporter rows a merge moves are
 * MergeService's.
 *
 * @psalm-import-type PilotFeedbackItemDetail from \OCA\PilotFeedback\ResponseDefinitions
 */
class ItemSupport {
	public function __construct(
		private Policy $policy,
		private SupporterMapper $supporters,
		private ItemReader $reader,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
		private RankingWeights $weights,
	) {
	}

	/**
	 * "Concerns us too": records the supporting user and organisation, or withdraws them.
	 * Supporting again changes the priority given, if one is sent.
	 *
	 * @param mixed $priority the supporting organisation's priority (low … critical); null: the item's
	 * @return PilotFeedbackItemDetail
	 */
	public function support(Actor $actor, int $id, bool $supports, mixed $priority = null): array {
		$item = $this->reader->visible($actor, $id);
		$this->policy->require($actor->isParticipant(), 'Only testers of an organisation support items.');
		$this->policy->require(!$supports || $item->getReporterId() !== $actor->userId, 'You filed this item, so it already counts for you; support is for the others who share the need.');
		$rank = ($supports && $priority !== null) ? Priority::fromKey(Validator::oneOf($priority, 'Priority', Priority::keys()))->value : null;
		$changed = $this->transactions->run(function () use ($actor, $item, $supports, $rank): bool {
			$orgId = in_array($item->getOrgId(), $actor->organisationIds(), true) ? $item->getOrgId() : $actor->organisationIds()[0];
			$changed = $supports
				? $this->supporters->add($item->getId(), $actor->userId, $orgId, $this->time->getTime(), null, $rank ?? $item->getPriority())
				: $this->supporters->remove($item->getId(), $actor->userId);
			if (!$changed && $rank !== null) {
				// supported already: the priority sent replaces the one given before
				$this->supporters->setPriority($item->getId(), $actor->userId, $rank);
			}
			// recounts the supporters and the weight, under the item's lock
			$this->weights->refresh([$item->getId()]);
			return $changed;
		}, [DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION]); // the same user twice at once: the next attempt sees the first
		if ($changed) {
			$this->dispatcher->dispatchTyped(new ItemSupported($item, $actor, $supports));
		}
		return $this->reader->get($actor, $id);
	}
}
