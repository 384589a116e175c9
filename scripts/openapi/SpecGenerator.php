<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tools\OpenApi;

/**
 * Builds openapi.json from the PHP source, the way Nextcloud's openapi-extractor does:
 *
 * - components/schemas: the `@psalm-type PilotFeedbackX` shapes of lib/ResponseDefinitions.php,
 *   named without the PilotFeedback prefix, plus OCSMeta; `@field-description PilotFeedbackX.key text`
 *   describes a key of a shape (psalm allows no comments inside a type);
 * - paths: every controller method with #[ApiRoute]; its first docblock paragraph is the summary,
 *   `@param` types and descriptions describe the parameters (a parameter without a default is
 *   required), `@return DataResponse<Http::STATUS_*, Type, array{}>` the answers, `@throws X`
 *   the errors (X's getStatus(), answered with an ErrorMessage by ErrorMiddleware, or with the
 *   schema named by X::SCHEMA), and lines like
 *   `200: Item returned` their descriptions. Every route answers 401 to guests, and admin routes
 *   (without #[NoAdminRequired]) 403 to users who may not administer the app.
 */
final class SpecGenerator {
	private const APP_PREFIX = 'PilotFeedback';
	private const STATUS = [
		'STATUS_OK' => 200, 'STATUS_CREATED' => 201, 'STATUS_ACCEPTED' => 202, 'STATUS_NO_CONTENT' => 204,
		'STATUS_BAD_REQUEST' => 400, 'STATUS_UNAUTHORIZED' => 401, 'STATUS_FORBIDDEN' => 403,
		'STATUS_NOT_FOUND' => 404, 'STATUS_CONFLICT' => 409, 'STATUS_TOO_MANY_REQUESTS' => 429,
	];
	private const BODY_VERBS = ['POST', 'PUT', 'PATCH'];

	private TypeParser $types;

	public function __construct(
		private string $root,
	) {
	}

