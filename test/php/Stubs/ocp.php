<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// Stand-ins for the few OCP and PSR types that the unit-tested classes name, declared only
// when the real ones are not loaded: the same names, constants and the methods in use.

namespace OCP\DB {
	if (!class_exists(Exception::class)) {
		/** As lib/public/DB/Exception.php of Nextcloud. */
		class Exception extends \Exception {
			public const REASON_CONNECTION_LOST = 1;
			public const REASON_CONSTRAINT_VIOLATION = 2;
			public const REASON_DATABASE_OBJECT_EXISTS = 3;
			public const REASON_DATABASE_OBJECT_NOT_FOUND = 4;
			public const REASON_DEADLOCK = 5;
			public const REASON_DRIVER = 6;
			public const REASON_FOREIGN_KEY_VIOLATION = 7;
			public const REASON_INVALID_ARGUMENT = 8;
			public const REASON_INVALID_FIELD_NAME = 9;
			public const REASON_NON_UNIQUE_FIELD_NAME = 10;
			public const REASON_NOT_NULL_CONSTRAINT_VIOLATION = 11;
			public const REASON_SERVER = 12;
			public const REASON_SYNTAX_ERROR = 13;
			public const REASON_UNIQUE_CONSTRAINT_VIOLATION = 14;
			public const REASON_LOCK_WAIT_TIMEOUT = 15;

			public function getReason(): ?int {
				return null;
			}
		}
	}
}

namespace OCP {
	if (!interface_exists(IDBConnection::class)) {
		interface IDBConnection {
			public function beginTransaction(): void;

			public function inTransaction(): bool;

			public function commit(): void;

			public function rollBack(): void;
		}
	}
}

namespace Psr\Log {
	if (!interface_exists(LoggerInterface::class)) {
		interface LoggerInterface {
			public function emergency(string|\Stringable $message, array $context = []): void;

			public function alert(string|\Stringable $message, array $context = []): void;

			public function critical(string|\Stringable $message, array $context = []): void;

			public function error(string|\Stringable $message, array $context = []): void;

			public function warning(string|\Stringable $message, array $context = []): void;

			public function notice(string|\Stringable $message, array $context = []): void;

			public function info(string|\Stringable $message, array $context = []): void;

			public function debug(string|\Stringable $message, array $context = []): void;

			public function log($level, string|\Stringable $message, array $context = []): void;
		}
	}
}
