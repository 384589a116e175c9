<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\AssessmentMapper;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Event\PeriodClosed;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\EventDispatcher\IEventDispatcher;

/** Reporting periods [Berichtszeiträume]: one per calendar month, opened and closed by administrators. */
class PeriodService {
	public function __construct(
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private IEventDispatcher $dispatcher,
	) {
	}

	/** @return list<Period> */
	public function list(): array {
		return $this->periods->findAll();
	}

	public function create(mixed $month): Period {
		$month = Validator::month($month, 'Month');
		if ($this->periods->findByMonth($month) !== null) {
			throw new ValidationException('A reporting period for %1$s already exists; periods are calendar months and cannot overlap.', [$month]);
		}
		$period = new Period();
		$period->setMonth($month);
		$period->setStatus('open');
		return $this->periods->insert($period);
	}

	/**
	 * How many ratings the period holds: closing it freezes them.
	 *
	 * @return array{periodId: int, ratings: int}
	 */
	public function ratings(int $id): array {
		$period = $this->periods->get($id);
		return ['periodId' => $period->getId(), 'ratings' => $this->assessments->countRatingsInPeriod($period->getId())];
	}

	public function setStatus(int $id, mixed $status): Period {
		$period = $this->periods->get($id);
		$wasOpen = $period->isOpen();
		$period->setStatus(Validator::oneOf($status, 'Status', ['open', 'closed']));
		$period = $this->periods->update($period);
		if ($wasOpen && !$period->isOpen()) {
			$this->dispatcher->dispatchTyped(new PeriodClosed($period));
		}
		return $period;
	}
}
