<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Command;

use OCA\PilotFeedback\Catalogue\DefaultCatalogueService;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;

/** occ pilotfeedback:catalogue:install — the default catalogue, idempotent. */
class InstallCatalogue extends Command {
	public function __construct(
		private DefaultCatalogueService $defaults,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:catalogue:install')
			->setDescription('Installs the default catalogue (pilots, components, criteria, organisations) in English and German; fills in missing German texts of default records; a second run changes nothing');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$result = $this->defaults->installAll();
		$output->writeln(sprintf('Default catalogue installed: %d record(s) created, German texts added to %d record(s).', $result['created'], $result['translated']));
		return self::SUCCESS;
	}
}
