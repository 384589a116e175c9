<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCA\PilotFeedback\Controller\ReportController;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Middleware\ErrorMiddleware;
use OCP\AppFramework\Controller;
use OCP\AppFramework\Http\DataResponse;
use OCP\AppFramework\Http\Response;
use OCP\DB\Exception as DbException;
use OCP\IL10N;
use OCP\IRequest;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

/** A database error with a given reason, as Nextcloud's DbalException reports it. */
final class ReasonDbException extends DbException {
	public function __construct(
		string $message,
		private ?int $reason,
	) {
		parent::__construct($message);
	}

	public function getReason(): ?int {
		return $this->reason;
	}
}

/**
 * The answers ErrorMiddleware gives for the app's API controllers: each DomainError with its
 * own status and its translated message (a conflict with the current record, "busy" with
 * Retry-After), database locks as 503 and a lost race as 409; Nextcloud's rate limit refusal
 * as 429 with a sentence and Retry-After. Anything else, and anything of
 * another controller, is not the middleware's to answer: it passes on unchanged, and
 * Nextcloud's OCS entry point (ocs/v1.php) logs it and answers 500 "Internal Server Error".
 */
final class ErrorMiddlewareTest extends TestCase {
	/** German for the templates used here; other texts stay as they are. */
	private const GERMAN = [
		'Title' => 'Titel',
		'%1$s must be text.' => '%1$s muss Text sein.',
		'You may not do this.' => 'Das dürfen Sie nicht.',
		'Item %1$s does not exist.' => 'Meldung %1$s gibt es nicht.',
		'The period is closed.' => 'Der Zeitraum ist abgeschlossen.',
		'The server is busy, please try again.' => 'Der Server ist ausgelastet, bitte versuchen Sie es erneut.',
	];

	private IRequest&MockObject $request;
	private LoggerInterface&MockObject $logger;
	private ErrorMiddleware $middleware;
	/** @var list<array{DataResponse, list<mixed>}> what the controller was asked to build: the response and the format arguments */
	private array $built = [];
	/** @var list<array{string, string, array<array-key, mixed>}> log level, message, context */
	private array $logged = [];

