<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Exception;

use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class DomainErrorTest extends TestCase {
	/** @return iterable<string, array{class-string<DomainError>, int}> */
	public static function exceptionProvider(): iterable {
		yield 'validation' => [ValidationException::class, 400];
		yield 'forbidden' => [ForbiddenException::class, 403];
		yield 'not found' => [NotFoundException::class, 404];
		yield 'conflict' => [ConflictException::class, 409];
	}

	/** @param class-string<DomainError> $class */
	#[DataProvider('exceptionProvider')]
	public function testTemplateParamsMessageAndStatus(string $class, int $status): void {
		$e = new $class('%1$s is already in %2$s.', ['Alice', 'RKI']);
		self::assertInstanceOf(DomainError::class, $e);
		self::assertInstanceOf(\Exception::class, $e);
		self::assertSame($status, $e->getStatus());
		self::assertSame('%1$s is already in %2$s.', $e->getTemplate());
		self::assertSame(['Alice', 'RKI'], $e->getParams());
		self::assertSame('Alice is already in RKI.', $e->getMessage());
		self::assertSame(0, $e->getCode());
	}

	/** @param class-string<DomainError> $class */
	#[DataProvider('exceptionProvider')]
	public function testWithoutParamsTheMessageIsTheTemplate(string $class, int $status): void {
		$e = new $class('The period is closed.');
		self::assertSame($status, $e->getStatus());
		self::assertSame('The period is closed.', $e->getTemplate());
		self::assertSame([], $e->getParams());
		self::assertSame('The period is closed.', $e->getMessage());
	}

	public function testFieldErrorsMarkTheirFirstParamAsAFieldName(): void {
		$e = ValidationException::field('%1$s is too long: at most %2$s characters are allowed.', 'Title', '255');
		self::assertInstanceOf(ValidationException::class, $e);
		self::assertTrue($e->firstParamIsField());
		self::assertSame(['Title', '255'], $e->getParams());
		self::assertSame('Title is too long: at most 255 characters are allowed.', $e->getMessage());
		self::assertFalse((new ValidationException('%1$s exists.', ['Title']))->firstParamIsField());
	}

	public function testParamsAreInsertedVerbatim(): void {
		// A value holding placeholder syntax must not be expanded again.
		$e = new ValidationException('%1$s must be text.', ['50%s done']);
		self::assertSame('50%s done must be text.', $e->getMessage());
	}

	public function testEveryDomainErrorAnswersWithItsOwnStatus(): void {
		// Every concrete DomainError in lib/Exception, so that a new one joins this check.
		$statuses = [];
		foreach (glob(__DIR__ . '/../../../../lib/Exception/*.php') ?: [] as $file) {
			$class = 'OCA\\PilotFeedback\\Exception\\' . basename($file, '.php');
			$reflection = new \ReflectionClass($class);
			if ($reflection->isAbstract() || !$reflection->isSubclassOf(DomainError::class)) {
				continue;
			}
			$status = $reflection->newInstanceWithoutConstructor()->getStatus();
			$parent = $reflection->getParentClass();
			if ($parent !== false && $parent->getName() !== DomainError::class) {
				// a refinement (ItemConflictException: a ConflictException with the current item) keeps its parent's status
				self::assertSame($parent->newInstanceWithoutConstructor()->getStatus(), $status, $class);
				continue;
			}
			// Client errors, except "busy": the request was right, the database kept it waiting.
			if ($class === BusyException::class) {
				self::assertSame(503, $status);
			} else {
				self::assertGreaterThanOrEqual(400, $status, $class);
				self::assertLessThan(500, $status, $class);
			}
			if ($reflection->getParentClass()?->getName() !== DomainError::class) {
				// A refinement of another error (a stale version is a conflict) shares its status.
				self::assertSame($reflection->getParentClass()?->newInstanceWithoutConstructor()->getStatus(), $status, $class);
				continue;
			}
			$statuses[$class] = $status;
		}
		self::assertCount(5, $statuses, 'the five concrete errors were found');
		self::assertSame(array_values($statuses), array_values(array_unique($statuses)), 'two errors share a status: ' . json_encode($statuses));
	}
}
