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
			->setDescription('Installs the default catalogue (pilots, components, criteria, organisations); a second run changes nothing');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$created = $this->defaults->install();
		$output->writeln(sprintf('Default catalogue installed: %d record(s) created.', $created));
		return self::SUCCESS;
	}
}
