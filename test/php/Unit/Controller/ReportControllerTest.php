<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Controller;

use OCA\PilotFeedback\Controller\ReportController;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCA\PilotFeedback\Report\ReportActions;
use OCA\PilotFeedback\Report\ReportRequestChecker;
use OCA\PilotFeedback\Report\ReportService;
use OCA\PilotFeedback\Report\ReportStorage;
use OCA\PilotFeedback\Report\Writer\DocumentWriter;
use OCA\PilotFeedback\Report\Writer\WorkbookWriter;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\IRequest;
use OCP\IUserManager;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The report endpoints that answer without ReportService: the formats and the report folder
 * are for those who make reports (consolidators and coordinators), never for testers; the
 * others hand the current user and the request's values to ReportService.
 */
final class ReportControllerTest extends TestCase {
	private Actor $current;
	private ReportStorage&MockObject $storage;
	private ReportService&MockObject $reports;
	private ReportActions&MockObject $actions;
	private ReportController $controller;

	protected function setUp(): void {
		$this->current = new Actor('rki-coord', coordinatorOrgIds: [1]);
		$actors = $this->createMock(ActorFactory::class);
		$actors->method('current')->willReturnCallback(fn (): Actor => $this->current);
		$writers = new WriterRegistry(
			[$this->createConfiguredMock(DocumentWriter::class, ['format' => 'odt'])],
			[$this->createConfiguredMock(WorkbookWriter::class, ['format' => 'ods']), $this->createConfiguredMock(WorkbookWriter::class, ['format' => 'csv'])],
		);
		$checker = new ReportRequestChecker(new Policy(), $writers, $this->createMock(PilotMapper::class), $this->createMock(OrganisationMapper::class), $this->createMock(ConsolidationMapper::class), $this->createMock(IUserManager::class), $this->createMock(IFactory::class), $this->createMock(PeriodMapper::class));
		$this->storage = $this->createMock(ReportStorage::class);
		$this->storage->method('folder')->willReturnCallback(static fn (string $userId): string => 'Reports of ' . $userId);
		$this->reports = $this->createMock(ReportService::class);
		$this->actions = $this->createMock(ReportActions::class);
		$this->controller = new ReportController($this->createMock(IRequest::class), $actors, $this->reports, $this->actions, $checker, $this->storage, $writers);
	}

	public function testTheFormatsAreThoseWithAWriter(): void {
		self::assertSame(['documents' => ['odt'], 'exports' => ['ods', 'csv']], $this->controller->formats()->getData());
	}

	public function testTheReportFolderIsReadAndChosenByThoseWhoMakeReports(): void {
		$this->storage->expects(self::once())->method('setFolder')->with('rki-coord', 'Berichte')->willReturn('Berichte');

		self::assertSame(['folder' => 'Reports of rki-coord', 'default' => 'Pilot Feedback/Reports'], $this->controller->folder()->getData());
		self::assertSame(['folder' => 'Berichte', 'default' => 'Pilot Feedback/Reports'], $this->controller->setFolder('Berichte')->getData());
	}

	public function testTestersGetNeitherFormatsNorAFolder(): void {
		$this->current = new Actor('rki-tester1', memberOrgIds: [1]);
		$this->storage->expects(self::never())->method('folder');
		$this->storage->expects(self::never())->method('setFolder');
		foreach ([fn () => $this->controller->formats(), fn () => $this->controller->folder(), fn () => $this->controller->setFolder('Mine')] as $call) {
			try {
				$call();
				self::fail('a tester was answered');
			} catch (ForbiddenException $e) {
				self::assertSame('Only consolidators and the coordinators of an organisation make reports.', $e->getTemplate());
			}
		}
	}

	public function testRequestsListingAndReadingGoToReportServiceAsTheCurrentUser(): void {
		$report = ['id' => 5];
		$this->reports->expects(self::once())->method('request')->with($this->current, 'export', 'csv', 7, null, '2026-Q4', 'de', true, 1)->willReturn($report);
		$this->reports->expects(self::once())->method('list')->with($this->current, 2, 10)->willReturn(['reports' => [], 'total' => 0, 'page' => 2, 'limit' => 10]);
		$this->reports->expects(self::once())->method('get')->with($this->current, '5')->willReturn($report);

		self::assertSame($report, $this->controller->create('export', 'csv', 7, null, '2026-Q4', 'de', true, 1)->getData());
		self::assertSame(2, $this->controller->index(2, 10)->getData()['page']);
		self::assertSame($report, $this->controller->show('5')->getData());
	}

	public function testRetryingAndDeletingGoToReportActionsAsTheCurrentUser(): void {
		$this->actions->expects(self::once())->method('retry')->with($this->current, '5')->willReturn(['id' => 5]);
		$this->actions->expects(self::once())->method('delete')->with($this->current, '6')->willReturn(['id' => 6, 'fileRemoved' => true]);

		self::assertSame(['id' => 5], $this->controller->retry('5')->getData());
		self::assertSame(['id' => 6, 'fileRemoved' => true], $this->controller->destroy('6')->getData());
	}

	public function testMakingReportsIsRateLimitedPerUserFarAboveWhatAPersonAsksFor(): void {
		foreach (['create' => [40, 600], 'retry' => [20, 600]] as $method => [$limit, $period]) {
			$attributes = (new \ReflectionMethod(ReportController::class, $method))->getAttributes(UserRateLimit::class);
			self::assertCount(1, $attributes, $method);
			$rate = $attributes[0]->newInstance();
			self::assertSame([$limit, $period], [$rate->getLimit(), $rate->getPeriod()], $method);
		}
	}
}
