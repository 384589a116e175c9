<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Command;

use OCA\PilotFeedback\Consolidation\ConsolidationService;
use OCA\PilotFeedback\Consolidation\ItemsOverviewService;
use OCA\PilotFeedbackDev\Explain\QueryPlans;
use OCP\IUserManager;
use OCP\IUserSession;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * occ pilotfeedback:bench:explain — the query plans of the consolidation endpoints.
 *
 * Runs what GET /consolidation/{results,trend,participation,items} run (the same services, as
 * the given user, in this process) with Nextcloud's query log on (system config
 * query_log_file, with parameters and request id; switched on for this process's calls only
 * and restored at once), then asks the database for the plan of every SELECT on the app's
 * tables: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite (with the
 * time the query took when run again), EXPLAIN on MariaDB/MySQL.
 */
class BenchExplain extends Command {
	private const ENDPOINTS = ['results', 'trend', 'participation', 'items'];
	/** The item list's text search and the title suggestions, with --q (not in the default set). */
	private const ITEM_ENDPOINTS = ['search', 'suggestions'];

	public function __construct(
		private IUserManager $userManager,
		private IUserSession $userSession,
		private QueryPlans $plans,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('pilotfeedback:bench:explain')
			->setDescription('Prints the query plan (EXPLAIN) of every SQL query the consolidation endpoints run for a range (development only)')
			->addOption('user', null, InputOption::VALUE_REQUIRED, 'Run as this user (a consolidator or coordinator)', 'bmi')
			->addOption('pilot', null, InputOption::VALUE_REQUIRED, 'Pilot id', '1')
			->addOption('month', null, InputOption::VALUE_REQUIRED, 'One month, like 2026-03')
			->addOption('quarter', null, InputOption::VALUE_REQUIRED, 'One quarter, like 2026-Q1')
			->addOption('from', null, InputOption::VALUE_REQUIRED, 'First month of a range (with --to)')
			->addOption('to', null, InputOption::VALUE_REQUIRED, 'Last month of a range (with --from)')
			->addOption('organisation', null, InputOption::VALUE_REQUIRED, 'Only this organisation (organisationId)')
			->addOption('released-only', null, InputOption::VALUE_NONE, 'Only released feedback (releasedOnly=true)')
			->addOption('endpoint', null, InputOption::VALUE_REQUIRED, 'Comma-separated: results, trend, participation, items; or search, suggestions (with --q)', implode(',', self::ENDPOINTS))
			->addOption('q', null, InputOption::VALUE_REQUIRED, 'The text of search and suggestions (100 items per page for search)', 'sharing link')
			->addOption('no-analyze', null, InputOption::VALUE_NONE, 'PostgreSQL: plain EXPLAIN (estimates, without running the query)')
			->addOption('sql', null, InputOption::VALUE_NONE, 'Print each query\'s SQL with its parameters too')
			->addOption('min-ms', null, InputOption::VALUE_REQUIRED, 'Print only the queries that took at least this many milliseconds (SQLite: run again; PostgreSQL: the execution time of EXPLAIN ANALYZE)', '0');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$user = $this->userManager->get((string)$input->getOption('user'));
		if ($user === null) {
			$output->writeln('<error>No such user.</error>');
			return self::INVALID;
		}
		$endpoints = array_values(array_filter(explode(',', (string)$input->getOption('endpoint'))));
		foreach ($endpoints as $endpoint) {
			if (!in_array($endpoint, [...self::ENDPOINTS, ...self::ITEM_ENDPOINTS], true)) {
				$output->writeln(sprintf('<error>Unknown endpoint %s; use %s.</error>', $endpoint, implode(', ', [...self::ENDPOINTS, ...self::ITEM_ENDPOINTS])));
				return self::INVALID;
			}
		}
		$this->userSession->setUser($user);
		// The services come after the user: ActorFactory reads the session.
		$consolidation = \OCP\Server::get(ConsolidationService::class);
		$overview = \OCP\Server::get(ItemsOverviewService::class);
		$items = \OCP\Server::get(\OCA\PilotFeedback\Item\ItemReader::class);
		$text = (string)$input->getOption('q');
		$actor = \OCP\Server::get(\OCA\PilotFeedback\People\ActorFactory::class)->current();
		$released = $input->getOption('released-only') ? true : null;
		$args = [$input->getOption('pilot'), $input->getOption('month'), $input->getOption('quarter'), $input->getOption('from'), $input->getOption('to')];
		/** @var ?string $organisation a VALUE_REQUIRED option without default */
		$organisation = $input->getOption('organisation');

		$analyze = !$input->getOption('no-analyze');
		foreach ($endpoints as $endpoint) {
			$queries = $this->plans->capture(function () use ($endpoint, $consolidation, $overview, $items, $text, $actor, $args, $released, $organisation): void {
				if (in_array($endpoint, self::ITEM_ENDPOINTS, true)) {
					$endpoint === 'search' ? $items->list($actor, ['q' => $text, 'limit' => 100]) : $items->suggestions($actor, $text, 5);
					return;
				}
				$scope = $consolidation->scope($actor, ...[...$args, $endpoint === 'items' ? null : $released, $organisation]);
				match ($endpoint) {
					'results' => $consolidation->results($actor, $scope),
					'trend' => $consolidation->trend($actor, $scope),
					'participation' => $consolidation->participation($actor, $scope),
					'items' => $overview->overview($actor, $scope),
				};
			});
			$output->writeln(sprintf('=== %s (%s): %d queries on the app\'s tables, database %s', $endpoint, $this->describe($input), count($queries), $this->plans->provider()));
			foreach ($queries as $k => $query) {
				$plan = $this->plans->explain($query['sql'], $query['params'], $analyze);
				if ($plan['ms'] !== null && $plan['ms'] < (float)$input->getOption('min-ms')) {
					continue;
				}
				$output->writeln('');
				$output->writeln(sprintf('--- %s query %d of %d%s', $endpoint, $k + 1, count($queries), $plan['ms'] === null ? '' : sprintf(' (%.1f ms)', $plan['ms'])));
				if ($input->getOption('sql')) {
					$output->writeln($query['sql']);
					$output->writeln('-- parameters: ' . json_encode($query['params']));
				} else {
					$output->writeln(QueryPlans::summary($query['sql']));
				}
				foreach ($plan['lines'] as $line) {
					$output->writeln($line);
				}
			}
			$output->writeln('');
		}
		return self::SUCCESS;
	}

	private function describe(InputInterface $input): string {
		$parts = ['pilot ' . (string)$input->getOption('pilot')];
		foreach (['month', 'quarter', 'from', 'to', 'organisation'] as $name) {
			if ($input->getOption($name) !== null) {
				$parts[] = $name . ' ' . (string)$input->getOption($name);
			}
		}
		if ($input->getOption('released-only')) {
			$parts[] = 'released only';
		}
		return implode(', ', $parts);
	}
}
