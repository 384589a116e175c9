<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Command;

use OCA\PilotFeedback\Exception\ConflictException;
use OCA\PilotFeedbackDev\Seed\BenchSeeder;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/** occ pilotfeedback:bench:seed — synthetic items and assessments for scripts/bench.sh. */
class BenchSeed extends Command {
	public function __construct(
		private BenchSeeder $seeder,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:bench:seed')
			->setDescription('Inserts synthetic report items and assessments for the benchmark (not for production); refuses a second run unless --force')
			->addOption('items', null, InputOption::VALUE_REQUIRED, 'Number of report items', '20000')
			->addOption('assessments', null, InputOption::VALUE_REQUIRED, 'Number of assessments (each with a score per criterion), spread evenly over --months', '100000')
			->addOption('users', null, InputOption::VALUE_REQUIRED, 'Number of testers (accounts bench-user-NNNN), split evenly between the organisations', '200')
			->addOption('organisations', null, InputOption::VALUE_REQUIRED, 'Number of organisations: RKI and BSH, then synthetic ones (Bench organisation NN) in the pilots of RKI', '2')
			->addOption('months', null, InputOption::VALUE_REQUIRED, 'Number of closed past months the assessments are spread over', '12')
			->addOption('components', null, InputOption::VALUE_REQUIRED, 'Components each tester can rate a month, at least; 0 (default): as many as --assessments need. Give two sizes the same number to compare them on one catalogue', '0')
			->addOption('check', null, InputOption::VALUE_NONE, 'Only print how much bench data exists; exit code 0 if some does, 1 if none')
			->addOption('force', null, InputOption::VALUE_NONE, 'Delete the bench data of an earlier run and seed again');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		if ($input->getOption('check')) {
			$existing = $this->seeder->existing();
			$output->writeln(sprintf('Bench data: %d items, %d assessments.', $existing['items'], $existing['assessments']));
			return $existing['items'] > 0 ? self::SUCCESS : self::FAILURE;
		}
		$started = microtime(true);
		$numbers = [];
		foreach (['items' => 0, 'assessments' => 0, 'users' => 1, 'months' => 1, 'organisations' => 1, 'components' => 0] as $name => $min) {
			$value = (string)$input->getOption($name);
			if (!ctype_digit($value) || (int)$value < $min) {
				$output->writeln(sprintf('<error>--%s must be a whole number of at least %d.</error>', $name, $min));
				return self::INVALID;
			}
			$numbers[$name] = (int)$value;
		}

		try {
			$counts = $this->seeder->seed(
				$numbers['items'],
				$numbers['assessments'],
				$numbers['users'],
				(bool)$input->getOption('force'),
				static function (string $line) use ($output, $started): void {
					$output->writeln(sprintf('[%6.1f s] %s', microtime(true) - $started, $line), OutputInterface::VERBOSITY_VERBOSE);
				},
				$numbers['months'],
				$numbers['organisations'],
				$numbers['components'],
			);
		} catch (ConflictException $e) {
			$output->writeln('<error>' . $e->getMessage() . '</error>');
			return self::FAILURE;
		}
		$seconds = microtime(true) - $started;

		foreach ($counts as $table => $count) {
			$output->writeln(sprintf('%-22s %9d', $table, $count));
		}
		$output->writeln(sprintf('Bench data seeded in %.1f s, PHP peak memory %.1f MB.', $seconds, memory_get_peak_usage() / 1048576));
		$output->writeln(sprintf('The monthly totals were computed from the ratings in %d s.', $counts['seconds_monthly_totals'] ?? 0));
		if ($counts['pf_assessments'] < $numbers['assessments']) {
			$output->writeln(sprintf('<comment>Only %d of %d assessments fit; raise --users or --months.</comment>', $counts['pf_assessments'], $numbers['assessments']));
		}
		return self::SUCCESS;
	}
}
