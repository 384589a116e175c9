<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\IUserManager;
use OCP\L10N\IFactory;

/**
 * Who may make reports, and what a request for one asks, checked: type, format, pilot, period,
 * language, tester names, organisation and whether only released feedback counts. Consolidators make every report (tester names in
 * exports on explicit request); coordinators those of their own organisation, pseudonymised;
 * testers none.
 */
class ReportRequestChecker {
	public function __construct(
		private Policy $policy,
		private WriterRegistry $writers,
		private PilotMapper $pilots,
		private OrganisationMapper $organisations,
		private ConsolidationMapper $consolidationMapper,
		private IUserManager $userManager,
		private IFactory $l10nFactory,
		private PeriodMapper $periods,
		/** null: no PDF (as in tests that build the checker by hand) */
		private ?PdfConverter $pdf = null,
	) {
	}

	/** @throws ForbiddenException for testers and everyone else who sees no consolidated figures */
	public function requireReporter(Actor $actor): void {
		$this->policy->require($this->policy->canViewConsolidation($actor), 'Only consolidators and the coordinators of an organisation make reports.');
	}

	/**
	 * Checks a recorded request again as its requester is now, before it is made (a queued
	 * export, a report tried again): a coordinator who no longer coordinates the report's
	 * organisation, or a consolidator who no longer is one, gets no row of it.
	 *
	 * @throws ForbiddenException "You no longer have access to …", naming what
	 */
	public function recheck(Actor $actor, ReportRequest $request): void {
		if ($actor->isConsolidator) {
			return;
		}
		if ($request->withNames) {
			throw new ForbiddenException('You no longer have access to tester names: only consolidators export them, and you are no longer one. The export was not made.');
		}
		$org = $request->organisationId;
		if ($org === null) {
			throw new ForbiddenException('You no longer have access to the figures of all organisations: you are no longer a consolidator. The report was not made.');
		}
		if ($actor->coordinates($org)) {
			return;
		}
		try {
			$name = $this->organisations->get($org)->getName();
		} catch (NotFoundException) {
			throw new ForbiddenException('You no longer have access to the data of the organisation with id %1$s: it was deleted. The report was not made.', [(string)$org]);
		}
		throw new ForbiddenException('You no longer have access to the data of %1$s: you are no longer its coordinator. The report was not made.', [$name]);
	}

	/**
	 * Checks a request as the actor: type, format, pilot, period (a month, a quarter, or for
	 * exports a range of months from … to), language, names, organisation and released feedback only. Left out (null), $releasedOnly is true when every reporting
	 * period in the report's months is closed (a final report), else false.
	 */
	public function check(Actor $actor, mixed $type, mixed $format, mixed $pilotId, mixed $month, mixed $quarter, mixed $language, mixed $withNames, mixed $organisationId, mixed $releasedOnly = null, mixed $from = null, mixed $to = null): ReportRequest {
		$this->requireReporter($actor);
		$type = Validator::oneOf($type, 'Type', ReportRequest::TYPES);
		$names = $withNames === null ? false : Validator::flag($withNames, 'With names');
		if ($names) {
			$this->policy->require($actor->isConsolidator, 'Coordinators export their organisation\'s data pseudonymised only; tester names are for consolidators.');
		}
		if (!is_string($format) || $format === '') {
			throw ValidationException::field('%1$s is required.', 'Format');
		}
		if ($type === ReportRequest::EXPORT) {
			$this->writers->workbook($format);
		} elseif ($format === PdfConverter::FORMAT) {
			if ($this->pdf === null || !in_array(PdfConverter::FORMAT, $this->pdf->offered($this->writers->documentFormats()), true)) {
				throw new ValidationException('PDF needs a file conversion provider such as Nextcloud Office, and this server has none. Choose ODT or DOCX, or ask the administrator to install Nextcloud Office.');
			}
		} else {
			$this->writers->document($format);
		}
		$period = $this->period($type, $month, $quarter, $from, $to);

		$pilot = Validator::optionalId($pilotId, 'Pilot');
		if ($pilot !== null) {
			try {
				$this->pilots->get($pilot);
			} catch (NotFoundException) {
				throw new NotFoundException('No pilot with id %1$s exists.', [(string)$pilot]);
			}
		}
		$org = $this->organisation($actor, $organisationId);
		$range = (new ReportRequest($type, $pilot, $period, $format, 'en', $names, $org))->range();
		if ($this->consolidationMapper->periodsIn($range) === []) {
			throw new NotFoundException('There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', [$range->from, $range->to]);
		}
		$released = $releasedOnly === null || $releasedOnly === ''
			? $this->allClosed($range->months())
			: Validator::flag($releasedOnly, 'Released feedback only');
		return new ReportRequest($type, $pilot, $period, $format, $this->language($actor, $language), $names, $org, $released);
	}

