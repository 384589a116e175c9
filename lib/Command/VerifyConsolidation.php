<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Command;

use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * occ pilotfeedback:consolidation:verify — recomputes the monthly totals that the consolidation
 * reads from the ratings, the monthly item totals (Item\ItemMonthTotals) from the items and
 * their history, and the ranking weights of the items (Item\RankingWeights) from their
 * supporters, and reports every difference; --repair then stores the recomputed ones.
 */
class VerifyConsolidation extends Command {
	/** Differences printed at most; the count is always printed. */
	private const SHOWN = 50;

	public function __construct(
		private MonthlyTotals $totals,
		private RankingWeights $weights,
		private ItemMonthTotals $itemTotals,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:consolidation:verify')
			->setDescription('Recomputes the monthly totals of the ratings and of the items, which the consolidation and the reports read, and the ranking weights of the items from the ratings, items and supporters and reports any difference (exit code 1)')
			->addOption('repair', null, InputOption::VALUE_NONE, 'Store the recomputed totals and weights when they differ');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$repair = (bool)$input->getOption('repair');
		$weights = $this->verifyWeights($repair, $output);
		$totals = $this->verifyTotals($input, $output);
		$itemTotals = $this->verifyItemTotals($repair, $output);
		return $weights === self::SUCCESS && $totals === self::SUCCESS ? $itemTotals : self::FAILURE;
	}

	/** The ranking weights stored on the items (Item\RankingWeights) against those computed from the supporters. */
	private function verifyWeights(bool $repair, OutputInterface $output): int {
		$started = microtime(true);
		$verified = $this->weights->verify($repair, self::SHOWN);
		if ($verified['differ'] === 0) {
			$output->writeln(sprintf('The ranking weights of the items equal their supporters (checked in %.1f s).', microtime(true) - $started));
			return self::SUCCESS;
		}
		foreach ($verified['described'] as $difference) {
			$output->writeln($difference);
		}
		$output->writeln(sprintf('<error>%d ranking weight(s) differ from the supporters.</error>', $verified['differ']));
		if (!$repair) {
			$output->writeln('Run it again with --repair to store the weights computed from the supporters.');
			return self::FAILURE;
		}
		$left = $this->weights->verify(false, 0)['differ'];
		$output->writeln($left === 0 ? 'Repaired: the ranking weights now equal the supporters.' : sprintf('<error>%d still differ after the repair.</error>', $left));
		return $left === 0 ? self::SUCCESS : self::FAILURE;
	}

	private function verifyTotals(InputInterface $input, OutputInterface $output): int {
		$started = microtime(true);
		$differences = $this->totals->verify();
		if ($differences === []) {
			$output->writeln(sprintf('The monthly totals equal the ratings (checked in %.1f s).', microtime(true) - $started));
			return self::SUCCESS;
		}
		foreach (array_slice($differences, 0, self::SHOWN) as $difference) {
			$output->writeln($difference);
		}
		$output->writeln(sprintf('<error>%d monthly total(s) differ from the ratings.</error>', count($differences)));
		if (!(bool)$input->getOption('repair')) {
			$output->writeln('Run it again with --repair to store the totals computed from the ratings.');
			return self::FAILURE;
		}
		$this->totals->rebuild();
		$left = count($this->totals->verify());
		$output->writeln($left === 0 ? 'Repaired: the monthly totals now equal the ratings.' : sprintf('<error>%d still differ after the repair.</error>', $left));
		return $left === 0 ? self::SUCCESS : self::FAILURE;
	}

	/** The monthly item totals (Item\ItemMonthTotals) against those counted from the items. */
	private function verifyItemTotals(bool $repair, OutputInterface $output): int {
		$started = microtime(true);
		$differences = $this->itemTotals->verify();
		if ($differences === []) {
			$output->writeln(sprintf('The monthly item totals equal the items (checked in %.1f s).', microtime(true) - $started));
			return self::SUCCESS;
		}
		foreach (array_slice($differences, 0, self::SHOWN) as $difference) {
			$output->writeln($difference);
		}
		$output->writeln(sprintf('<error>%d monthly item total(s) differ from the items.</error>', count($differences)));
		if (!$repair) {
			$output->writeln('Run it again with --repair to store the totals counted from the items.');
			return self::FAILURE;
		}
		$this->itemTotals->rebuild();
		$left = count($this->itemTotals->verify());
		$output->writeln($left === 0 ? 'Repaired: the monthly item totals now equal the items.' : sprintf('<error>%d still differ after the repair.</error>', $left));
		return $left === 0 ? self::SUCCESS : self::FAILURE;
	}
}
