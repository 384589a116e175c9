<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Middleware;

use OCA\PilotFeedback\Controller\ApiController;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Http\Attribute\Route;
use OCP\AppFramework\Middleware;
use OCP\IRequest;

/**
 * Refuses a write request before any controller runs when its body is not valid JSON, or
 * when it lacks a field the endpoint requires. Without this, Nextcloud takes a body that
 * does not parse as "no fields", and an update would silently erase what was saved.
 *
 * A required field is a parameter of the controller method without a default value that
 * is not part of the URL; the API description (openapi.json) marks the same fields required.
 * A required field may be sent as null where null is a valid value (to clear it).
 */
class RequestBodyMiddleware extends Middleware {
	/** Methods that carry no body this app reads. */
	private const READS = ['GET', 'HEAD', 'OPTIONS'];

	public function __construct(
		private IRequest $request,
	) {
	}

	public function beforeController($controller, $methodName): void {
		if (!($controller instanceof ApiController) || in_array($this->request->getMethod(), self::READS, true)) {
			return;
		}
		// Reading the parameters makes the request decode its body.
		$params = $this->request->getParams();
		try {
			$this->request->throwDecodingExceptionIfAny();
		} catch (\JsonException) {
			throw new ValidationException('The request body is not valid JSON.');
		}
		if (array_key_exists(0, $params)) {
			// A JSON list or scalar where an object with named fields belongs.
			throw new ValidationException('The request body must be a JSON object with named fields.');
		}
		$missing = array_values(array_filter(
			self::requiredFields(new \ReflectionMethod($controller, $methodName)),
			static fn (string $field): bool => !array_key_exists($field, $params),
		));
		if ($missing !== []) {
			throw new ValidationException('The request lacks required fields: %1$s.', [implode(', ', $missing)]);
		}
	}

	/**
	 * The body fields a controller method requires: its parameters without a default value,
	 * except those taken from the URL (the `{placeholders}` of its route).
	 *
	 * @return list<string>
	 */
	public static function requiredFields(\ReflectionMethod $method): array {
		$fromUrl = [];
		foreach ($method->getAttributes(Route::class, \ReflectionAttribute::IS_INSTANCEOF) as $attribute) {
			preg_match_all('/\{(\w+)\}/', $attribute->newInstance()->getUrl(), $matches);
			$fromUrl = [...$fromUrl, ...$matches[1]];
		}
		$required = [];
		foreach ($method->getParameters() as $parameter) {
			if (!$parameter->isOptional() && !in_array($parameter->getName(), $fromUrl, true)) {
				$required[] = $parameter->getName();
			}
		}
		return $required;
	}
}
