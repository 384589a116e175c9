<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\Report\PdfConverter;
use OCA\PilotFeedback\Report\ReportActions;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportService;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCA\PilotFeedback\ResponseDefinitions;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;

/**
 * Reports and data exports, saved into the requester's Nextcloud Files: the monthly status
 * report and the quarterly report (documents: odt, docx), and the data export (ods, xlsx,
 * csv). The figures are those of the consolidation API (/api/v1/consolidation/…), which is
 * also the JSON form of every report.
 *
 * Consolidators make every report; coordinators those of their own organisation,
 * pseudonymised; testers none. Reports are pseudonymised: organisations are named, testers
 * never, unless a consolidator asks for an export with names (recorded in the Nextcloud log).
 *
 * Asking for reports is limited per user (UserRateLimit, far above what a person asks for);
 * beyond it the answer is 429 with a sentence and Retry-After (ErrorMiddleware).
 *
 * @psalm-import-type PilotFeedbackReport from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportDeleted from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportPage from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportFolder from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportFormats from ResponseDefinitions
 */
class ReportController extends ApiController {
	public function __construct(
		IRequest $request,
		private ActorFactory $actors,
		private ReportService $reports,
		private ReportActions $actions,
		private ReportRequestChecker $checker,
		private ReportStorage $storage,
		private WriterRegistry $writers,
		/** null: no PDF (as in tests that build the controller by hand) */
		private ?PdfConverter $pdf = null,
	) {
		parent::__construct($request);
	}

	/**
	 * Ask for a report or export
	 *
	 * A monthly or quarterly report is made at once (status done or failed in the answer) unless
	 * it is large (many pilots, ratings or items: then it is queued like an export); an export
	 * is queued as a background job (status queued) and a notification tells when it is ready.
	 * A period without ratings gives a report that says so; a period that has not ended gives a
	 * report marked preliminary. An export covers a month, a quarter, or a range of months (from
	 * and to, both included, at most 36 months: a year's ratings in one file).
	 * At most 40 requests per user in 10 minutes.
	 *
	 * @param 'monthly'|'quarterly'|'export' $type monthly status report, quarterly report, or data export
	 * @param string $fileFormat odt or docx for reports (not "format", which OCS reads as the answer's format); ods, xlsx or csv for exports (csv holds the ratings sheet) @maxLength 8
	 * @param int|null $pilotId one pilot, or null for all pilots
	 * @param string|null $month the month, like 2026-03 (monthly report; or an export of a month)
	 * @param string|null $quarter the quarter, like 2026-Q1 (quarterly report; or an export of a quarter)
	 * @param 'de'|'en'|null $language language of the document; default the user's language
	 * @param bool|null $withNames name the testers (exports; consolidators only; logged)
	 * @param int|null $organisationId one organisation; coordinators: their own (the default when they coordinate one)
	 * @param bool|null $releasedOnly count released feedback only (a final report); left out: true when every reporting period of the month or quarter is closed, else false (all feedback, released or not)
	 * @param string|null $from exports of a range of months: the first month, like 2025-12 (together with to, instead of month or quarter)
	 * @param string|null $to exports of a range of months: the last month, like 2026-11, on or after from and at most 36 months after it
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReport, array{}>
	 * @throws ValidationException Unknown type or format, malformed or missing month, quarter or range, a range that ends before it starts or is longer than 36 months, a range for a monthly or quarterly report, unknown language
	 * @throws ForbiddenException Not a consolidator or coordinator, another organisation, or names asked for by a coordinator
	 * @throws NotFoundException Unknown pilot or organisation, or no reporting period in the month or quarter
	 *
	 * 200: Report recorded (and made, for monthly and quarterly reports that are not large)
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 40, period: 600)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/reports')]
	public function create(mixed $type, mixed $fileFormat, mixed $pilotId = null, mixed $month = null, mixed $quarter = null, mixed $language = null, mixed $withNames = null, mixed $organisationId = null, mixed $releasedOnly = null, mixed $from = null, mixed $to = null): DataResponse {
		return new DataResponse($this->reports->request($this->actors->current(), $type, $fileFormat, $pilotId, $month, $quarter, $language, $withNames, $organisationId, $releasedOnly, $from, $to));
	}

	/**
	 * List the reports, newest first
	 *
	 * Consolidators see every report; coordinators the reports they asked for.
	 *
	 * @param int|null $page page number, from 1
	 * @param int|null $limit reports per page, 1 to 100 (default 20)
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportPage, array{}>
	 * @throws ValidationException Page or limit out of range
	 * @throws ForbiddenException Not a consolidator or coordinator
	 *
	 * 200: Reports returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/reports')]
	public function index(mixed $page = null, mixed $limit = null): DataResponse {
		return new DataResponse($this->reports->list($this->actors->current(), $page, $limit));
	}

	/**
	 * Read one report: its status while it is made, its file when done, the reason when it failed
	 *
	 * @param int $id the report
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReport, array{}>
	 * @throws ForbiddenException Not a consolidator, and not the one who asked for it
	 * @throws NotFoundException Unknown report
	 *
	 * 200: Report returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/reports/{id}', requirements: ['id' => '\d+'])]
	public function show(mixed $id): DataResponse {
		return new DataResponse($this->reports->get($this->actors->current(), $id));
	}

	/**
	 * Try a failed report again
	 *
	 * Queues the report again as a background job, for the same requester and into the same
	 * report folder; the requester's right to its data is checked again first. For the one who
	 * asked for it, and for every consolidator when the schedule made it. At most 20 per user in
	 * 10 minutes.
	 *
	 * @param int $id the report
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReport, array{}>
	 * @throws ForbiddenException Not the requester (nor a consolidator, for a scheduled report), or the requester no longer has access to the report's data
	 * @throws NotFoundException Unknown report
	 * @throws ConflictException The report did not fail (it is queued, being made or ready)
	 *
	 * 200: Report queued again
	 */
	#[NoAdminRequired]
	#[UserRateLimit(limit: 20, period: 600)]
	#[ApiRoute(verb: 'POST', url: '/api/v1/reports/{id}/retry', requirements: ['id' => '\d+'])]
	public function retry(mixed $id): DataResponse {
		return new DataResponse($this->actions->retry($this->actors->current(), $id));
	}

