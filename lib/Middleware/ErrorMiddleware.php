<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\BusyException;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ItemConflictException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\AppFramework\Http\Response;
use OCP\AppFramework\Middleware;
use OCP\DB\Exception as DbException;
use OCP\IL10N;
use OCP\IRequest;
use Psr\Log\LoggerInterface;

/**
 * Turns the services' errors into OCS answers with a translated message a person can act on,
 * so that no controller repeats try/catch blocks and no bad input ends as a 500. Also gives
 * Nextcloud's rate limit refusal (UserRateLimit on a controller method), which its
 * RateLimitingMiddleware answers with an empty 429 outside OCS, the app's error format: an
 * OCS answer with a sentence and Retry-After.
 */
class ErrorMiddleware extends Middleware {
	public function __construct(
		private IL10N $l10n,
		private IRequest $request,
		private LoggerInterface $logger,
	) {
	}

	public function afterException($controller, $methodName, \Exception $exception): Response {
		if (!($controller instanceof ApiController)) {
			throw $exception;
		}
		if ($exception instanceof DomainError) {
			$params = $exception->getParams();
			if ($exception->firstParamIsField()) {
				$params[0] = $this->l10n->t($params[0]);
			}
			$extra = match (true) {
				$exception instanceof ItemConflictException => $exception->getData(),
				$exception instanceof StaleVersionException => ['current' => $exception->current()],
				default => [],
			};
			$response = $this->answer($controller, $this->l10n->t($exception->getTemplate(), $params), $exception->getStatus(), $extra);
			if ($exception instanceof BusyException) {
				$response->addHeader('Retry-After', (string)BusyException::RETRY_AFTER);
			}
			return $response;
		}
		if (TransactionRunner::isTransient($exception)) {
			// A lock outside the retried transactions (a single statement that waited in vain): busy, not broken.
			$this->logger->warning('Database lock outside a retried transaction', ['exception' => $exception]);
			$response = $this->answer($controller, $this->l10n->t('The server is busy, please try again.'), Http::STATUS_SERVICE_UNAVAILABLE);
			$response->addHeader('Retry-After', (string)BusyException::RETRY_AFTER);
			return $response;
		}
		if ($exception instanceof DbException && $exception->getReason() === DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION) {
			// Two requests raced to create the same record; the second one learns it exists.
			$this->logger->info('Unique constraint hit', ['exception' => $exception]);
			return $this->answer($controller, $this->l10n->t('This record was just created by another request. Reload and try again.'), Http::STATUS_CONFLICT);
		}
		throw $exception;
	}

	/**
	 * Nextcloud's rate limiter refuses before the controller runs (RateLimitingMiddleware), with
	 * an empty DataResponse that no OCS formatter sees: the app answers in its own format.
	 */
	public function afterController($controller, $methodName, Response $response): Response {
		if (!($controller instanceof ApiController) || !($response instanceof DataResponse) || $response->getStatus() !== Http::STATUS_TOO_MANY_REQUESTS) {
			return $response;
		}
		$period = self::ratePeriod($controller, $methodName);
		$minutes = max(1, (int)ceil($period / 60));
		$answer = $this->answer($controller, $this->l10n->n(
			'You have sent this request too often in a short time. Wait %n minute, then try again.',
			'You have sent this request too often in a short time. Wait %n minutes, then try again.',
			$minutes,
		), Http::STATUS_TOO_MANY_REQUESTS);
		$answer->addHeader('Retry-After', (string)$period);
		return $answer;
	}

	/** The period of the method's UserRateLimit in seconds: after it, the refused request passes again. */
	private static function ratePeriod(ApiController $controller, string $methodName): int {
		try {
			$attributes = (new \ReflectionMethod($controller, $methodName))->getAttributes(UserRateLimit::class);
		} catch (\ReflectionException) {
			return 60;
		}
		return $attributes === [] ? 60 : max(1, $attributes[0]->newInstance()->getPeriod());
	}

	/**
	 * An OCS answer in the format the client asked for, as the dispatcher would have built it.
	 *
	 * @param 400|403|404|409|429|503 $status
	 * @param array<string, mixed> $extra further fields beside the message (a conflict's current record)
	 */
	private function answer(ApiController $controller, string $message, int $status, array $extra = []): Response {
		$format = $this->request->getFormat();
		$data = new DataResponse(['message' => $message] + $extra, $status);
		return ($format !== null && $controller->isResponderRegistered($format))
			? $controller->buildResponse($data, $format)
			: $controller->buildResponse($data);
	}
}
