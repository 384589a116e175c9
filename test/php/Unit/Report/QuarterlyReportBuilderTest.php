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
use OCA\PilotFeedback\Report\QuarterlyReportBuilder;
use OCA\PilotFeedback\Report\ReportLabels;
use OCA\PilotFeedback\Report\ReportRequest;
use OCA\PilotFeedback\Settings\SettingsService;
use OCA\PilotFeedback\Tests\Unit\ScopePeriods;
use OCP\App\IAppManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IL10N;
use OCP\L10N\IFactory;
use PHPUnit\Framework\TestCase;

/**
 * The quarterly report opens with the management summary against the previous quarter (the
 * admin's thresholds), and places the ministry's comment on a component after that
 * component's trend; a comment on a component without a trend still appears.
 */
final class QuarterlyReportBuilderTest extends TestCase {
	public function testSummaryAgainstThePreviousQuarterAndCommentsBesideTheTrend(): void {
		$actor = new Actor('bmi', isConsolidator: true);
		$consolidation = $this->createMock(ConsolidationService::class);
		$consolidation->method('scope')->willReturnCallback(static fn (Actor $a, int $pilotId, mixed $m, mixed $q, string $from, string $to, bool $released): ConsolidationScope => new ConsolidationScope($pilotId, MonthRange::between($from, $to), $released, null, [1], [1], ScopePeriods::of(MonthRange::between($from, $to))));
		$result = static fn (int $id, ?float $mean, int $n): array => ['componentId' => $id, 'assessments' => $n, 'overall' => ['mean' => $mean, 'n' => $n, 'sum' => 0, 'distribution' => [0, 0, 0, 0, 0], 'notAssessed' => 0], 'criteria' => []];
		$consolidation->method('results')->willReturnCallback(static fn (Actor $a, ConsolidationScope $scope): array => [
			'pilotId' => 7, 'range' => ['from' => $scope->range->from, 'to' => $scope->range->to, 'months' => $scope->range->months()], 'releasedOnly' => false, 'organisations' => [],
			// Q4 against Q3: component 1 improves from 3.9 to 4.2, component 2 has no score in Q4
			'components' => $scope->range->from === '2026-10' ? [$result(1, 4.2, 6), $result(2, null, 0)] : [$result(1, 3.9, 5), $result(2, 2.0, 1)],
		]);
		$consolidation->method('trend')->willReturn([
			'pilotId' => 7, 'range' => ['from' => '2026-10', 'to' => '2026-12', 'months' => ['2026-10', '2026-11', '2026-12']], 'releasedOnly' => false, 'organisationId' => null, 'lowRatingThreshold' => 3,
			'series' => [
				['componentId' => 1, 'criterionId' => null, 'points' => [['month' => '2026-10', 'mean' => 4.0, 'n' => 2, 'lowN' => true], ['month' => '2026-11', 'mean' => 4.5, 'n' => 4, 'lowN' => false], ['month' => '2026-12', 'mean' => null, 'n' => 0, 'lowN' => true]]],
				['componentId' => 2, 'criterionId' => null, 'points' => [['month' => '2026-10', 'mean' => null, 'n' => 0, 'lowN' => true], ['month' => '2026-11', 'mean' => null, 'n' => 0, 'lowN' => true], ['month' => '2026-12', 'mean' => null, 'n' => 0, 'lowN' => true]]],
			],
		]);
		$items = $this->createMock(ItemsOverviewService::class);
		$items->method('overview')->willReturn([
			'pilotId' => 7, 'range' => ['from' => '2026-10', 'to' => '2026-12', 'months' => ['2026-10', '2026-11', '2026-12']],
			'counts' => [], 'organisations' => [], 'openUrgent' => [], 'perMonth' => [], 'ranking' => [], 'rankingWeights' => ['low' => 1, 'medium' => 2, 'high' => 4, 'critical' => 8],
		]);
		$items->method('openUrgentCounts')->willReturn([2 => 1]);
		$labels = $this->createMock(ReportLabels::class);
		$labels->method('component')->willReturnCallback(static fn (int $id): string => $id === 1 ? 'Nextcloud' : 'Jitsi');
		$labels->method('pilot')->willReturn('PoC 1');
		$pilot = new Pilot();
		$pilot->setId(7);
		$pilot->setTitle('PoC 1');
		$pilots = $this->createMock(PilotMapper::class);
		$pilots->method('get')->willReturn($pilot);
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array $params = []): string => vsprintf($text, $params));
		$l->method('getLanguageCode')->willReturn('en');
		$factory = $this->createMock(IFactory::class);
		$factory->method('get')->willReturn($l);
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn((int)gmmktime(12, 0, 0, 1, 10, 2027));
		$settings = $this->createMock(SettingsService::class);
		$settings->method('trafficLight')->willReturn(['green' => 4.5, 'amber' => 3.5]);
		$commentary = $this->createMock(CommentaryService::class);
		$commentary->method('forReport')->willReturn(new ReportCommentary(null, [1 => 'Stable *all* quarter.', 2 => 'No testers this quarter.']));

		$builder = new QuarterlyReportBuilder($consolidation, $items, $labels, $pilots, $factory, $this->createMock(IAppManager::class), $time, new ManagementSummarySection($labels, $settings), $commentary);
		$document = $builder->build($actor, new ReportRequest(ReportRequest::QUARTERLY, 7, '2026-Q4', 'odt', 'en', false, null, true));

		$texts = self::texts($document);
		$this->assertContains('Per component: the mean overall score of the period with n, its change against 2026-Q3, a traffic light and the open critical and high items.', $texts);
		$this->assertStringContainsString('green from a mean of 4.5, ▲ amber from 3.5', implode(' ', $texts));
		$summary = null;
		foreach ($document->blocks as $block) {
			if ($block instanceof Table && $block->caption === 'Management summary of PoC 1 in 2026-Q4') {
				$summary = $block;
			}
		}
		$this->assertNotNull($summary);
		// 4.2 is below the admin's green (4.5): amber; +0.3 improved; Jitsi has no score
		$this->assertSame([
			['Nextcloud', 4.2, 6, 0.3, 'improved ↑', '▲ amber', 0],
			['Jitsi', null, 0, null, 'no comparison', '○ no data', 1],
		], $summary->rows);
		$this->assertContains('0 of 2 components green, 1 amber, 0 red, 1 without data; open critical or high items: 1.', $texts);
		$this->assertContains('Figures: released feedback only', $document->titlePage->lines);

		// Nextcloud's comment follows its trend chart; Jitsi (no trend) gets the comment afterwards
		$chart = array_search(true, array_map(static fn ($b): bool => $b instanceof Chart && $b->kind === 'line', $document->blocks), true);
		$this->assertIsInt($chart);
		$after = array_slice($document->blocks, $chart + 1, 2);
		$this->assertEquals([new Heading('Nextcloud: comment of the coordinating ministry', 4), new Paragraph('Stable all quarter.')], $after);
		$this->assertContains('Jitsi: comment of the coordinating ministry', $texts);
		$this->assertContains('No testers this quarter.', $texts);
	}

	/** @return list<string> */
	private static function texts(Document $document): array {
		$texts = [];
		foreach ($document->blocks as $block) {
			if ($block instanceof Paragraph || $block instanceof Heading) {
				$texts[] = $block->text;
			}
		}
		return $texts;
	}
}