	/**
	 * Delete a report and its file
	 *
	 * Removes the report from the list and its file from the owner's Files (into their trash
	 * bin), if the file still exists under the name the app gave it. For the one who asked for
	 * it, and for every consolidator when the schedule made it.
	 *
	 * @param int $id the report
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportDeleted, array{}>
	 * @throws ForbiddenException Not the requester (nor a consolidator, for a scheduled report)
	 * @throws NotFoundException Unknown report
	 *
	 * 200: Report deleted
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/reports/{id}', requirements: ['id' => '\d+'])]
	public function destroy(mixed $id): DataResponse {
		return new DataResponse($this->actions->delete($this->actors->current(), $id));
	}

	/**
	 * The formats reports (documents) and exports (data) can be made in; PDF only where a file conversion provider (such as Nextcloud Office) makes it
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportFormats, array{}>
	 * @throws ForbiddenException Not a consolidator or coordinator
	 *
	 * 200: Formats returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/reports/formats')]
	public function formats(): DataResponse {
		$this->checker->requireReporter($this->actors->current());
		$documents = $this->writers->documentFormats();
		return new DataResponse(['documents' => $this->pdf?->offered($documents) ?? $documents, 'exports' => $this->writers->workbookFormats()]);
	}

	/**
	 * Read the folder in your Files that reports are saved into
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportFolder, array{}>
	 * @throws ForbiddenException Not a consolidator or coordinator
	 *
	 * 200: Folder returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/reports/folder')]
	public function folder(): DataResponse {
		$actor = $this->actors->current();
		$this->checker->requireReporter($actor);
		return new DataResponse(['folder' => $this->storage->folder($actor->userId), 'default' => ReportStorage::DEFAULT_FOLDER]);
	}

	/**
	 * Choose the folder in your Files that reports are saved into
	 *
	 * Each report goes into a subfolder named after its period.
	 *
	 * @param string|null $folder a path inside your Files like "Pilot Feedback/Reports"; empty restores the default @maxLength 1000
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportFolder, array{}>
	 * @throws ValidationException A path with "..", a leading "/", or a name Nextcloud forbids
	 * @throws ForbiddenException Not a consolidator or coordinator
	 *
	 * 200: Folder saved
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/reports/folder')]
	public function setFolder(mixed $folder = null): DataResponse {
		$actor = $this->actors->current();
		$this->checker->requireReporter($actor);
		return new DataResponse(['folder' => $this->storage->setFolder($actor->userId, $folder), 'default' => ReportStorage::DEFAULT_FOLDER]);
	}
}
