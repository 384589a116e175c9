<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\L10N\IFactory;

/**
 * The content of a checked request: the monthly or quarterly report (a document, built by
 * MonthlyReportBuilder or QuarterlyReportBuilder) or the data export (a workbook, from
 * ExportService), written in the request's format; and the title its file is named after.
 */
class DocumentMaker {
	public function __construct(
		private WriterRegistry $writers,
		private MonthlyReportBuilder $monthly,
		private QuarterlyReportBuilder $quarterly,
		private ExportService $exports,
		private ReportLabels $labels,
		private IFactory $l10nFactory,
	) {
	}

	/**
	 * Builds the request's document or workbook as the actor and writes it into the stream.
	 *
	 * @param resource $stream
	 */
	public function write(Actor $actor, ReportRequest $request, $stream): void {
		if ($request->type === ReportRequest::EXPORT) {
			$organisationIds = $request->organisationId !== null ? [$request->organisationId] : ($actor->isConsolidator ? null : $actor->coordinatorOrgIds);
			$this->writers->workbook($request->format)->write($this->exports->workbook($actor, $request, $organisationIds), $stream);
			return;
		}
		$builder = $request->type === ReportRequest::MONTHLY ? $this->monthly : $this->quarterly;
		$this->writers->document($request->format)->write($builder->build($actor, $request), $stream);
	}

	/** The title of the request's file in its language: kind, period, pilot, organisation, names. */
	public function title(ReportRequest $request): string {
		$l = $this->l10nFactory->get(Application::APP_ID, $request->language);
		$title = match ($request->type) {
			ReportRequest::MONTHLY => $l->t('Monthly status report'),
			ReportRequest::QUARTERLY => $l->t('Quarterly report'),
			default => $l->t('Data export'),
		};
		$parts = [$title, $request->period, $request->pilotId !== null ? $this->labels->pilot($request->pilotId) : $l->t('All pilots')];
		if ($request->organisationId !== null) {
			$parts[] = $this->labels->organisation($request->organisationId);
		}
		if ($request->withNames) {
			$parts[] = $l->t('with names');
		}
		return implode(' - ', $parts);
	}
}
