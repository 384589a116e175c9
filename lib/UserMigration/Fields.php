<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\UserMigration;

/**
 * Typed reads of loosely typed rows: database rows (numbers may come as strings, booleans
 * as 0/1) and the decoded records of an export archive, which may come from an older
 * version or have been edited. A missing or unusable value reads as the given default.
 */
final class Fields {
	/** @param array<array-key, mixed> $row */
	public static function int(array $row, string $key, int $default = 0): int {
		return self::intOrNull($row, $key) ?? $default;
	}

	/** @param array<array-key, mixed> $row */
	public static function intOrNull(array $row, string $key): ?int {
		return self::asInt($row[$key] ?? null);
	}

	/** @param array<array-key, mixed> $row */
	public static function string(array $row, string $key, string $default = ''): string {
		return self::stringOrNull($row, $key) ?? $default;
	}

	/** @param array<array-key, mixed> $row */
	public static function stringOrNull(array $row, string $key): ?string {
		return self::asString($row[$key] ?? null);
	}

	/** @param array<array-key, mixed> $row */
	public static function bool(array $row, string $key, bool $default = false): bool {
		return self::asBool($row[$key] ?? null) ?? $default;
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return array<array-key, mixed> the part of the document under $key, [] when there is none
	 */
	public static function section(array $document, string $key): array {
		return self::asArray($document[$key] ?? null);
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return list<array<array-key, mixed>> the rows (arrays) listed under $key
	 */
	public static function rows(array $document, string $key): array {
		$section = self::section($document, $key);
		$rows = [];
		foreach (array_keys($section) as $index) {
			if (is_array($section[$index])) {
				$rows[] = self::asArray($section[$index]);
			}
		}
		return $rows;
	}

	/**
	 * @param array<array-key, mixed> $document
	 * @return array<int, string> a map of ids to strings listed under $key
	 */
	public static function map(array $document, string $key): array {
		$section = self::section($document, $key);
		$result = [];
		foreach (array_keys($section) as $id) {
			$value = self::asString($section[$id]);
			if ($value !== null && (is_int($id) || preg_match('/^\d{1,18}$/', $id) === 1)) {
				$result[(int)$id] = $value;
			}
		}
		return $result;
	}

	private static function asInt(mixed $value): ?int {
		return match (true) {
			is_int($value) => $value,
			is_string($value) && preg_match('/^-?\d{1,18}$/', $value) === 1 => (int)$value,
			is_bool($value) => (int)$value,
			default => null,
		};
	}

	private static function asString(mixed $value): ?string {
		return is_string($value) ? $value : (is_int($value) ? (string)$value : null);
	}

	private static function asBool(mixed $value): ?bool {
		return match (true) {
			is_bool($value) => $value,
			is_int($value) => $value !== 0,
			is_string($value) && in_array($value, ['1', 't', 'true'], true) => true,
			is_string($value) && in_array($value, ['0', 'f', 'false', ''], true) => false,
			default => null,
		};
	}

	/** @return array<array-key, mixed> */
	private static function asArray(mixed $value): array {
		return is_array($value) ? $value : [];
	}
}
