<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Middleware\RequestBodyMiddleware;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * A write request whose body does not parse, or that lacks a required field, is refused
 * before the controller runs; and the required fields are those openapi.json requires.
 */
final class RequestBodyMiddlewareTest extends TestCase {
	/** A controller with one write endpoint: id from the URL, title and body required, tags optional. */
	private static function controller(IRequest $request): ApiController {
		return new class($request) extends ApiController {
			#[ApiRoute(verb: 'PUT', url: '/api/v1/things/{id}')]
			public function update(int $id, mixed $title, mixed $body, mixed $tags = null): DataResponse {
				return new DataResponse([]);
			}
		};
	}

	/** @param array<array-key, mixed> $params */
	private function request(string $method, array $params, ?\JsonException $decodingError = null): IRequest {
		$request = $this->createMock(IRequest::class);
		$request->method('getMethod')->willReturn($method);
		$request->method('getParams')->willReturn($params);
		if ($decodingError !== null) {
			$request->method('throwDecodingExceptionIfAny')->willThrowException($decodingError);
		}
		return $request;
	}

	private function refusal(IRequest $request, ?object $controller = null): ?ValidationException {
		try {
			(new RequestBodyMiddleware($request))->beforeController($controller ?? self::controller($request), 'update');
		} catch (ValidationException $e) {
			return $e;
		}
		return null;
	}

	public function testRefusesABodyThatIsNotValidJson(): void {
		$request = $this->request('PUT', ['id' => '1'], new \JsonException('Syntax error'));
		$e = $this->refusal($request);
		self::assertNotNull($e);
		self::assertSame('The request body is not valid JSON.', $e->getTemplate());
		self::assertSame(400, $e->getStatus());
	}

	public function testChecksTheDecodingForEveryWriteMethod(): void {
		foreach (['POST', 'PUT', 'PATCH', 'DELETE'] as $method) {
			$e = $this->refusal($this->request($method, ['title' => 'x', 'body' => 'y'], new \JsonException('Syntax error')));
			self::assertSame('The request body is not valid JSON.', $e?->getTemplate(), $method);
		}
	}

	public function testLeavesReadsAlone(): void {
		self::assertNull($this->refusal($this->request('GET', [], new \JsonException('Syntax error'))));
	}

	public function testLeavesOtherAppsControllersAlone(): void {
		$request = $this->request('PUT', [], new \JsonException('Syntax error'));
		self::assertNull($this->refusal($request, new \stdClass()));
	}

	public function testRefusesAJsonListInsteadOfAnObject(): void {
		$e = $this->refusal($this->request('PUT', ['id' => '1', 0 => 'title', 1 => 'body']));
		self::assertSame('The request body must be a JSON object with named fields.', $e?->getTemplate());
	}

	public function testNamesEveryMissingRequiredField(): void {
		$e = $this->refusal($this->request('PUT', ['id' => '1', 'tags' => ['a']]));
		self::assertNotNull($e);
		self::assertSame('The request lacks required fields: %1$s.', $e->getTemplate());
		self::assertSame(['title, body'], $e->getParams());
		self::assertSame(400, $e->getStatus());
	}

	public function testAcceptsExplicitNullForARequiredField(): void {
		self::assertNull($this->refusal($this->request('PUT', ['id' => '1', 'title' => 'x', 'body' => null])));
	}

	public function testNeitherUrlNorOptionalParametersAreRequired(): void {
		$method = new \ReflectionMethod(self::controller($this->createMock(IRequest::class)), 'update');
		self::assertSame(['title', 'body'], RequestBodyMiddleware::requiredFields($method));
	}

	/** @return iterable<string, array{string, string, string}> */
	public static function writeRoutes(): iterable {
		foreach (glob(__DIR__ . '/../../../../lib/Controller/*Controller.php') ?: [] as $file) {
			$class = 'OCA\\PilotFeedback\\Controller\\' . basename($file, '.php');
			yield from self::routesOf($class);
		}
	}

	/** @return iterable<string, array{string, string, string}> */
	private static function routesOf(string $class): iterable {
		foreach ((new \ReflectionClass($class))->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
			foreach ($method->getAttributes(ApiRoute::class) as $attribute) {
				$route = $attribute->newInstance();
				if ($route->getVerb() !== 'GET') {
					yield $route->getVerb() . ' ' . $route->getUrl() => [$class, $method->getName(), $route->getVerb() . ' ' . $route->getUrl()];
				}
			}
		}
	}

	/** The fields a controller method requires are exactly those openapi.json marks required. */
	#[DataProvider('writeRoutes')]
	public function testRequiredFieldsAgreeWithOpenapi(string $class, string $methodName, string $route): void {
		[$verb, $url] = explode(' ', $route, 2);
		$spec = json_decode((string)file_get_contents(__DIR__ . '/../../../../openapi.json'), true, flags: JSON_THROW_ON_ERROR);
		$operation = $spec['paths']['/ocs/v2.php/apps/pilotfeedback' . $url][strtolower($verb)] ?? null;
		self::assertIsArray($operation, "$route is not in openapi.json");
		$documented = $operation['requestBody']['content']['application/json']['schema']['required'] ?? [];
		$required = RequestBodyMiddleware::requiredFields(new \ReflectionMethod($class, $methodName));
		sort($documented);
		sort($required);
		self::assertSame($documented, $required, $route);
	}
}
