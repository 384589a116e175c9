<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tools\OpenApi;

/**
 * Turns a psalm type (as written in docblocks) into an OpenAPI 3.0 schema, following
 * the conventions of Nextcloud's openapi-extractor:
 *
 * - int, string, bool, float, mixed; non-empty-string (minLength 1), positive-int,
 *   non-negative-int, int<min, max> (minimum/maximum)
 * - 'a'|'b' and 0|1 literal unions become enums; T|null and ?T become nullable
 * - list<T>, array<T>, T[] become arrays; array<string, T> an object with additionalProperties
 * - array{key: T, key?: T} an object with the keys without ? required
 * - A&B becomes allOf; a known type alias becomes a $ref to components/schemas
 *
 * Descriptions may carry `@format <format>`, `@pattern <regex>` and `@maxLength <n>`, which become
 * those keywords (psalm types cannot say them).
 */
final class TypeParser {
	/** The order of keywords in the schemas written out, as openapi-extractor writes them. */
	private const KEY_ORDER = ['$ref', 'type', 'format', 'nullable', 'default', 'enum', 'description', 'items',
		'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'required',
		'properties', 'additionalProperties', 'oneOf', 'anyOf', 'allOf'];

	/** @var list<string> */
	private array $tokens = [];
	private int $pos = 0;

	/**
	 * @param array<string, string> $aliases psalm type alias => its name in components/schemas
	 */
	public function __construct(
		private array $aliases = [],
	) {
	}

	/**
	 * The OpenAPI schema of a psalm type.
	 *
	 * @return array<string, mixed>
	 */
	public function parse(string $type): array {
		$this->tokens = self::tokenize($type);
		$this->pos = 0;
		$schema = $this->union();
		if ($this->pos < count($this->tokens)) {
			throw new \InvalidArgumentException("Unexpected '{$this->tokens[$this->pos]}' in type: $type");
		}
		return $schema;
	}

	/**
	 * Adds a description to a schema; `@format x`, `@pattern x` and `@maxLength n` in it become keywords.
	 *
	 * @param array<string, mixed> $schema
	 * @return array<string, mixed>
	 */
	public static function describe(array $schema, string $description): array {
		[$schema, $description] = self::annotate($schema, $description);
		if ($description !== '') {
			if (isset($schema['$ref'])) {
				// OpenAPI 3.0 ignores siblings of $ref, so the reference moves into allOf.
				$schema = ['allOf' => [['$ref' => $schema['$ref']]]];
			}
			$schema['description'] = $description;
		}
		return self::ordered($schema);
	}

	/**
	 * Moves `@format x`, `@pattern x` and `@maxLength n` from a description into the schema.
	 *
	 * @param array<string, mixed> $schema
	 * @return array{0: array<string, mixed>, 1: string} the schema and the rest of the description
	 */
	public static function annotate(array $schema, string $description): array {
		$description = preg_replace_callback('/@(format|pattern|maxLength)\s+(\S+)/', static function (array $m) use (&$schema): string {
			$schema[$m[1]] = $m[1] === 'maxLength' ? (int)$m[2] : $m[2];
			return '';
		}, $description) ?? $description;
		return [self::ordered($schema), trim((string)preg_replace('/\s+/', ' ', $description))];
	}

	/**
	 * The schema with its keywords in a fixed order, so that the generated file is stable.
	 *
	 * @param array<string, mixed> $schema
	 * @return array<string, mixed>
	 */
	public static function ordered(array $schema): array {
		uksort($schema, static fn (string $a, string $b): int => array_search($a, self::KEY_ORDER, true) <=> array_search($b, self::KEY_ORDER, true));
		return $schema;
	}

	/** @return list<string> */
	private static function tokenize(string $type): array {
		preg_match_all('~\'[^\']*\'|"[^"]*"|-?\d+|[A-Za-z_\\\\][\w\\\\-]*|\[\]|[{}<>,:?|&()]|\S~', $type, $matches);
		return $matches[0];
	}

	private function peek(): ?string {
		return $this->tokens[$this->pos] ?? null;
	}

	private function next(): string {
		$token = $this->tokens[$this->pos++] ?? throw new \InvalidArgumentException('Unexpected end of type');
		return $token;
	}

	private function expect(string $token): void {
		$actual = $this->next();
		if ($actual !== $token) {
			throw new \InvalidArgumentException("Expected '$token' but found '$actual'");
		}
	}

	/** A|B|null */
	private function union(): array {
		$parts = [$this->intersection()];
		while ($this->peek() === '|') {
			$this->next();
			$parts[] = $this->intersection();
		}
		if (count($parts) === 1) {
			return $parts[0];
		}
		$nullable = false;
		$types = [];
		foreach ($parts as $part) {
			if ($part === ['nullable' => true]) {
				$nullable = true;
			} elseif (!in_array($part, $types, true)) {
				$types[] = $part;
			}
		}
		if (count($types) > 1 && self::areEnumsOfOneType($types)) {
			// 'a'|'b' is read as two one-value enums: they become one enum
			$types = [['type' => $types[0]['type'], 'format' => $types[0]['format'] ?? null, 'enum' => array_merge(...array_column($types, 'enum'))]];
			$types[0] = array_filter($types[0], static fn ($v) => $v !== null);
		}
		$schema = count($types) === 1 ? $types[0] : ['anyOf' => $types];
		if ($nullable) {
			$schema = isset($schema['$ref']) ? ['allOf' => [$schema]] : $schema;
			$schema['nullable'] = true;
		}
		return self::ordered($schema);
	}

