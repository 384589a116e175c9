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
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\ReleaseLogMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Event\PeriodClosed;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\EventDispatcher\IEventDispatcher;

/**
 * Reporting periods [Berichtszeiträume]: one per calendar month, opened and closed by
 * administrators. A month can be opened from the month the first (not archived) pilot starts
 * in up to the next month; testers rate only in the periods opened so (RatingSaver refuses
 * any other). A period nobody has rated in yet can be deleted again.
 */
class PeriodService {
	public function __construct(
		private PeriodMapper $periods,
		private AssessmentMapper $assessments,
		private PilotMapper $pilots,
		private ReleaseLogMapper $releaseLog,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
		private IEventDispatcher $dispatcher,
	) {
	}

	/** @return list<Period> */
	public function list(): array {
		return $this->periods->findAll();
	}

	/**
	 * Opens the period of a month.
	 *
	 * @throws ValidationException when the month is malformed, has a period already, is before
	 *                             the first pilot starts or more than one month ahead
	 */
	public function create(mixed $month): Period {
		$month = Validator::month($month, 'Month');
		if ($this->periods->findByMonth($month) !== null) {
			throw new ValidationException('A reporting period for %1$s already exists; periods are calendar months and cannot overlap.', [$month]);
		}
		$this->checkOpenable($month);
		$period = new Period();
		$period->setMonth($month);
		$period->setStatus('open');
		return $this->periods->insert($period);
	}

	/**
	 * The months an administrator may open: from the month the first pilot (not archived, with
	 * a start date) starts in, or without a lower bound while no pilot has a start date, up to
	 * the month after the current one (UTC).
	 *
	 * @return array{first: ?string, last: string, pilot: ?Pilot} YYYY-MM, and the pilot that starts first
	 */
	public function openableMonths(): array {
		$first = null;
		foreach ($this->pilots->findAll(false) as $pilot) {
			$start = $pilot->getStartDate();
			if ($start !== null && $start !== '' && ($first === null || $start < (string)$first->getStartDate())) {
				$first = $pilot;
			}
		}
		$now = new \DateTimeImmutable('@' . $this->time->getTime());
		return [
			'first' => $first === null ? null : substr((string)$first->getStartDate(), 0, 7),
			'last' => $now->modify('first day of next month')->format('Y-m'),
			'pilot' => $first,
		];
	}

	/** @throws ValidationException when the month lies outside openableMonths() */
	private function checkOpenable(string $month): void {
		['first' => $first, 'last' => $last, 'pilot' => $pilot] = $this->openableMonths();
		if ($first !== null && $pilot !== null && $month < $first) {
			throw ValidationException::field('%1$s: %2$s is before the pilot "%3$s" starts (%4$s). Open a month from %5$s on.', 'Month', $month, $pilot->getTitle(), (string)$pilot->getStartDate(), $first);
		}
		if ($month > $last) {
			throw ValidationException::field('%1$s: %2$s is more than one month ahead. Open a month up to %3$s.', 'Month', $month, $last);
		}
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

	/**
	 * Deletes a period nobody has rated in: no rating, no draft and no release of it. The
	 * period goes first and the checks follow in the same transaction, so that a rating saved
	 * meanwhile makes it fail rather than lose its period.
	 *
	 * @return Period the deleted period
	 * @throws ConflictException when the period holds ratings, drafts or releases
	 */
	public function delete(int $id): Period {
		$period = $this->periods->get($id);
		return $this->transactions->run(function () use ($id, $period): Period {
			$this->periods->delete($period);
			$ratings = $this->assessments->countRatingsInPeriod($id);
			if ($ratings > 0) {
				throw new ConflictException('%1$s holds ratings (%2$s), so it cannot be deleted. Close it instead: that freezes them.', [$period->getMonth(), (string)$ratings]);
			}
			if ($this->assessments->countInPeriod($id) > 0) {
				throw new ConflictException('Testers have saved comments for %1$s, so it cannot be deleted. Close it instead.', [$period->getMonth()]);
			}
			if ($this->releaseLog->countForPeriod($id) > 0) {
				throw new ConflictException('Organisations have released their feedback for %1$s, so it cannot be deleted. Close it instead.', [$period->getMonth()]);
			}
			return $period;
		});
	}
}
