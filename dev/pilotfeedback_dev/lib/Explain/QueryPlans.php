<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Explain;

use OCP\DB\IResult;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IConfig;
use OCP\IDBConnection;
use OCP\IRequestId;
use OCP\Server;

/**
 * Captures the SQL a piece of code runs (through Nextcloud's query log, system config
 * query_log_file) and asks the database for each query's plan.
 *
 * @psalm-type QueryParams = array<array-key, scalar|array<array-key, mixed>|null> the logged parameters (JSON), by name
 */
class QueryPlans {
	private const LOG_KEYS = ['query_log_file', 'query_log_file_parameters', 'query_log_file_requestid'];

	public function __construct(
		private IDBConnection $db,
		private IConfig $config,
	) {
	}

	public function provider(): string {
		return $this->db->getDatabaseProvider();
	}

	/**
	 * Runs $work with the query log on and returns the distinct SELECTs on the app's tables
	 * it ran, in order. The log setting lives in config.php, so a server sharing it logs its
	 * requests too while $work runs; only the lines of this process (its request id) count,
	 * and the earlier settings are back before this returns.
	 *
	 * @param callable(): void $work
	 * @return list<array{sql: string, params: QueryParams}>
	 */
	public function capture(callable $work): array {
		$file = tempnam(sys_get_temp_dir(), 'pf-queries-');
		if ($file === false) {
			throw new \RuntimeException('Cannot create a temporary file for the query log');
		}
		$earlier = [];
		foreach (self::LOG_KEYS as $key) {
			/** @var scalar|null $value null when config.php does not set it */
			$value = $this->config->getSystemValue($key, null);
			$earlier[$key] = $value;
		}
		try {
			$this->config->setSystemValues(['query_log_file' => $file, 'query_log_file_parameters' => 'yes', 'query_log_file_requestid' => 'yes']);
			$work();
		} finally {
			// setSystemValues deletes the keys whose value is null
			$this->config->setSystemValues($earlier);
		}
		$requestId = Server::get(IRequestId::class)->getId();
		$queries = [];
		$seen = [];
		$handle = fopen($file, 'rb');
		while ($handle !== false && ($line = fgets($handle)) !== false) {
			$query = self::parse(rtrim($line, "\n"), $requestId);
			if ($query === null) {
				continue;
			}
			$key = $query['sql'] . json_encode($query['params']);
			if (!isset($seen[$key])) {
				$seen[$key] = true;
				$queries[] = $query;
			}
		}
		if ($handle !== false) {
			fclose($handle);
		}
		unlink($file);
		return $queries;
	}

	/**
	 * One line of the query log ("<request id>\t primary  <nesting> <sql>; <parameters as JSON>"),
	 * when it is a SELECT on the app's tables of this request.
	 *
	 * @return array{sql: string, params: QueryParams}|null
	 */
	private static function parse(string $line, string $requestId): ?array {
		if (!str_starts_with($line, $requestId . "\t")) {
			return null;
		}
		if (preg_match('/^\S+\t\s*(?:primary|replica)\s+\d+\s+(SELECT\s.*)$/s', $line, $m) !== 1) {
			return null;
		}
		$rest = $m[1];
		// The parameters are the JSON after the last "; " that decodes.
		for ($at = strrpos($rest, '; '); $at !== false; $at = $at > 0 ? strrpos(substr($rest, 0, $at), '; ') : false) {
			/** @var QueryParams|scalar|null $params json_decode(…, true) */
			$params = json_decode(substr($rest, $at + 2), true);
			if (is_array($params)) {
				$sql = substr($rest, 0, $at);
				return str_contains($sql, 'pf_') ? ['sql' => $sql, 'params' => $params] : null;
			}
		}
		return null;
	}

	/**
	 * The plan of a query: PostgreSQL EXPLAIN (ANALYZE, BUFFERS) (or plain EXPLAIN), SQLite
	 * EXPLAIN QUERY PLAN as an indented tree plus the time the query takes, EXPLAIN elsewhere.
	 *
	 * @param QueryParams $params
	 * @return array{lines: list<string>, ms: ?float}
	 */
	public function explain(string $sql, array $params, bool $analyze): array {
		$types = [];
		foreach ($params as $name => $value) {
			$types[$name] = match (true) {
				is_array($value) => array_filter($value, 'is_int') === $value ? IQueryBuilder::PARAM_INT_ARRAY : IQueryBuilder::PARAM_STR_ARRAY,
				is_int($value) => IQueryBuilder::PARAM_INT,
				is_bool($value) => IQueryBuilder::PARAM_BOOL,
				$value === null => IQueryBuilder::PARAM_NULL,
				default => IQueryBuilder::PARAM_STR,
			};
		}
		$provider = $this->db->getDatabaseProvider();
		if ($provider === IDBConnection::PLATFORM_POSTGRES) {
			$result = $this->query(($analyze ? 'EXPLAIN (ANALYZE, BUFFERS) ' : 'EXPLAIN ') . $sql, $params, $types);
			$lines = array_map(static fn (array $row): string => (string)reset($row), $result->fetchAll());
			$result->closeCursor();
			$ms = null;
			foreach ($lines as $line) {
				if (preg_match('/^Execution Time: ([0-9.]+) ms/', $line, $m) === 1) {
					$ms = (float)$m[1];
				}
			}
			return ['lines' => $lines, 'ms' => $ms];
		}
		if ($provider === IDBConnection::PLATFORM_SQLITE) {
			$result = $this->query('EXPLAIN QUERY PLAN ' . $sql, $params, $types);
			$depth = [0 => -1];
			$lines = [];
			foreach ($result->fetchAll() as $row) {
				$depth[(int)$row['id']] = ($depth[(int)$row['parent']] ?? -1) + 1;
				$lines[] = str_repeat('  ', $depth[(int)$row['id']]) . (string)$row['detail'];
			}
			$result->closeCursor();
			$started = microtime(true);
			$run = $this->query($sql, $params, $types);
			$rows = $run->fetchAll();
			$run->closeCursor();
			$ms = (microtime(true) - $started) * 1000;
			$lines[] = sprintf('(%d rows)', count($rows));
			return ['lines' => $lines, 'ms' => $ms];
		}
		$result = $this->query('EXPLAIN ' . $sql, $params, $types);
		$lines = array_map(static fn (array $row): string => (string)json_encode($row), $result->fetchAll());
		$result->closeCursor();
		return ['lines' => $lines, 'ms' => null];
	}

	/**
	 * Runs a query with the logged parameters. OCP documents executeQuery's parameters as
	 * string[], but the connection binds each one by its entry in $types (integers, booleans,
	 * null; arrays expand to lists), as it does for the query builder's parameters.
	 *
	 * @param QueryParams $params
	 * @param array<array-key, int|string> $types IQueryBuilder::PARAM_* by parameter name
	 */
	private function query(string $sql, array $params, array $types): IResult {
		/** @var array<array-key, string> $params the type OCP's docblock declares, see above */
		return $this->db->executeQuery($sql, $params, $types);
	}

	/** A short label of a query: its tables and what it groups by. */
	public static function summary(string $sql): string {
		preg_match_all('/(?:FROM|JOIN)\s+"?`?(\w+)"?`?\s+"?`?(\w+)?/i', $sql, $m);
		$tables = array_values(array_unique($m[1]));
		$group = preg_match('/GROUP BY (.+?)(?: ORDER BY| LIMIT| HAVING|$)/is', $sql, $g) === 1 ? ' GROUP BY ' . $g[1] : '';
		return '-- tables: ' . implode(', ', $tables) . mb_strimwidth($group, 0, 200, '…');
	}
}
