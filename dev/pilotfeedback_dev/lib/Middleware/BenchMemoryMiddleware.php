<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCP\AppFramework\Middleware;
use OCP\IConfig;

/**
 * For the benchmark (scripts/bench.sh) only: when the system configuration has
 * `'pilotfeedback.bench' => true` (off unless an administrator sets it), every answer of
 * this app's API carries PHP's peak memory of the request in the header
 * X-PilotFeedback-Peak-Memory (bytes), measured after the answer was rendered. It reveals
 * nothing but that number, and nothing at all unless the flag is set.
 */
class BenchMemoryMiddleware extends Middleware {
	public const CONFIG_KEY = 'pilotfeedback.bench';
	public const HEADER = 'X-PilotFeedback-Peak-Memory';

	public function __construct(
		private IConfig $config,
	) {
	}

	public function beforeOutput($controller, $methodName, $output) {
		$line = $this->headerLine($controller);
		// The dispatcher has collected the response's headers before rendering it, and
		// Nextcloud sends them after this returns, so the header goes straight to PHP.
		if ($line !== null && !headers_sent()) {
			header($line);
		}
		return $output;
	}

	/** The header to send, or null when the flag is off or the controller is not this app's API. */
	public function headerLine(object $controller): ?string {
		if (!($controller instanceof ApiController) || !$this->config->getSystemValueBool(self::CONFIG_KEY, false)) {
			return null;
		}
		return self::HEADER . ': ' . memory_get_peak_usage();
	}
}
