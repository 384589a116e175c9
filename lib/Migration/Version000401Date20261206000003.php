<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Migration;

use Closure;
use OCA\PilotFeedback\Db\ReportMapper;
use OCP\DB\ISchemaWrapper;
use OCP\Migration\IOutput;
use OCP\Migration\SimpleMigrationStep;

/**
 * Room in pf_reports.period for a data export of a range of months (2025-12--2026-11, ISO 8601's
 * interval with the double hyphen that file names allow) beside a month (2026-11) and a quarter
 * (2026-Q4). Existing rows keep their value.
 */
class Version000401Date20261206000003 extends SimpleMigrationStep {
	private const LENGTH = 32;

	public function changeSchema(IOutput $output, Closure $schemaClosure, array $options): ?ISchemaWrapper {
		/** @var ISchemaWrapper $schema */
		$schema = $schemaClosure();
		if (!$schema->hasTable(ReportMapper::TABLE)) {
			return null;
		}
		$column = $schema->getTable(ReportMapper::TABLE)->getColumn('period');
		if ($column->getLength() !== null && $column->getLength() >= self::LENGTH) {
			return null;
		}
		$column->setLength(self::LENGTH);
		return $schema;
	}
}
