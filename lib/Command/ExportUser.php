<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Command;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\People\UserDataExporter;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\ConsoleOutputInterface;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * occ pilotfeedback:user:export USER — every record the app keeps about a user, as JSON (GDPR
 * Art. 15). Beside the user migration (lib/UserMigration/, which needs the user_migration app
 * from the app store) it answers an access request in one file without that app, and holds
 * what a migration does not carry (roles, attachments, releases, settings).
 */
class ExportUser extends Command {
	public function __construct(
		private UserDataExporter $exporter,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:user:export')
			->setDescription('Writes every record Pilot Feedback keeps about a user as JSON (GDPR Art. 15)')
			->addArgument('user', InputArgument::REQUIRED, 'The user id')
			->addOption('output', 'o', InputOption::VALUE_REQUIRED, 'Write to this file instead of standard output');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$errors = $output instanceof ConsoleOutputInterface ? $output->getErrorOutput() : $output;
		try {
			$data = $this->exporter->export((string)$input->getArgument('user'));
		} catch (NotFoundException $e) {
			$errors->writeln('<error>' . $e->getMessage() . '</error> Check the id with occ user:list.');
			return self::FAILURE;
		}
		$json = json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
		/** @var string|null $file */
		$file = $input->getOption('output');
		if (is_string($file) && $file !== '') {
			if (file_put_contents($file, $json . "\n") === false) {
				$errors->writeln('<error>Could not write ' . $file . '.</error>');
				return self::FAILURE;
			}
			$errors->writeln('Written to ' . $file);
			return self::SUCCESS;
		}
		$output->writeln($json, OutputInterface::OUTPUT_RAW);
		return self::SUCCESS;
	}
}