	/** @return array<string, mixed> */
	public function generate(): array {
		$info = simplexml_load_file($this->root . '/appinfo/info.xml') ?: throw new \RuntimeException('appinfo/info.xml is unreadable');
		$schemas = $this->schemas();
		$paths = [];
		$tags = [];
		foreach ($this->controllers() as $class) {
			foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
				$route = $method->getAttributes('OCP\AppFramework\Http\Attribute\ApiRoute')[0] ?? null;
				if ($route === null) {
					continue;
				}
				$args = $route->getArguments();
				$url = '/ocs/v2.php/apps/' . (string)$info->id . $args['url'];
				$paths[$url][strtolower($args['verb'])] = $this->operation($class, $method, $args['verb'], $args['url']);
			}
			$description = self::docText((string)$class->getDocComment());
			if ($description !== []) {
				$tags[] = ['name' => self::tagName($class), 'description' => implode("\n", $description)];
			}
		}
		return [
			'openapi' => '3.0.3',
			'info' => [
				'title' => (string)$info->id,
				'version' => (string)$info->version,
				'description' => (string)$info->summary,
				'license' => ['name' => (string)$info->licence],
			],
			'components' => [
				'securitySchemes' => [
					'basic_auth' => ['type' => 'http', 'scheme' => 'basic'],
					'bearer_auth' => ['type' => 'http', 'scheme' => 'bearer'],
				],
				'schemas' => $schemas,
			],
			'paths' => $paths,
			'tags' => $tags,
		];
	}

	/**
	 * The psalm types of ResponseDefinitions.php as schemas, sorted by name.
	 *
	 * @return array<string, mixed>
	 */
	private function schemas(): array {
		$doc = (string)(new \ReflectionClass('OCA\PilotFeedback\ResponseDefinitions'))->getDocComment();
		preg_match_all('/@psalm-type\s+(\w+)\s*=\s*(.+?)(?=\n\s*\*\s*@|\s*\*\/$)/s', $doc, $matches, PREG_SET_ORDER);
		$aliases = [];
		foreach ($matches as [, $name]) {
			$aliases[$name] = self::schemaName($name);
		}
		$this->types = new TypeParser($aliases);
		$schemas = ['OCSMeta' => [
			'type' => 'object',
			'required' => ['status', 'statuscode'],
			'properties' => [
				'status' => ['type' => 'string'],
				'statuscode' => ['type' => 'integer', 'format' => 'int64'],
				'message' => ['type' => 'string'],
				'totalitems' => ['type' => 'string'],
				'itemsperpage' => ['type' => 'string'],
			],
		]];
		foreach ($matches as [, $name, $type]) {
			$schemas[self::schemaName($name)] = $this->types->parse((string)preg_replace('/^\s*\*[ \t]?/m', '', $type));
		}
		preg_match_all('/^\s*\*\s*@field-description\s+(\w+)\.(\w+)\s+(.+)$/m', $doc, $fields, PREG_SET_ORDER);
		foreach ($fields as [, $name, $key, $description]) {
			$schema = self::schemaName($name);
			if (!isset($schemas[$schema]['properties'][$key])) {
				throw new \RuntimeException("ResponseDefinitions: @field-description for unknown field $name.$key");
			}
			$schemas[$schema]['properties'][$key] = TypeParser::describe($schemas[$schema]['properties'][$key], $description);
		}
		ksort($schemas);
		return $schemas;
	}

	/** @return list<\ReflectionClass<object>> the app's OCS controllers, by file name */
	private function controllers(): array {
		$files = glob($this->root . '/lib/Controller/*.php') ?: [];
		sort($files);
		$classes = [];
		foreach ($files as $file) {
			$class = new \ReflectionClass('OCA\PilotFeedback\Controller\\' . basename($file, '.php'));
			if (!$class->isAbstract()) {
				$classes[] = $class;
			}
		}
		return $classes;
	}

	/**
	 * @param \ReflectionClass<object> $class
	 * @return array<string, mixed>
	 */
	private function operation(\ReflectionClass $class, \ReflectionMethod $method, string $verb, string $url): array {
		$context = $class->getShortName() . '::' . $method->getName();
		$doc = self::parseDoc((string)$method->getDocComment());
		if ($doc['text'] === []) {
			throw new \RuntimeException("$context: the docblock needs a summary");
		}
		$isPublic = $method->getAttributes('OCP\AppFramework\Http\Attribute\PublicPage') !== [];
		$isAdmin = !$isPublic && $method->getAttributes('OCP\AppFramework\Http\Attribute\NoAdminRequired') === [];

		$pathParameters = [];
		$query = [];
		$body = ['required' => [], 'properties' => []];
		preg_match_all('/{(\w+)}/', $url, $placeholders);
		foreach ($method->getParameters() as $parameter) {
			$name = $parameter->getName();
			[$schema, $description] = $this->parameterSchema($context, $parameter, $doc['params'][$name] ?? null);
			if (in_array($name, $placeholders[1], true)) {
				$pathParameters[] = array_filter(['name' => $name, 'in' => 'path', 'description' => $description, 'required' => true, 'schema' => $schema], static fn ($v) => $v !== '');
			} elseif (in_array($verb, self::BODY_VERBS, true)) {
				$body['properties'][$name] = TypeParser::describe($schema, $description);
				if (!$parameter->isOptional()) {
					$body['required'][] = $name;
				}
			} else {
				[$schema, $description] = TypeParser::annotate($schema, $description);
				// A query string cannot carry null: a nullable query parameter is one that may be left out.
				unset($schema['nullable']);
				if (array_keys($schema) === ['allOf'] && count($schema['allOf']) === 1) {
					$schema = $schema['allOf'][0];
				}
				$query[] = array_filter(['name' => $name, 'in' => 'query', 'description' => $description, 'required' => !$parameter->isOptional(), 'schema' => $schema], static fn ($v) => $v !== '');
			}
		}
		$unused = array_diff(array_keys($doc['params']), array_map(static fn (\ReflectionParameter $p): string => $p->getName(), $method->getParameters()));
		if ($unused !== []) {
			throw new \RuntimeException("$context: @param for unknown parameters: " . implode(', ', $unused));
		}

		$operation = [
			'operationId' => self::tagName($class) . '-' . strtolower(implode('-', preg_split('/(?=[A-Z])/', $method->getName()) ?: [])),
			'summary' => $doc['text'][0],
		];
		if (count($doc['text']) > 1) {
			$operation['description'] = implode("\n", array_slice($doc['text'], 1));
		}
		$operation['tags'] = [self::tagName($class)];
		$operation['security'] = [['bearer_auth' => []], ['basic_auth' => []]];
		$operation['parameters'] = [...$pathParameters, ...$query, [
			'name' => 'OCS-APIRequest',
			'in' => 'header',
			'description' => 'Required to be true for the API request to pass',
			'required' => true,
			'schema' => ['type' => 'boolean', 'default' => true],
		]];
		if ($body['properties'] !== []) {
			$operation['requestBody'] = [
				'required' => $body['required'] !== [],
				'content' => ['application/json' => ['schema' => array_filter(['type' => 'object'] + $body, static fn ($v) => $v !== [])]],
			];
		}
		$operation['responses'] = $this->responses($context, $doc, $isPublic, $isAdmin);
		return $operation;
	}

	/**
	 * The schema and description of a parameter: its @param type, else its PHP type.
	 *
	 * @param array{type: string, description: string}|null $tag
	 * @return array{0: array<string, mixed>, 1: string}
	 */
	private function parameterSchema(string $context, \ReflectionParameter $parameter, ?array $tag): array {
		$type = $tag['type'] ?? (string)$parameter->getType();
		if ($type === '' || $type === 'mixed') {
			throw new \RuntimeException("$context: \${$parameter->getName()} needs a @param with its type");
		}
		$schema = $this->types->parse($type);
		if ($parameter->isOptional() && $parameter->getDefaultValue() !== null) {
			$schema['default'] = $parameter->getDefaultValue();
		}
		return [TypeParser::ordered($schema), $tag['description'] ?? ''];
	}

	/**
	 * @param array{text: list<string>, params: array<string, array{type: string, description: string}>, returns: list<string>, throws: list<array{class: string, description: string}>, statuses: array<int, string>} $doc
	 * @return array<string, mixed>
	 */
	private function responses(string $context, array $doc, bool $isPublic, bool $isAdmin): array {
		/** @var array<int, list<array<string, mixed>>> $data */
		$data = [];
		foreach ($doc['returns'] as $return) {
			foreach (self::splitTopLevel($return, '|') as $response) {
				if (preg_match('/^DataResponse<(.*)>$/s', trim($response), $m) !== 1) {
					throw new \RuntimeException("$context: @return must be DataResponse<Http::STATUS_*, Type, array{}>, got $response");
				}
				[$statuses, $type] = self::splitTopLevel($m[1], ',');
				foreach (explode('|', $statuses) as $status) {
					$code = self::STATUS[trim(str_replace('Http::', '', $status))] ?? throw new \RuntimeException("$context: unknown status $status");
					$data[$code][] = $this->types->parse(trim($type));
				}
			}
		}
		$descriptions = $doc['statuses'];
		foreach ($doc['throws'] as $throws) {
			$class = 'OCA\PilotFeedback\Exception\\' . $throws['class'];
			if (!class_exists($class) || !is_subclass_of($class, 'OCA\PilotFeedback\Exception\DomainError')) {
				throw new \RuntimeException("$context: @throws {$throws['class']} is no DomainError of lib/Exception");
			}
			$code = (new \ReflectionClass($class))->newInstanceWithoutConstructor()->getStatus();
			// an error that answers more than the message names its schema in a constant SCHEMA
			$schema = defined($class . '::SCHEMA') ? (string)constant($class . '::SCHEMA') : 'ErrorMessage';
			$data[$code][] = ['$ref' => '#/components/schemas/' . $schema];
			if ($throws['description'] !== '') {
				$descriptions[$code] ??= $throws['description'];
			}
		}
		if (!$isPublic) {
			$data[401] ??= [[]];
			$descriptions[401] ??= 'Current user is not logged in';
		}
		if ($isAdmin) {
			$data[403] ??= [[]];
			$descriptions[403] ??= 'The user may not administer the app';
		}
		ksort($data);
		$responses = [];
		foreach ($data as $code => $schemas) {
			$schemas = array_values(array_unique($schemas, SORT_REGULAR));
			$responses[(string)$code] = [
				'description' => $descriptions[$code] ?? throw new \RuntimeException("$context: status $code needs a description line like '$code: ...'"),
				'content' => ['application/json' => ['schema' => [
					'type' => 'object',
					'required' => ['ocs'],
					'properties' => ['ocs' => [
						'type' => 'object',
						'required' => ['meta', 'data'],
						'properties' => [
							'meta' => ['$ref' => '#/components/schemas/OCSMeta'],
							// [] is any data: what Nextcloud itself answers to guests and non-admins
							'data' => count($schemas) === 1 ? ($schemas[0] ?: new \stdClass()) : ['anyOf' => $schemas],
						],
					]],
				]]],
			];
		}
		$unused = array_diff(array_keys($descriptions), array_keys($data));
		if ($unused !== []) {
			throw new \RuntimeException("$context: descriptions for statuses it never answers: " . implode(', ', $unused));
		}
		return $responses;
	}

	/**
	 * The parts of a method docblock the spec uses.
	 *
	 * @return array{text: list<string>, params: array<string, array{type: string, description: string}>, returns: list<string>, throws: list<array{class: string, description: string}>, statuses: array<int, string>}
	 */
	private static function parseDoc(string $doc): array {
		$result = ['text' => self::docText($doc), 'params' => [], 'returns' => [], 'throws' => [], 'statuses' => []];
		foreach (self::docLines($doc) as $line) {
			if (preg_match('/^(\d{3}): (.+)$/', $line, $m) === 1) {
				$result['statuses'][(int)$m[1]] = trim($m[2]);
			}
		}
		foreach (self::docTags($doc) as [$tag, $value]) {
			if ($tag === 'param' && preg_match('/^(.+?)\s+\$(\w+)\s*(.*)$/s', $value, $m) === 1) {
				$result['params'][$m[2]] = ['type' => $m[1], 'description' => trim((string)preg_replace('/\s+/', ' ', $m[3]))];
			} elseif ($tag === 'return') {
				$result['returns'][] = $value;
			} elseif ($tag === 'throws' && preg_match('/^(\S+)\s*(.*)$/s', $value, $m) === 1) {
				$result['throws'][] = ['class' => ltrim($m[1], '\\'), 'description' => trim((string)preg_replace('/\s+/', ' ', $m[2]))];
			}
		}
		return $result;
	}

	/** @return list<string> the docblock's lines without the comment markers */
	private static function docLines(string $doc): array {
		$doc = (string)preg_replace(['~^\s*/\*\*~', '~\*/\s*$~'], '', $doc);
		return array_map(static fn (string $line): string => rtrim((string)preg_replace('/^\s*\*\s?/', '', $line)), explode("\n", $doc));
	}

	/** @return list<string> the paragraphs of text before the first tag, each on one line */
	private static function docText(string $doc): array {
		$paragraphs = [];
		$current = [];
		foreach (self::docLines($doc) as $line) {
			if (str_starts_with(ltrim($line), '@') || preg_match('/^\d{3}: /', $line) === 1) {
				break;
			}
			if (trim($line) === '') {
				$paragraphs[] = $current;
				$current = [];
			} else {
				$current[] = trim($line);
			}
		}
		$paragraphs[] = $current;
		return array_values(array_map(static fn (array $p): string => implode(' ', $p), array_filter($paragraphs)));
	}

	/** @return list<array{0: string, 1: string}> each tag with its text; a tag runs until a blank line, a status line or the next tag */
	private static function docTags(string $doc): array {
		$tags = [];
		$open = false;
		foreach (self::docLines($doc) as $line) {
			if (preg_match('/^@([\w-]+)\s*(.*)$/', ltrim($line), $m) === 1) {
				$tags[] = [$m[1], $m[2]];
				$open = true;
			} elseif (trim($line) === '' || preg_match('/^\d{3}: /', $line) === 1) {
				$open = false;
			} elseif ($open) {
				$tags[array_key_last($tags)][1] .= "\n" . $line;
			}
		}
		return $tags;
	}

	/** @return list<string> $text split at $separator where it is not nested in <>, {} or () */
	private static function splitTopLevel(string $text, string $separator): array {
		$parts = [''];
		$depth = 0;
		foreach (str_split($text) as $char) {
			$depth += match ($char) {
				'<', '{', '(' => 1, '>', '}', ')' => -1, default => 0
			};
			if ($char === $separator && $depth === 0) {
				$parts[] = '';
			} else {
				$parts[array_key_last($parts)] .= $char;
			}
		}
		return $parts;
	}

	/** @param \ReflectionClass<object> $class */
	private static function tagName(\ReflectionClass $class): string {
		$name = substr($class->getShortName(), 0, -strlen('Controller'));
		return strtolower(implode('_', preg_split('/(?=[A-Z][^A-Z])/', $name, -1, PREG_SPLIT_NO_EMPTY) ?: []));
	}

	private static function schemaName(string $psalmType): string {
		return str_starts_with($psalmType, self::APP_PREFIX) ? substr($psalmType, strlen(self::APP_PREFIX)) : $psalmType;
	}
}