	/** @param non-empty-list<array<string, mixed>> $types */
	private static function areEnumsOfOneType(array $types): bool {
		foreach ($types as $type) {
			if (!isset($type['enum']) || $type['type'] !== $types[0]['type'] || array_diff(array_keys($type), ['type', 'format', 'enum']) !== []) {
				return false;
			}
		}
		return true;
	}

	/** A&B */
	private function intersection(): array {
		$parts = [$this->postfix()];
		while ($this->peek() === '&') {
			$this->next();
			$parts[] = $this->postfix();
		}
		return count($parts) === 1 ? $parts[0] : ['allOf' => $parts];
	}

	/** T[] */
	private function postfix(): array {
		$schema = $this->primary();
		while ($this->peek() === '[]') {
			$this->next();
			$schema = ['type' => 'array', 'items' => $schema];
		}
		return $schema;
	}

	private function primary(): array {
		$token = $this->next();
		if ($token === '?') {
			$schema = $this->primary();
			$schema = isset($schema['$ref']) ? ['allOf' => [$schema]] : $schema;
			return self::ordered($schema + ['nullable' => true]);
		}
		if ($token === '(') {
			$schema = $this->union();
			$this->expect(')');
			return $schema;
		}
		if ($token[0] === "'" || $token[0] === '"') {
			return ['type' => 'string', 'enum' => [substr($token, 1, -1)]];
		}
		if (preg_match('/^-?\d+$/', $token) === 1) {
			return ['type' => 'integer', 'format' => 'int64', 'enum' => [(int)$token]];
		}
		if ($this->peek() === '<') {
			return $this->generic($token);
		}
		if ($token === 'array' && $this->peek() === '{') {
			return $this->shape();
		}
		return $this->identifier($token);
	}

	/** list<T>, array<T>, array<string, T>, int<min, max> */
	private function generic(string $name): array {
		$this->expect('<');
		$args = [];
		if ($name === 'int') {
			do {
				$bound = $this->next();
				$args[] = in_array($bound, ['min', 'max'], true) ? null : (int)$bound;
			} while ($this->peek() === ',' && $this->next() === ',');
			$this->expect('>');
			return array_filter(['type' => 'integer', 'format' => 'int64', 'minimum' => $args[0] ?? null, 'maximum' => $args[1] ?? null], static fn ($v) => $v !== null);
		}
		$args[] = $this->union();
		while ($this->peek() === ',') {
			$this->next();
			$args[] = $this->union();
		}
		$this->expect('>');
		if (in_array($name, ['list', 'non-empty-list', 'array', 'non-empty-array'], true) && count($args) === 1) {
			return ['type' => 'array', 'items' => $args[0]] + (str_starts_with($name, 'non-empty') ? ['minItems' => 1] : []);
		}
		if ($name === 'array' && count($args) === 2 && ($args[0]['type'] ?? null) === 'string') {
			return ['type' => 'object', 'additionalProperties' => $args[1]];
		}
		throw new \InvalidArgumentException("Unsupported generic type $name<...>");
	}

	/** array{key: T, key?: T} */
	private function shape(): array {
		$this->expect('{');
		$required = [];
		$properties = [];
		while (($token = $this->next()) !== '}') {
			if ($token === ',') {
				continue;
			}
			$key = trim($token, '\'"');
			$optional = $this->peek() === '?';
			if ($optional) {
				$this->next();
			}
			$this->expect(':');
			$properties[$key] = $this->union();
			if (!$optional) {
				$required[] = $key;
			}
		}
		if ($properties === []) {
			// array{}: an empty object (like the headers of a DataResponse)
			return ['type' => 'object'];
		}
		return array_filter(['type' => 'object', 'required' => $required, 'properties' => $properties], static fn ($v) => $v !== []);
	}

	private function identifier(string $name): array {
		return match ($name) {
			'int', 'integer' => ['type' => 'integer', 'format' => 'int64'],
			'positive-int' => ['type' => 'integer', 'format' => 'int64', 'minimum' => 1],
			'non-negative-int' => ['type' => 'integer', 'format' => 'int64', 'minimum' => 0],
			'string', 'numeric-string' => ['type' => 'string'],
			'non-empty-string', 'non-falsy-string' => ['type' => 'string', 'minLength' => 1],
			'bool', 'boolean' => ['type' => 'boolean'],
			'true' => ['type' => 'boolean', 'enum' => [true]],
			'false' => ['type' => 'boolean', 'enum' => [false]],
			'float', 'double' => ['type' => 'number', 'format' => 'double'],
			'mixed' => [],
			'null' => ['nullable' => true],
			default => isset($this->aliases[$name])
				? ['$ref' => '#/components/schemas/' . $this->aliases[$name]]
				: throw new \InvalidArgumentException("Unknown type $name"),
		};
	}
}
