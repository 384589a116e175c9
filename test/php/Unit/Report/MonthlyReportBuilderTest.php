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
use OCA\PilotFeedback\Report\Commentary\CommentaryService;
use OCA\PilotFeedback\Report\Commentary\ReportCommentary;
use OCA\PilotFeedback\Report\ManagementSummarySection;
use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\MonthlyReportBuilder;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Settings\SettingsService;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
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
	private CommentaryService&MockObject $commentary;
	/** @var list<array{componentId: int, type: string, priority: string, status: string, count: int}> items filed or changed, as ItemsOverviewService counts them */
	private array $changed = [];
	/** @var array<int, int> open critical and high items per component, as ItemsOverviewService counts them */
	private array $urgent = [];
	/** What the ministry wrote, as CommentaryService answers */
	private ReportCommentary $words;
	/** @var list<array{int, string}> pilot and period the commentary was asked for */
	private array $commentaryAsked = [];
	/** @var list<bool> what each consolidation scope was asked with */
	private array $releasedOnlyAsked = [];
	private MonthlyReportBuilder $builder;
	private Actor $actor;

	protected function setUp(): void {
		$this->actor = new Actor('bmi', isConsolidator: true);
		$this->words = new ReportCommentary();
		$this->consolidation = $this->createMock(ConsolidationService::class);
		$this->consolidation->method('scope')->willReturnCallback(function (Actor $actor, int $pilotId, mixed $month, mixed $quarter, string $from, string $to, bool $releasedOnly): ConsolidationScope {
			$this->releasedOnlyAsked[] = $releasedOnly;
			if ($from === '2026-10') {
				throw new NotFoundException('There is no reporting period from %1$s to %2$s.', [$from, $to]);
			}
			return new ConsolidationScope($pilotId, MonthRange::between($from, $to), $releasedOnly, null, [1, 2], [1, 2], ScopePeriods::of(MonthRange::between($from, $to)));
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
		$items->method('filedOrChangedCounts')->willReturnCallback(fn (): array => $this->changed);
		$items->method('openUrgentCounts')->willReturnCallback(fn (): array => $this->urgent);
		$items->method('overview')->willReturn([
			'pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']],
			'counts' => [], 'organisations' => [], 'openUrgent' => [], 'perMonth' => [['month' => '2026-11', 'filed' => 0, 'closed' => 0]],
			'ranking' => [], 'rankingWeights' => ['low' => 1, 'medium' => 2, 'high' => 4, 'critical' => 8],
		]);
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('organisation')->willReturn('Robert Koch-Institut');
		$labels->method('component')->willReturn('Nextcloud');
		$labels->method('criterion')->willReturn('Usability');
		$labels->method('pilot')->willReturn('PoC 1');
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
		$settings = $this->createMock(SettingsService::class);
		$settings->method('trafficLight')->willReturn(['green' => 4.0, 'amber' => 3.0]);
		$this->commentary = $this->createMock(CommentaryService::class);
		$this->commentary->method('forReport')->willReturnCallback(function (int $pilotId, string $period): ReportCommentary {
			$this->commentaryAsked[] = [$pilotId, $period];
			return $this->words;
		});
		$this->builder = new MonthlyReportBuilder($this->consolidation, $items, $labels, $pilots, $factory, $apps, $time, new ManagementSummarySection($labels, $settings), $this->commentary);
	}

	/** @return array{componentId: int, assessments: int, overall: array{mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}, criteria: list<array{criterionId: int, mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}>} */
	private static function component(?float $mean, int $n): array {
		$stats = ['mean' => $mean, 'n' => $n, 'sum' => (int)round(($mean ?? 0) * $n), 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 0];
		return ['componentId' => 1, 'assessments' => $n, 'overall' => $stats, 'criteria' => [['criterionId' => 4, ...$stats]]];
	}

	private function build(bool $releasedOnly = false): Document {
		return $this->builder->build($this->actor, new ReportRequest(ReportRequest::MONTHLY, 7, '2026-11', 'odt', 'en', false, null, $releasedOnly));
	}

	/** The table with this caption. */
	private static function table(Document $document, string $caption): Table {
		foreach ($document->blocks as $block) {
			if ($block instanceof Table && $block->caption === $caption) {
				return $block;
			}
		}
		self::fail('No table "' . $caption . '"');
	}

	/** @return list<string> the texts of paragraphs and headings, in order */
	private static function texts(Document $document): array {
		$texts = [];
		foreach ($document->blocks as $block) {
			if ($block instanceof Paragraph || $block instanceof Heading) {
				$texts[] = $block->text;
			}
		}
		return $texts;
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
		$this->assertContains(['Nextcloud', 'Overall score', 3.5, 2, null, 0, null], self::table($document, 'Mean score and n per component and criterion')->rows);
	}

	public function testTheManagementSummaryComesBeforeTheMethodWithLightChangeAndUrgentItems(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(3.5, 2)], 'organisations' => []]);
		$document = $this->build();
		$texts = self::texts($document);
		$this->assertLessThan(array_search('Method', $texts, true), array_search('Management summary', $texts, true));
		$summary = self::table($document, 'Management summary of PoC 1 in 2026-11');
		// October has no period: the change is "new"; 3.5 is amber with the default thresholds
		$this->assertSame([['Nextcloud', 3.5, 2, null, 'new', '▲ amber', 0]], $summary->rows);
		$this->assertContains('0 of 1 components green, 1 amber, 0 red; open critical or high items: 0.', $texts);
	}

	public function testItemsFiledOrChangedAreCountedByPriorityAndStatusAndUrgentOnesInTheSummary(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(2.5, 3)], 'organisations' => []]);
		$this->changed = [
			['componentId' => 1, 'type' => 'defect', 'priority' => 'high', 'status' => 'in_progress', 'count' => 2],
			['componentId' => 1, 'type' => 'requirement', 'priority' => 'high', 'status' => 'done', 'count' => 1],
		];
		$this->urgent = [1 => 2];
		$document = $this->build();
		$table = self::table($document, 'Items filed or changed (a new status) in the period, by priority and their current status');
		// rows: critical, high, medium, low; columns: priority, the nine statuses, total
		$this->assertSame(3, $table->rows[1][10]);
		$this->assertSame([['Nextcloud', 2.5, 3, null, 'new', '■ red', 2]], self::table($document, 'Management summary of PoC 1 in 2026-11')->rows);
		$this->assertContains('0 of 1 components green, 0 amber, 1 red; open critical or high items: 2.', self::texts($document));
	}

	public function testReleasedOnlyReachesEveryScopeTheTitlePageAndTheMethod(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => true, 'components' => [self::component(4.0, 1)], 'organisations' => []]);
		$document = $this->build(true);
		$this->assertNotSame([], $this->releasedOnlyAsked);
		$this->assertSame([true], array_values(array_unique($this->releasedOnlyAsked)));
		$this->assertContains('Figures: released feedback only', $document->titlePage->lines);
		$this->assertStringContainsString('released for each month', implode(' ', self::texts($document)));

		$this->releasedOnlyAsked = [];
		$all = $this->build(false);
		$this->assertSame([false], array_values(array_unique($this->releasedOnlyAsked)));
		$this->assertContains('Figures: all feedback, released or not', $all->titlePage->lines);
	}

	public function testTheMinistrysWordsOpenThePilotAndFollowTheRatingsMarkedAsItsOwn(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(4.0, 1)], 'organisations' => []]);
		$this->words = new ReportCommentary("The month went **well**.\n\n- fewer crashes\n- <b>faster</b> sync", [1 => 'Keep _going_.']);
		$texts = self::texts($this->build());
		$this->assertSame([[7, '2026-11']], $this->commentaryAsked);
		$foreword = array_search('Foreword of the coordinating ministry', $texts, true);
		$this->assertIsInt($foreword);
		$this->assertSame(['The month went well.', '• fewer crashes', '• faster sync'], array_slice($texts, $foreword + 1, 3));
		$comments = array_search('Comments of the coordinating ministry', $texts, true);
		$this->assertGreaterThan($foreword, $comments);
		$this->assertSame(['Nextcloud: comment of the coordinating ministry', 'Keep going.'], array_slice($texts, $comments + 1, 2));
		$this->assertStringNotContainsString('<b>', implode(' ', $texts));
	}

	public function testNoUserIdReachesTheDocument(): void {
		$this->consolidation->method('results')->willReturn(['pilotId' => 7, 'range' => ['from' => '2026-11', 'to' => '2026-11', 'months' => ['2026-11']], 'releasedOnly' => false, 'components' => [self::component(4.0, 1)], 'organisations' => []]);
		$this->assertStringNotContainsString('rki-coord', serialize($this->build()));
	}
}
