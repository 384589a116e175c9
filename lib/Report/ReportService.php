<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\BackgroundJob\GenerateReportJob;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Db\ReportMapper;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Notification\ReportNotifier;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJobList;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use OCP\Notification\IManager as INotificationManager;
use Psr\Log\LoggerInterface;

/**
 * Reports and data exports [Berichte]: checks a request, records it (pf_reports), makes the
 * file and saves it into the requester's Files, and tells the requester when it is ready or
 * why it failed. Documents (monthly, quarterly) are made during the request, since they hold
 * aggregated figures only; data exports, which grow with the data, always run as a
 * background job (GenerateReportJob).
 *
 * Who: consolidators (everything; tester names in exports on explicit request, logged) and
 * coordinators (their own organisation's data, pseudonymised). Testers: nothing.
 *
 * @psalm-import-type PilotFeedbackReport from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportPage from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportService {
	public const MAX_LIMIT = 100;

	public function __construct(
		private Policy $policy,
		private ReportMapper $reports,
		private PilotMapper $pilots,
		private OrganisationMapper $organisations,
		private ConsolidationMapper $consolidationMapper,
		private WriterRegistry $writers,
		private MonthlyReportBuilder $monthly,
		private QuarterlyReportBuilder $quarterly,
		private ExportService $exports,
		private ReportStorage $storage,
		private ReportLabels $labels,
		private ActorFactory $actors,
		private IUserManager $userManager,
		private IJobList $jobList,
		private INotificationManager $notifications,
		private IFactory $l10nFactory,
		private IL10N $l10n,
		private ITimeFactory $time,
		private LoggerInterface $logger,
		private IEventDispatcher $dispatcher,
	) {
	}

	/**
	 * Checks and records a request; a document is made at once, an export is queued.
	 *
	 * @return PilotFeedbackReport
	 */
	public function request(Actor $actor, mixed $type, mixed $format, mixed $pilotId, mixed $month, mixed $quarter, mixed $language, mixed $withNames, mixed $organisationId): array {
		$request = $this->check($actor, $type, $format, $pilotId, $month, $quarter, $language, $withNames, $organisationId);
		$report = $this->record($request, $actor->userId, Report::ORIGIN_REQUEST);
		if ($request->withNames) {
			$this->logger->info('Pilot Feedback: {user} asked for report {id} ({type}, {period}, pilot {pilot}, {format}) with tester names', [
				'app' => Application::APP_ID,
				'user' => $actor->userId,
				'id' => $report->getId(),
				'type' => $request->type,
				'period' => $request->period,
				'pilot' => $request->pilotId ?? 'all',
				'format' => $request->format,
			]);
		}
		if ($request->type === ReportRequest::EXPORT) {
			$this->jobList->add(GenerateReportJob::class, ['reportId' => $report->getId()]);
		} else {
			$report = $this->generate($report->getId());
		}
		return $this->present($report);
	}

	/**
	 * Records a report the cadence makes for a consolidator (already checked by the caller).
	 */
	public function record(ReportRequest $request, string $userId, string $origin): Report {
		$report = new Report();
		$report->setType($request->type);
		$report->setPilotId($request->pilotId);
		$report->setOrgId($request->organisationId);
		$report->setPeriod($request->period);
		$report->setFormat($request->format);
		$report->setLanguage($request->language);
		$report->setPseudonymised(!$request->withNames);
		$report->setOrigin($origin);
		$report->setRequestedBy($userId);
		$report->setFolder($this->storage->folder($userId));
		$report->setStatus(Report::STATUS_QUEUED);
		$report->setCreatedAt($this->time->getTime());
		return $this->reports->insert($report);
	}

	/**
	 * The reports the actor may see, newest first: consolidators every report, coordinators
	 * their own.
	 *
	 * @return PilotFeedbackReportPage
	 */
	public function list(Actor $actor, mixed $page, mixed $limit): array {
		$this->requireReporter($actor);
		$page = $page === null || $page === '' ? 1 : Validator::intInRange($page, 'Page', 1, 100000);
		$limit = $limit === null || $limit === '' ? 20 : Validator::intInRange($limit, 'Limit', 1, self::MAX_LIMIT);
		$owner = $actor->isConsolidator ? null : $actor->userId;
		return [
			'reports' => array_map($this->present(...), $this->reports->findPage($owner, ($page - 1) * $limit, $limit)),
			'total' => $this->reports->count($owner),
			'page' => $page,
			'limit' => $limit,
		];
	}

	/** @return PilotFeedbackReport */
	public function get(Actor $actor, mixed $id): array {
		$this->requireReporter($actor);
		$report = $this->reports->get(Validator::id($id, 'Report'));
		$this->policy->require($actor->isConsolidator || $report->getRequestedBy() === $actor->userId, 'You may see the reports you asked for only.');
		return $this->present($report);
	}

	/**
	 * Makes a recorded report and saves it; records and tells the requester the outcome.
	 * A report that is not queued (made already, or being made) is left alone.
	 */
	public function generate(int $reportId): Report {
		$report = $this->reports->get($reportId);
		if ($report->getStatus() !== Report::STATUS_QUEUED) {
			return $report;
		}
		$report->setStatus(Report::STATUS_RUNNING);
		$report = $this->reports->update($report);
		try {
			$user = $this->userManager->get($report->getRequestedBy());
			if ($user === null) {
				throw new ReportFailedException('The account %1$s that asked for the report no longer exists.', [$report->getRequestedBy()]);
			}
			$actor = $this->actors->forUser($user);
			$this->requireReporter($actor);
			$request = new ReportRequest($report->getType(), $report->getPilotId(), $report->getPeriod(), $report->getFormat(), $report->getLanguage(), !($report->getPseudonymised() ?? true), $report->getOrgId());
			$this->policy->require(!$request->withNames || $actor->isConsolidator, 'Only consolidators may ask for tester names.');
			$folder = $report->getFolder() . '/' . $request->period;
			$name = $this->storage->fileName($this->fileTitle($request), $request->format);
			$file = $this->storage->save($user->getUID(), $folder, $name, function ($stream) use ($actor, $request): void {
				$this->write($actor, $request, $stream);
			});
			$report->setStatus(Report::STATUS_DONE);
			$report->setFileId($file->getId());
			$report->setFileName($file->getName());
			$report->setFinishedAt($this->time->getTime());
			$report = $this->reports->update($report);
			$this->notifyReady($report, $report->getRequestedBy());
			$this->dispatcher->dispatchTyped(new ReportGenerated($report));
			return $report;
		} catch (DomainError|ReportFailedException $e) {
			return $this->fail($report, $e->getTemplate(), $e->getParams());
		} catch (\Throwable $e) {
			$this->logger->error('Report ' . $reportId . ' failed', ['exception' => $e, 'app' => Application::APP_ID]);
			return $this->fail($report, 'The report could not be made because of an unexpected error; the administrator finds the details in the Nextcloud log.', []);
		}
	}

	/** Tells a user (another consolidator, for the cadence) that a report is ready. */
	public function notifyReady(Report $report, string $userId): void {
		$notification = $this->notifications->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($userId)
			->setDateTime($this->time->getDateTime())
			->setObject(ReportNotifier::OBJECT_TYPE, (string)$report->getId())
			->setSubject(ReportNotifier::SUBJECT_READY, [
				'reportId' => $report->getId(),
				'fileId' => $report->getFileId(),
				'fileName' => (string)$report->getFileName(),
				'path' => $report->getFolder() . '/' . $report->getPeriod() . '/' . (string)$report->getFileName(),
			]);
		$this->notifications->notify($notification);
	}

	/**
	 * Checks a request as the actor: type, format, pilot, period, language, names and organisation.
	 */
	public function check(Actor $actor, mixed $type, mixed $format, mixed $pilotId, mixed $month, mixed $quarter, mixed $language, mixed $withNames, mixed $organisationId): ReportRequest {
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
		} else {
			$this->writers->document($format);
		}
		$period = $this->period($type, $month, $quarter);

		$pilot = Validator::optionalId($pilotId, 'Pilot');
		if ($pilot !== null) {
			try {
				$this->pilots->get($pilot);
			} catch (NotFoundException) {
				throw new NotFoundException('No pilot with id %1$s exists.', [(string)$pilot]);
			}
		}
		$org = $this->organisation($actor, $organisationId);
		$range = str_contains($period, '-Q') ? MonthRange::quarter($period) : MonthRange::fromRequest($period, null, null, null);
		if ($this->consolidationMapper->periodsIn($range) === []) {
			throw new NotFoundException('There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', [$range->from, $range->to]);
		}
		return new ReportRequest($type, $pilot, $period, $format, $this->language($actor, $language), $names, $org);
	}

	/** @param resource $stream */
	private function write(Actor $actor, ReportRequest $request, $stream): void {
		if ($request->type === ReportRequest::EXPORT) {
			$organisationIds = $request->organisationId !== null ? [$request->organisationId] : ($actor->isConsolidator ? null : $actor->coordinatorOrgIds);
			$this->writers->workbook($request->format)->write($this->exports->workbook($actor, $request, $organisationIds), $stream);
			return;
		}
		$builder = $request->type === ReportRequest::MONTHLY ? $this->monthly : $this->quarterly;
		$this->writers->document($request->format)->write($builder->build($actor, $request), $stream);
	}

	private function fileTitle(ReportRequest $request): string {
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

	/** @param list<string> $params */
	private function fail(Report $report, string $template, array $params): Report {
		$report->setStatus(Report::STATUS_FAILED);
		$report->setError(json_encode(['template' => $template, 'params' => $params], JSON_THROW_ON_ERROR));
		$report->setFinishedAt($this->time->getTime());
		$report = $this->reports->update($report);
		$notification = $this->notifications->createNotification();
		$notification->setApp(Application::APP_ID)
			->setUser($report->getRequestedBy())
			->setDateTime($this->time->getDateTime())
			->setObject(ReportNotifier::OBJECT_TYPE, (string)$report->getId())
			->setSubject(ReportNotifier::SUBJECT_FAILED, ['reportId' => $report->getId(), 'template' => $template, 'params' => $params]);
		$this->notifications->notify($notification);
		return $report;
	}

	private function period(string $type, mixed $month, mixed $quarter): string {
		$given = static fn (mixed $v): bool => $v !== null && $v !== '';
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
		if ($given($month) === $given($quarter)) {
			throw new ValidationException('An export covers a month or a quarter: send either month=YYYY-MM or quarter=YYYY-Qn.');
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

	/** @throws ForbiddenException for testers and everyone else who sees no consolidated figures */
	public function requireReporter(Actor $actor): void {
		$this->policy->require($this->policy->canViewConsolidation($actor), 'Only consolidators and the coordinators of an organisation make reports.');
	}

	/** @return PilotFeedbackReport */
	private function present(Report $report): array {
		$error = null;
		$stored = $report->getError();
		if ($stored !== null) {
			/** @var array{template?: string, params?: list<string>} $decoded */
			$decoded = json_decode($stored, true) ?: [];
			$error = $this->l10n->t($decoded['template'] ?? 'The report could not be made.', $decoded['params'] ?? []);
		}
		$status = $report->getStatus();
		$type = $report->getType();
		$fileName = $report->getFileName();
		return [
			'id' => $report->getId(),
			'type' => in_array($type, ['monthly', 'quarterly'], true) ? $type : 'export',
			'pilotId' => $report->getPilotId(),
			'organisationId' => $report->getOrgId(),
			'period' => $report->getPeriod(),
			'format' => $report->getFormat(),
			'language' => $report->getLanguage(),
			'pseudonymised' => $report->getPseudonymised() ?? true,
			'origin' => $report->getOrigin() === Report::ORIGIN_CADENCE ? 'cadence' : 'request',
			'requestedBy' => $report->getRequestedBy(),
			'requestedByName' => $this->userManager->getDisplayName($report->getRequestedBy()) ?? $report->getRequestedBy(),
			'status' => in_array($status, ['queued', 'running', 'done'], true) ? $status : 'failed',
			'error' => $error,
			'fileId' => $report->getFileId(),
			'fileName' => $report->getFileName(),
			'path' => $fileName === null ? null : $report->getFolder() . '/' . $report->getPeriod() . '/' . $fileName,
			'createdAt' => $report->getCreatedAt(),
			'finishedAt' => $report->getFinishedAt(),
		];
	}
}
