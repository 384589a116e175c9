<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Dev\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCA\PilotFeedbackDev\Middleware\BenchMemoryMiddleware;
use OCP\AppFramework\Controller;
use OCP\IConfig;
use OCP\IRequest;
use PHPUnit\Framework\TestCase;

/** The peak-memory header exists only when the administrator set the bench flag, and only on this app's API. */
final class BenchMemoryMiddlewareTest extends TestCase {
	private function middleware(?bool $flag): BenchMemoryMiddleware {
		$config = $this->createMock(IConfig::class);
		$config->method('getSystemValueBool')->willReturnCallback(
			static fn (string $key, bool $default): bool => $key === BenchMemoryMiddleware::CONFIG_KEY && $flag !== null ? $flag : $default,
		);
		return new BenchMemoryMiddleware($config);
	}

	private function api(): ApiController {
		return new class($this->createMock(IRequest::class)) extends ApiController {
		};
	}

	public function testOffByDefault(): void {
		$this->assertNull($this->middleware(null)->headerLine($this->api()));
		$this->assertNull($this->middleware(false)->headerLine($this->api()));
	}

	public function testPeakMemoryInBytesWhenTheFlagIsSet(): void {
		$middleware = $this->middleware(true);
		$api = $this->api();
		$before = memory_get_usage();
		$line = $middleware->headerLine($api);
		$this->assertNotNull($line);
		$this->assertMatchesRegularExpression('/^X-PilotFeedback-Peak-Memory: [1-9][0-9]*$/', $line);
		// the peak so far is at least what was in use just before
		$this->assertGreaterThanOrEqual($before, (int)substr($line, strlen(BenchMemoryMiddleware::HEADER) + 2));
	}

	public function testOtherControllersNever(): void {
		$other = new class('x', $this->createMock(IRequest::class)) extends Controller {
		};
		$this->assertNull($this->middleware(true)->headerLine($other));
	}

	public function testOutputUnchanged(): void {
		$this->assertSame('{"ocs":{}}', $this->middleware(true)->beforeOutput($this->api(), 'index', '{"ocs":{}}'));
	}
}
