<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Template\ReportTemplates;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\L10N\IFactory;

/**
 * The content of a checked request: the monthly or quarterly report (a document, built by
 * MonthlyReportBuilder or QuarterlyReportBuilder) or the data export (a workbook, from
 * ExportService), written in the request's format; and the title its file is named after.
 * A PDF is the ODT converted by Nextcloud's file conversion (PdfConverter), where it can.
 * Documents take on the authority's template (ReportTemplates) where the admin chose one.
 */
class DocumentMaker {
	private const SEPARATOR = ' - ';
	/** What is left of a shortened pilot or organisation name at least, in bytes */
	private const MIN_PART_BYTES = 16;

	public function __construct(
		private WriterRegistry $writers,
		private MonthlyReportBuilder $monthly,
		private QuarterlyReportBuilder $quarterly,
		private ExportService $exports,
		private ReportLabels $labels,
		private IFactory $l10nFactory,
		/** null: no PDF (as in tests that build the maker by hand) */
		private ?PdfConverter $pdf = null,
		/** null: the built-in layout only (as in tests that build the maker by hand) */
		private ?ReportTemplates $templates = null,
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
			$this->writers->workbook($request->format)->write($this->exports->workbook($actor, $request, $organisationIds, $this->title($request)), $stream);
			return;
		}
		$builder = $request->type === ReportRequest::MONTHLY ? $this->monthly : $this->quarterly;
		if ($request->format === PdfConverter::FORMAT && $this->pdf !== null) {
			$this->writePdf($builder->build($actor, $request), $stream, $this->pdf);
			return;
		}
		$this->writeDocument($request->format, $builder->build($actor, $request), $stream);
	}

	/**
	 * The document in a format, in the authority's template where the admin chose one.
	 *
	 * @param resource $stream
	 */
	private function writeDocument(string $format, Document $document, $stream): void {
		$writer = $this->writers->document($format);
		if ($this->templates === null || !$this->templates->has($format)) {
			$writer->write($document, $stream);
			return;
		}
		$plain = fopen('php://temp/maxmemory:' . (8 * 1024 * 1024), 'w+b');
		if ($plain === false) {
			throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
		}
		try {
			$writer->write($document, $plain);
			rewind($plain);
			$inLayout = $this->templates->apply($format, (string)stream_get_contents($plain));
		} finally {
			fclose($plain);
		}
		if (fwrite($stream, $inLayout) !== strlen($inLayout)) {
			throw new ReportFailedException('The report could not be written completely. Ask the administrator to check the free disk space.');
		}
	}

	/**
	 * The document as ODT, converted to PDF.
	 *
	 * @param resource $stream
	 */
	private function writePdf(Document $document, $stream, PdfConverter $pdf): void {
		$odt = fopen('php://temp/maxmemory:' . (8 * 1024 * 1024), 'w+b');
		if ($odt === false) {
			throw new ReportFailedException('The server has no room for temporary files. Ask the administrator to free disk space.');
		}
		try {
			$this->writeDocument('odt', $document, $odt);
			$pdf->convert($odt, $stream);
		} finally {
			/** @psalm-suppress RedundantCondition Nextcloud closes the stream it put into a file (View::file_put_contents) */
			if (is_resource($odt)) {
				fclose($odt);
			}
		}
	}

	/**
	 * The title of the request's file in its language: kind, period, pilot, organisation, names.
	 * With $maxBytes, the title fits into that many bytes of UTF-8: the kind, the period and
	 * "with names" stay whole; the pilot's title is shortened first, then the organisation's
	 * name (ReportStorage::cutBytes, never inside a character).
	 */
	public function title(ReportRequest $request, int $maxBytes = PHP_INT_MAX): string {
		$l = $this->l10nFactory->get(Application::APP_ID, $request->language);
		$kind = match ($request->type) {
			ReportRequest::MONTHLY => $l->t('Monthly status report'),
			ReportRequest::QUARTERLY => $l->t('Quarterly report'),
			default => $l->t('Data export'),
		};
		$this->labels->useLanguage($request->language);
		$pilot = $request->pilotId !== null ? $this->labels->pilot($request->pilotId) : $l->t('All pilots');
		$organisation = $request->organisationId !== null ? $this->labels->organisation($request->organisationId) : null;
		$names = $request->withNames ? $l->t('with names') : null;
		$period = $request->periodLabel($l);
		$join = static fn (string $pilot, ?string $organisation): string => implode(self::SEPARATOR, array_filter([$kind, $period, $pilot, $organisation, $names], static fn (?string $part): bool => $part !== null));
		$excess = strlen($join($pilot, $organisation)) - $maxBytes;
		if ($excess > 0) {
			// the pilot's title gives way first, down to a few characters
			$pilot = ReportStorage::cutBytes($pilot, max(self::MIN_PART_BYTES, strlen($pilot) - $excess));
			$excess = strlen($join($pilot, $organisation)) - $maxBytes;
		}
		if ($excess > 0 && $organisation !== null) {
			$organisation = ReportStorage::cutBytes($organisation, max(self::MIN_PART_BYTES, strlen($organisation) - $excess));
		}
		$title = $join($pilot, $organisation);
		return strlen($title) > $maxBytes ? ReportStorage::cutBytes($title, $maxBytes) : $title;
	}
}
