<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Command;

use OCA\PilotFeedbackDev\Seed\DemoActivitySeeder;
use OCA\PilotFeedbackDev\Seed\DemoSeeder;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * occ pilotfeedback:demo:seed — demo accounts, groups, organisation mapping and an open period;
 * with --activity also months of ratings, releases and items (for `make dev`, not the tests).
 */
class SeedDemo extends Command {
	public function __construct(
		private DemoSeeder $seeder,
		private DemoActivitySeeder $activity,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:demo:seed')
			->setDescription('Creates the demo accounts (a consolidator, and for RKI and BSH two testers and a coordinator each) and maps them; safe to run again')
			->addOption('password', null, InputOption::VALUE_REQUIRED, 'Password of every demo account (required: demo accounts never get a published password)')
			->addOption('activity', null, InputOption::VALUE_NONE, 'Also seed ratings, releases and items of the past months and the current one, so that the consolidation is not empty')
			->addOption('months', null, InputOption::VALUE_REQUIRED, 'With --activity: how many months before the current one (1 to 24)', '6');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$password = (string)$input->getOption('password');
		if ($password === '') {
			$output->writeln('<error>--password is required: the demo accounts include a consolidator, who sees every security finding, so they never get a default password. make dev passes one.</error>');
			return self::INVALID;
		}
		$months = (string)$input->getOption('months');
		if (!ctype_digit($months) || (int)$months < 1 || (int)$months > 24) {
			$output->writeln('<error>--months must be a whole number from 1 to 24, not "' . $months . '"</error>');
			return self::INVALID;
		}
		foreach ($this->seeder->seed($password) as [$userId, $role]) {
			$output->writeln(sprintf('%-14s %-40s %s', $userId, $role, $password));
		}
		if ($input->getOption('activity') === true) {
			$added = $this->activity->seed((int)$months);
			$output->writeln(sprintf('Demo activity: %d periods, %d ratings, %d releases, %d items added', $added['periods'], $added['ratings'], $added['releases'], $added['items']));
		}
		return self::SUCCESS;
	}
}
