<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\ConsolidationScope;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\MonthlyReportBuilder;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportRequest;
use OCP\App\IAppManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IL10N;
use OCP\L10N\IFactory;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * The monthly status report takes its figures from the consolidation services: a month
 * without ratings says so, a month that has not ended is marked preliminary, and no user id
 * (such as who released the month) reaches the document.
 */
final class MonthlyReportBuilderTest extends TestCase {
	private ConsolidationService&MockObject $consolidation;
	private MonthlyReportBuilder $builder;
	private Actor $actor;

	protected function setUp(): void {
		$this->actor = new Actor('bmi', isConsolidator: true);
		$this->consolidation = $this->createMock(ConsolidationService::class);
		$this->consolidation->method('scope')->willReturnCallback(static function (Actor $actor, int $pilotId, mixed $month, mixed $quarter, string $from, string $to): ConsolidationScope {
			if ($from === '2026-10') {
				throw new NotFoundException('There is no reporting period from %1$s to %2$s.', [$from, $to]);
			}
			return new ConsolidationScope($pilotId, MonthRange::between($from, $to), false, null, [1, 2]);
		});
		$this->consolidation->method('participation')->willReturn([
			'pilotId' => 7,
			'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']],
			'releasedOnly' => false,
			'componentsInPilot' => 1,
			'rows' => [[
				'organisationId' => 1, 'month' => '2026-11', 'periodId' => 3, 'testers' => 2, 'testersWithAssessment' => 1,
				'componentsRated' => 1, 'assessments' => 1, 'release' => ['userId' => 'rki-coord', 'releasedAt' => 1_795_000_000],
			]],
		]);
		$items = $this->createMock(ItemsOverviewService::class);
		$items->method('overview')->willReturn([
			'pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']],
			'counts' => [], 'organisations' => [], 'openUrgent' => [], 'perMonth' => [['month' => '2026-11', 'filed' => 0, 'closed' => 0]],
			'ranking' => [], 'rankingWeights' => ['low' => 1, 'medium' => 2, 'high' => 4, 'critical' => 8],
		]);
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('organisation')->willReturn('Robert Koch-Institut');
		$labels->method('component')->willReturn('Nextcloud');
		$labels->method('criterion')->willReturn('Usability');
		$pilot = new Pilot();
		$pilot->setId(7);
		$pilot->setTitle('PoC 1');
		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('get')->willReturn($pilot);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $params = []): string => vsprintf($text, $params));
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$apps = $this->createMock(IAppManager::class);
		$apps->method('getAppVersion')->willReturn('0.2.0');
		$time = $this->createMock(ITimeFactory::class);
		// 2026-11-20: November has not ended.
		$time->method('getTime')->willReturn((int)gmmktime(12, 0, 0, 11, 20, 2026));
		$this->builder = new MonthlyReportBuilder($this->consolidation, $items, $labels, $pilots, $factory, $apps, $time);
	}

	/** @return array{componentId: int, assessments: int, overall: array{mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}, criteria: list<array{criterionId: int, mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}>} */
	private static function component(?float $mean, int $n): array {
		$stats = ['mean' => $mean, 'n' => $n, 'sum' => (int)round(($mean ?? 0) * $n), 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 0];
		return ['componentId' => 1, 'assessments' => $n, 'overall' => $stats, 'criteria' => [['criterionId' => 4, ...$stats]]];
	}

	private function build(): Document {
		return $this->builder->build($this->actor, new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'odt', 'en', false, null));
	}

	/** @return list<string> */
	private static function paragraphs(Document $document): array {
		return array_values(array_map(static fn (Paragraph $p): string => $p->text, array_filter($document->blocks, static fn ($b): bool => $b instanceof Paragraph)));
	}

	public function testAMonthWithoutRatingsSaysSoAndIsMarkedPreliminary(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(null, 0)], 'organisations' => []]);
		$document = $this->build();
		$this->assertNotNull($document->titlePage->mark);
		$this->assertStringContainsString('Preliminary', (string)$document->titlePage->mark);
		$this->assertContains('There are no ratings in 2026-11.', self::paragraphs($document));
		$this->assertSame([], array_filter($document->blocks, static fn ($b): bool => $b instanceof Chart));
	}

	public function testRatingsGetABarChartAgainstThePreviousMonthAndATable(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(3.5, 2)], 'organisations' => []]);
		$document = $this->build();
		$charts = array_values(array_filter($document->blocks, static fn ($b): bool => $b instanceof Chart));
		$this->assertCount(1, $charts);
		$this->assertSame('bar', $charts[0]->kind);
		$this->assertNotSame('', $charts[0]->altText);
		$this->assertSame(['2026-11', '2026-10'], array_map(static fn ($s): string => $s->name, $charts[0]->series));
		$this->assertSame([3.5], $charts[0]->series[0]->values);
		$tables = array_values(array_filter($document->blocks, static fn ($b): bool => $b instanceof Table));
		$this->assertContains(['Nextcloud', 'Overall score', 3.5, 2, null, 0, null], $tables[1]->rows);
	}

	public function testNoUserIdReachesTheDocument(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(4.0, 1)], 'organisations' => []]);
		$this->assertStringNotContainsString('rki-coord', serialize($this->build()));
	}
}
