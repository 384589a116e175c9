<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Command;

use OCA\PilotFeedback\Service\DemoSeeder;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/** occ pilotfeedback:demo:seed — demo accounts, groups, organisation mapping and an open period. */
class SeedDemo extends Command {
	public function __construct(
		private DemoSeeder $seeder,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:demo:seed')
			->setDescription('Creates the demo accounts (a consolidator, and for RKI and BSH two testers and a coordinator each) and maps them; safe to run again')
			->addOption('password', null, InputOption::VALUE_REQUIRED, 'Password of every demo account', DemoSeeder::DEFAULT_PASSWORD);
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$password = (string)$input->getOption('password');
		foreach ($this->seeder->seed($password) as [$userId, $role]) {
			$output->writeln(sprintf('%-14s %-40s %s', $userId, $role, $password));
		}
		return self::SUCCESS;
	}
}