	/**
	 * Whether every reporting period of these months is closed (months without a period have
	 * no feedback and are skipped; at least one must have a period): the default of "released
	 * feedback only", so that a report of finished months shows the final, released figures.
	 *
	 * @param list<string> $months YYYY-MM
	 */
	public function allClosed(array $months): bool {
		$any = false;
		foreach ($months as $month) {
			$period = $this->periods->findByMonth($month);
			if ($period === null) {
				continue;
			}
			if ($period->isOpen()) {
				return false;
			}
			$any = true;
		}
		return $any;
	}

	private function period(string $type, mixed $month, mixed $quarter, mixed $from, mixed $to): string {
		$given = static fn (mixed $v): bool => $v !== null && $v !== '';
		$ranged = $given($from) || $given($to);
		if ($ranged && $type !== ReportRequest::EXPORT) {
			throw new ValidationException('A range of months (from, to) is for data exports only. Send month=YYYY-MM for a monthly status report or quarter=YYYY-Qn for a quarterly report.');
		}
		if ($type === ReportRequest::MONTHLY) {
			if ($given($quarter) || !$given($month)) {
				throw new ValidationException('A monthly status report covers one month: send month=YYYY-MM and no quarter.');
			}
			return MonthRange::fromRequest($month, null, null, null)->from;
		}
		if ($type === ReportRequest::QUARTERLY) {
			if ($given($month) || !$given($quarter)) {
				throw new ValidationException('A quarterly report covers one quarter: send quarter=YYYY-Qn and no month.');
			}
			MonthRange::quarter($quarter);
			return (string)$quarter;
		}
		if ((int)$given($month) + (int)$given($quarter) + (int)$ranged !== 1) {
			throw new ValidationException('An export covers a month, a quarter or a range of months: send either month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM.');
		}
		if ($ranged) {
			// both given, well-formed, from on or before to, at most MonthRange::MAX_MONTHS long
			return ReportRequest::periodOf(MonthRange::fromRequest(null, null, $from, $to));
		}
		if ($given($month)) {
			return MonthRange::fromRequest($month, null, null, null)->from;
		}
		MonthRange::quarter($quarter);
		return (string)$quarter;
	}

	/** The organisation the report is about: any (or all) for consolidators, their own for coordinators. */
	private function organisation(Actor $actor, mixed $organisationId): ?int {
		$org = Validator::optionalId($organisationId, 'Organisation');
		if ($org !== null) {
			try {
				$this->organisations->get($org);
			} catch (NotFoundException) {
				throw new NotFoundException('No organisation with id %1$s exists.', [(string)$org]);
			}
		}
		if ($actor->isConsolidator) {
			return $org;
		}
		if ($org === null) {
			if (count($actor->coordinatorOrgIds) !== 1) {
				throw new ValidationException('You coordinate several organisations: choose one with organisationId.');
			}
			return $actor->coordinatorOrgIds[0];
		}
		$this->policy->require($actor->coordinates($org), 'You may make reports of the organisations you coordinate only.');
		return $org;
	}

	private function language(Actor $actor, mixed $language): string {
		if ($language === null || $language === '') {
			$user = $this->userManager->get($actor->userId);
			$language = $this->l10nFactory->getUserLanguage($user);
			return str_starts_with($language, 'de') ? 'de' : 'en';
		}
		return Validator::oneOf($language, 'Language', ReportRequest::LANGUAGES);
	}
}
