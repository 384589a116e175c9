<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Command;

use OCA\PilotFeedback\Report\ReportCadenceRunner;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * occ pilotfeedback:reports:cadence [--date=YYYY-MM-DD] — makes the reports of the admin's
 * cadence that are due on the date (default today) and not made yet, as the hourly background
 * job does; a second run for the same date makes nothing.
 */
class RunReportCadence extends Command {
	public function __construct(
		private ReportCadenceRunner $cadence,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:reports:cadence')
			->setDescription('Makes the scheduled reports that are due (as the background job does); a period\'s report is made once')
			->addOption('date', null, InputOption::VALUE_REQUIRED, 'Act as on this day (YYYY-MM-DD, UTC), e.g. to catch up');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		/** @var string|null $date */
		$date = $input->getOption('date');
		$now = time();
		if ($date !== null) {
			$parsed = \DateTimeImmutable::createFromFormat('!Y-m-d', $date, new \DateTimeZone('UTC'));
			if ($parsed === false || $parsed->format('Y-m-d') !== $date) {
				$output->writeln('<error>--date must be a day like 2026-12-01.</error>');
				return self::INVALID;
			}
			$now = $parsed->getTimestamp() + 12 * 3600;
		}
		$made = $this->cadence->run($now);
		foreach ($made as $report) {
			$output->writeln(sprintf('%s %s (pilot %s): %s', $report->getType(), $report->getPeriod(), $report->getPilotId() ?? 'all', $report->getStatus()));
		}
		$output->writeln(sprintf('%d report(s) made.', count($made)));
		return self::SUCCESS;
	}
}
