<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Month;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\Report;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\QueryBuilder\ICompositeExpression;
use OCP\DB\QueryBuilder\IExpressionBuilder;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\DB\QueryBuilder\IQueryFunction;
use OCP\IDBConnection;
use PHPUnit\Framework\TestCase;

/**
 * The records the start page's tests share: RKI (1, coordinated by rki-coord), BSH (2,
 * bsh-coord) and ZIT (3, without coordinator); the open period 2026-11 (5) and the earlier
 * ones 2026-10 (4) and 2026-09 (3); today is 2026-11-20.
 */
abstract class MonthTestCase extends TestCase {
	/** 2026-11-20 12:00 UTC */
	protected const NOW = 1795694400;

	protected static function period(int $id, string $month, string $status = 'open'): Period {
		$period = new Period();
		$period->setId($id);
		$period->setMonth($month);
		$period->setStatus($status);
		return $period;
	}

	protected static function organisation(int $id, string $name, string $shortName): Organisation {
		$organisation = new Organisation();
		$organisation->setId($id);
		$organisation->setName($name);
		$organisation->setShortName($shortName);
		$organisation->setArchived(false);
		return $organisation;
	}

	protected static function pilot(int $id, string $title): Pilot {
		$pilot = new Pilot();
		$pilot->setId($id);
		$pilot->setTitle($title);
		$pilot->setStatus('active');
		return $pilot;
	}

	protected static function component(int $id, string $name): Component {
		$component = new Component();
		$component->setId($id);
		$component->setName($name);
		return $component;
	}

	protected static function assessment(int $componentId, bool $rated, int $pilotId = 10): Assessment {
		$assessment = new Assessment();
		$assessment->setPilotId($pilotId);
		$assessment->setComponentId($componentId);
		$assessment->setRated($rated ? 1 : 0);
		return $assessment;
	}

	protected static function release(int $orgId, int $periodId, string $userId): Release {
		$release = new Release();
		$release->setOrgId($orgId);
		$release->setPeriodId($periodId);
		$release->setUserId($userId);
		$release->setReleasedAt(self::NOW - 3600);
		return $release;
	}

	protected static function item(int $id, string $type, int $orgId, string $reporterId, string $status = 'new', int $priority = 2): Item {
		$item = new Item();
		$item->setId($id);
		$item->setType($type);
		$item->setTitle('Item ' . $id);
		$item->setOrgId($orgId);
		$item->setReporterId($reporterId);
		$item->setConfidential($type === 'security');
		$item->setStatus($status);
		$item->setPriority($priority);
		$item->setComponentId(100);
		$item->setPilotId(10);
		$item->setCreatedAt(self::NOW - 86400);
		$item->setUpdatedAt(self::NOW - 3600);
		return $item;
	}

	protected static function report(int $id, string $status, int $createdAt): Report {
		$report = new Report();
		$report->setId($id);
		$report->setStatus($status);
		$report->setCreatedAt($createdAt);
		return $report;
	}

	/** A clock at NOW. */
	protected function time(): ITimeFactory {
		$time = $this->createMock(ITimeFactory::class);
		$time->method('getTime')->willReturn(self::NOW);
		$time->method('getDateTime')->willReturnCallback(static fn (string $when = 'now', ?\DateTimeZone $zone = null): \DateTime => $when === 'today'
			? new \DateTime('2026-11-20', $zone)
			: (new \DateTime('@' . self::NOW))->setTimezone($zone ?? new \DateTimeZone('UTC')));
		return $time;
	}

	/** A database whose query builders take any query (the mapper that runs it is mocked). */
	protected function db(): IDBConnection {
		$db = $this->createMock(IDBConnection::class);
		$db->method('getQueryBuilder')->willReturnCallback(function (): IQueryBuilder {
			$qb = $this->createMock(IQueryBuilder::class);
			foreach (['select', 'from', 'where', 'andWhere', 'orderBy', 'addOrderBy', 'setMaxResults'] as $chained) {
				$qb->method($chained)->willReturnSelf();
			}
			$expr = $this->createMock(IExpressionBuilder::class);
			$expr->method('orX')->willReturn($this->createMock(ICompositeExpression::class));
			$qb->method('expr')->willReturn($expr);
			$qb->method('createNamedParameter')->willReturn(':param');
			$qb->method('createFunction')->willReturn($this->createMock(IQueryFunction::class));
			$qb->method('getSQL')->willReturn('SELECT 1');
			return $qb;
		});
		return $db;
	}
}