	protected function setUp(): void {
		$l10n = $this->createMock(IL10N::class);
		$l10n->method('t')->willReturnCallback(static fn (string $text, array|string $parameters = []): string => vsprintf(self::GERMAN[$text] ?? $text, (array)$parameters));
		$l10n->method('n')->willReturnCallback(static fn (string $singular, string $plural, int $count): string => str_replace('%n', (string)$count, $count === 1 ? $singular : $plural));
		$this->request = $this->createMock(IRequest::class);
		$this->logger = $this->createMock(LoggerInterface::class);
		foreach (['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as $level) {
			$this->logger->method($level)->willReturnCallback(function (string|\Stringable $message, array $context = []) use ($level): void {
				$this->logged[] = [$level, (string)$message, $context];
			});
		}
		$this->middleware = new ErrorMiddleware($l10n, $this->request, $this->logger);
	}

	/** One of the app's API controllers, building the response it is given. */
	private function controller(): ApiController {
		$controller = $this->createMock(ApiController::class);
		$controller->method('isResponderRegistered')->willReturnCallback(static fn (string $format): bool => in_array($format, ['json', 'xml'], true));
		$controller->method('buildResponse')->willReturnCallback(function (Response $response, mixed ...$format): Response {
			self::assertInstanceOf(DataResponse::class, $response);
			$this->built[] = [$response, $format];
			return $response;
		});
		return $controller;
	}

	/** @return array{int, array<string, mixed>, array<string, string>} status, data and Retry-After of the answer */
	private function answer(\Exception $exception): array {
		$response = $this->middleware->afterException($this->controller(), 'update', $exception);
		self::assertInstanceOf(DataResponse::class, $response);
		self::assertCount(1, $this->built, 'one response built by the controller');
		self::assertSame($this->built[0][0], $response, 'and returned as built');
		// the headers set on the response itself (getHeaders() adds the server's defaults, which need a running Nextcloud)
		/** @var array<string, string> $headers */
		$headers = (new \ReflectionProperty(Response::class, 'headers'))->getValue($response);
		return [$response->getStatus(), $response->getData(), isset($headers['Retry-After']) ? ['Retry-After' => $headers['Retry-After']] : []];
	}

	/** @return iterable<string, array{DomainError, int, array<string, mixed>, array<string, string>}> */
	public static function domainErrors(): iterable {
		$item = ['id' => 7, 'title' => 'Export fails', 'version' => 5];
		yield 'validation, with the field name translated' => [ValidationException::field('%1$s must be text.', 'Title'), 400, ['message' => 'Titel muss Text sein.'], []];
		yield 'validation of a value, not translated' => [new ValidationException('%1$s must be text.', ['Title']), 400, ['message' => 'Title muss Text sein.'], []];
		yield 'forbidden' => [new ForbiddenException('You may not do this.'), 403, ['message' => 'Das dürfen Sie nicht.'], []];
		yield 'not found, with its parameter' => [new NotFoundException('Item %1$s does not exist.', ['42']), 404, ['message' => 'Meldung 42 gibt es nicht.'], []];
		yield 'conflict' => [new ConflictException('The period is closed.'), 409, ['message' => 'Der Zeitraum ist abgeschlossen.'], []];
		yield 'an item conflict, with the item as it is now' => [ItemConflictException::stale()->withCurrent($item), 409, ['message' => 'This item was changed by someone else in the meantime. Review their changes and apply yours again.', 'current' => $item], []];
		yield 'an item conflict without the item' => [ItemConflictException::stale(), 409, ['message' => 'This item was changed by someone else in the meantime. Review their changes and apply yours again.'], []];
		yield 'a stale version, with the record as it is now' => [StaleVersionException::with(['version' => 3], 'The period is closed.'), 409, ['message' => 'Der Zeitraum ist abgeschlossen.', 'current' => ['version' => 3]], []];
		yield 'a stale version of a record that is gone' => [StaleVersionException::with(null, 'The period is closed.'), 409, ['message' => 'Der Zeitraum ist abgeschlossen.', 'current' => null], []];
		yield 'busy, with Retry-After' => [BusyException::after(new \RuntimeException('SQLSTATE[HY000]: database is locked')), 503, ['message' => 'Der Server ist ausgelastet, bitte versuchen Sie es erneut.'], ['Retry-After' => '1']];
	}

	/**
	 * @param array<string, mixed> $data
	 * @param array<string, string> $headers
	 */
	#[DataProvider('domainErrors')]
	public function testADomainErrorIsAnsweredWithItsStatusAndTranslatedMessage(DomainError $error, int $status, array $data, array $headers): void {
		self::assertSame([$status, $data, $headers], $this->answer($error));
		self::assertStringNotContainsString('database is locked', (string)json_encode($data), 'the cause of "busy" is not shown');
		self::assertSame([], $this->logged, 'an error the user can act on is not logged');
	}

	public function testEveryConcreteDomainErrorIsCovered(): void {
		$covered = array_unique(array_map(static fn (array $case): string => $case[0]::class, iterator_to_array(self::domainErrors())));
		foreach (glob(__DIR__ . '/../../../../lib/Exception/*.php') ?: [] as $file) {
			$class = new \ReflectionClass('OCA\\PilotFeedback\\Exception\\' . basename($file, '.php'));
			if (!$class->isAbstract() && $class->isSubclassOf(DomainError::class)) {
				self::assertContains($class->getName(), $covered, $class->getName() . ' has no case in domainErrors()');
			}
		}
	}

	public function testTheAnswerIsInTheFormatTheClientAskedFor(): void {
		$this->request->method('getFormat')->willReturnOnConsecutiveCalls('json', 'yaml', null);
		foreach (['json', 'xml', 'xml'] as $expected) {
			$this->built = [];
			$this->middleware->afterException($this->controller(), 'update', new ForbiddenException('You may not do this.'));
			self::assertSame([$expected], $this->built[0][1], 'json as asked; an unknown or no format: OCSController\'s default, xml');
		}
	}

	public function testADatabaseLockOutsideARetriedTransactionIsBusyNotBroken(): void {
		$lock = new ReasonDbException('SQLSTATE[40001]: Deadlock found', DbException::REASON_DEADLOCK);

		self::assertSame([503, ['message' => 'Der Server ist ausgelastet, bitte versuchen Sie es erneut.'], ['Retry-After' => '1']], $this->answer($lock));
		self::assertSame([['warning', 'Database lock outside a retried transaction', ['exception' => $lock]]], $this->logged);
	}

	public function testALostRaceToCreateARecordIsAConflict(): void {
		$duplicate = new ReasonDbException('UNIQUE constraint failed: pf_supporters.item_id', DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION);

		self::assertSame([409, ['message' => 'This record was just created by another request. Reload and try again.'], []], $this->answer($duplicate));
		self::assertSame([['info', 'Unique constraint hit', ['exception' => $duplicate]]], $this->logged);
	}

	/** @return iterable<string, array{\Exception}> */
	public static function unexpected(): iterable {
		yield 'a runtime error' => [new \RuntimeException('Undefined array key "pilot"')];
		yield 'another database error' => [new ReasonDbException('SQLSTATE[23000]: FOREIGN KEY constraint failed', DbException::REASON_FOREIGN_KEY_VIOLATION)];
		yield 'a database error without reason' => [new ReasonDbException('SQLSTATE[HY000]: no such table: oc_pf_items', null)];
		yield 'a report failure, which the runner records and never throws to a controller' => [new ReportFailedException('The report could not be saved.')];
	}

	/**
	 * Not answered here: the exception goes on unchanged, and Nextcloud's OCS entry point logs
	 * it and answers 500 "Internal Server Error" without the details.
	 */
	#[DataProvider('unexpected')]
	public function testAnUnexpectedExceptionIsLeftToNextcloudsServerErrorAnswer(\Exception $exception): void {
		try {
			$this->middleware->afterException($this->controller(), 'update', $exception);
			self::fail('the middleware answered an unexpected exception');
		} catch (\Exception $e) {
			self::assertSame($exception, $e, 'the same exception, so that the log shows where it came from');
		}
		self::assertSame([], $this->built, 'no answer was built');
		self::assertSame([], $this->logged, 'logged once, by Nextcloud, not twice');
	}

	public function testErrorsOfOtherControllersAreNotAnswered(): void {
		$controller = $this->createMock(Controller::class);
		$controller->expects(self::never())->method('buildResponse');
		foreach ([new NotFoundException('Item %1$s does not exist.', ['42']), new ReasonDbException('Deadlock found', DbException::REASON_DEADLOCK)] as $exception) {
			try {
				$this->middleware->afterException($controller, 'index', $exception);
				self::fail('answered for another controller');
			} catch (\Exception $e) {
				self::assertSame($exception, $e);
			}
		}
		self::assertSame([], $this->logged);
	}

	/** The report controller (its methods carry the rate limits), building the response it is given. */
	private function reportController(): ReportController {
		$controller = $this->getMockBuilder(ReportController::class)->disableOriginalConstructor()->onlyMethods(['isResponderRegistered', 'buildResponse'])->getMock();
		$controller->method('isResponderRegistered')->willReturn(true);
		$controller->method('buildResponse')->willReturnCallback(function (Response $response): Response {
			$this->built[] = [$response, []];
			return $response;
		});
		return $controller;
	}

	public function testNextcloudsRateLimitRefusalIsAnsweredInTheAppsFormatWithASentence(): void {
		// RateLimitingMiddleware refuses before the controller runs, with an empty DataResponse outside OCS
		$response = $this->middleware->afterController($this->reportController(), 'create', new DataResponse([], 429));

		self::assertInstanceOf(DataResponse::class, $response);
		self::assertCount(1, $this->built, 'built as an OCS answer');
		self::assertSame(429, $response->getStatus());
		self::assertSame(['message' => 'You have sent this request too often in a short time. Wait 10 minutes, then try again.'], $response->getData());
		/** @var array<string, string> $headers */
		$headers = (new \ReflectionProperty(Response::class, 'headers'))->getValue($response);
		self::assertSame('600', $headers['Retry-After'] ?? null, 'the period of the method\'s limit');
	}

	public function testOtherAnswersPassAfterTheControllerUnchanged(): void {
		$ok = new DataResponse(['id' => 1]);
		self::assertSame($ok, $this->middleware->afterController($this->reportController(), 'create', $ok));
		$refused = new DataResponse([], 429);
		self::assertSame($refused, $this->middleware->afterController($this->createMock(Controller::class), 'index', $refused), 'another app\'s controller');
		self::assertSame([], $this->built);
	}
}
