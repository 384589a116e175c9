<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Consolidation;

use OCA\PilotFeedback\Consolidation\ConsolidationScopeResolver;
use OCA\PilotFeedback\Db\ConsolidationMapper;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\MonthRange;
use OCA\PilotFeedback\People\Policy;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;

/**
 * A request for consolidated figures checked and resolved. Pilot 9 exists; organisations 1 to 3
 * exist and take part in it, 2 is archived (3 and 1 by name); the periods are 2026-01 to 2026-03.
 */
final class ConsolidationScopeResolverTest extends TestCase {
	private PilotMapper&MockObject $pilots;
	private ConsolidationScopeResolver $resolver;

	protected function setUp(): void {
		$mapper = $this->createMock(ConsolidationMapper::class);
		$mapper->method('periodsIn')->willReturnCallback(static fn (MonthRange $range): array => array_filter(
			['2026-01' => 5, '2026-02' => 6, '2026-03' => 7],
			static fn (string $month): bool => $month >= $range->from && $month <= $range->to,
			ARRAY_FILTER_USE_KEY,
		));
		$mapper->method('releasedPeriods')->willReturnCallback(static fn (array $periodIds): array => [1 => array_values(array_intersect([5, 7], $periodIds)), 3 => array_values(array_intersect([6], $periodIds))]);
		$this->pilots = $this->createMock(PilotMapper::class);
		$this->pilots->method('get')->willReturnCallback(static fn (int $id): Pilot => $id === 9 ? new Pilot() : throw new NotFoundException('No pilot.'));
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('get')->willReturnCallback(static fn (int $id): Organisation => $id <= 3 ? new Organisation() : throw new NotFoundException('No organisation.'));
		$organisations->method('findByIds')->with([1, 2, 3], false)->willReturn([self::organisation(3), self::organisation(1)]);
		$links = $this->createMock(LinkMapper::class);
		$links->method('leftsForRights')->with(Link::OrganisationPilots, [9])->willReturn([3, 1, 2]);
		$this->resolver = new ConsolidationScopeResolver(new Policy(), $mapper, $this->pilots, $organisations, $links);
	}

	public function testAConsolidatorsRequestBecomesTheScopeWithThePilotsOrganisations(): void {
		$scope = $this->resolver->resolve(self::consolidator(), '9', null, '2026-Q1', null, null, 'true', '2');
		self::assertSame(9, $scope->pilotId);
		self::assertSame(['2026-01', '2026-03'], [$scope->range->from, $scope->range->to]);
		self::assertTrue($scope->releasedOnly);
		self::assertSame(2, $scope->organisationId);
		self::assertSame([3, 1], $scope->organisationIds);
		// the range's periods, and which of them each organisation released
		self::assertSame(['2026-01' => 5, '2026-02' => 6, '2026-03' => 7], $scope->periodIds);
		self::assertSame([1 => [5, 7], 3 => [6]], $scope->releasedPeriodIds);
	}

	public function testTheOrganisationsWhoseRatingsCountIncludeTheArchivedOnes(): void {
		$scope = $this->resolver->resolve(self::consolidator(), 9, '2026-02', null, null, null, null, null);
		// an archived organisation is listed in no breakdown, but its ratings still count
		self::assertSame([3, 1], $scope->organisationIds);
		self::assertSame([1, 2, 3], $scope->takingPartIds);
	}

	public function testWithoutFiltersTheScopeCoversAllOrganisationsAndEveryRating(): void {
		$scope = $this->resolver->resolve(new Actor('rki-coord', false, false, [1], [1]), 9, '2026-02', null, null, null, null, null);
		self::assertSame(['2026-02', '2026-02'], [$scope->range->from, $scope->range->to]);
		self::assertFalse($scope->releasedOnly);
		self::assertNull($scope->organisationId);
		self::assertSame(['2026-02' => 6], $scope->periodIds);
		// every rating counts: no release is read
		self::assertSame([], $scope->releasedPeriodIds);
	}

	public function testATesterIsRefusedBeforeTheInputIsLookedAt(): void {
		$this->pilots->expects(self::never())->method('get');
		$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(new Actor('rki-tester1', false, false, [1]), 'nonsense', null, null, null, null, null, null));
		self::assertInstanceOf(ForbiddenException::class, $error);
		self::assertSame(403, $error->getStatus());
		self::assertSame('Only consolidators and the coordinators of an organisation see consolidated results.', $error->getMessage());
	}

	public function testWithoutAPilotTheRequestIsRefused(): void {
		foreach ([null, ''] as $pilotId) {
			$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(self::consolidator(), $pilotId, '2026-02', null, null, null, null, null));
			self::assertInstanceOf(ValidationException::class, $error);
			self::assertSame(400, $error->getStatus());
			self::assertSame('Choose a pilot: send pilotId.', $error->getMessage());
		}
	}

	public function testAnUnknownPilotIsNotFound(): void {
		$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(self::consolidator(), 8, '2026-02', null, null, null, null, null));
		self::assertInstanceOf(NotFoundException::class, $error);
		self::assertSame('No pilot with id %1$s exists.', $error->getTemplate());
		self::assertSame(['8'], $error->getParams());
	}

	public function testMonthsWithoutAReportingPeriodAreNotFound(): void {
		$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(self::consolidator(), 9, null, null, '2025-01', '2025-06', null, null));
		self::assertInstanceOf(NotFoundException::class, $error);
		self::assertSame(404, $error->getStatus());
		self::assertSame('There is no reporting period from %1$s to %2$s. Choose months that have a reporting period.', $error->getTemplate());
		self::assertSame(['2025-01', '2025-06'], $error->getParams());
	}

	public function testAnUnknownOrganisationIsNotFound(): void {
		$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(self::consolidator(), 9, '2026-02', null, null, null, null, 4));
		self::assertInstanceOf(NotFoundException::class, $error);
		self::assertSame('No organisation with id %1$s exists.', $error->getTemplate());
		self::assertSame(['4'], $error->getParams());
	}

	public function testMalformedInputIsAValidationError(): void {
		foreach ([
			['abc', '2026-02', null, null, null, null, null],
			[9, null, null, null, null, null, null],
			[9, '2026-02', '2026-Q1', null, null, null, null],
			[9, '2026-02', null, null, null, 'maybe', null],
			[9, '2026-02', null, null, null, null, 'x'],
		] as $input) {
			$error = $this->refusal(static fn (ConsolidationScopeResolver $r) => $r->resolve(self::consolidator(), ...$input));
			self::assertInstanceOf(ValidationException::class, $error, json_encode($input, JSON_THROW_ON_ERROR));
		}
	}

	/** @param callable(ConsolidationScopeResolver): mixed $resolve */
	private function refusal(callable $resolve): DomainError {
		try {
			$resolve($this->resolver);
		} catch (DomainError $e) {
			return $e;
		}
		self::fail('The request was not refused.');
	}

	private static function consolidator(): Actor {
		return new Actor('bmi', false, true);
	}

	private static function organisation(int $id): Organisation {
		$organisation = new Organisation();
		$organisation->setId($id);
		return $organisation;
	}
}
