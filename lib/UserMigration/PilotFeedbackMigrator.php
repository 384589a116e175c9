<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\UserMigration;

use OCA\PilotFeedback\AppInfo\Application;
use OCP\IL10N;
use OCP\IUser;
use OCP\UserMigration\IExportDestination;
use OCP\UserMigration\IImportSource;
use OCP\UserMigration\IMigrator;
use OCP\UserMigration\ISizeEstimationMigrator;
use OCP\UserMigration\TMigratorBasicVersionHandling;
use OCP\UserMigration\UserMigrationException;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * The app's part of Nextcloud's user migration (the user_migration app, installed from the
 * app store): a user's export carries their items, ratings, supports, comments and report
 * records as one JSON file (UserRecordsExporter), and an import restores them for the
 * account it is imported into (UserRecordsImporter). Registered in Application.
 */
class PilotFeedbackMigrator implements IMigrator, ISizeEstimationMigrator {
	use TMigratorBasicVersionHandling;

	/** The records' file inside the export archive. */
	public const PATH = Application::APP_ID . '/records.json';
	/** Tables with one row per record of the user, for the size estimate. */
	private const COUNTED = [['pf_items', 'reporter_id'], ['pf_assessments', 'user_id'], ['pf_supporters', 'user_id'], ['pf_history', 'user_id'], ['pf_reports', 'requested_by']];

	public function __construct(
		private UserRecordsExporter $exporter,
		private UserRecordsImporter $importer,
		private UserRecordsMapper $mapper,
		private IL10N $l,
	) {
		$this->version = UserRecordsExporter::FORMAT;
	}

	public function getId(): string {
		return Application::APP_ID;
	}

	public function getDisplayName(): string {
		return $this->l->t('Pilot Feedback');
	}

	public function getDescription(): string {
		return $this->l->t('Your feedback items, ratings, supports and comments, and the records of the reports you asked for.');
	}

	/** About half a KiB per record, a rating with its scores counted as two. */
	public function getEstimatedExportSize(IUser $user): int|float {
		$rows = 0;
		foreach (self::COUNTED as [$table, $column]) {
			$rows += $this->mapper->count($table, $column, $user->getUID()) * ($table === 'pf_assessments' ? 2 : 1);
		}
		return max(1, (int)ceil($rows / 2));
	}

	public function export(IUser $user, IExportDestination $exportDestination, OutputInterface $output): void {
		$output->writeln($this->l->t('Exporting the Pilot Feedback records into %1$s…', [self::PATH]));
		try {
			$json = json_encode($this->exporter->export($user->getUID()), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
			$exportDestination->addFileContents(self::PATH, $json);
		} catch (UserMigrationException $e) {
			throw $e;
		} catch (\Throwable $e) {
			throw new UserMigrationException('Could not export the Pilot Feedback records: ' . $e->getMessage(), 0, $e);
		}
	}

	public function import(IUser $user, IImportSource $importSource, OutputInterface $output): void {
		if ($importSource->getMigratorVersion($this->getId()) === null || !$importSource->pathExists(self::PATH)) {
			$output->writeln($this->l->t('The export holds no Pilot Feedback records.'));
			return;
		}
		$output->writeln($this->l->t('Importing the Pilot Feedback records from %1$s…', [self::PATH]));
		try {
			$document = json_decode($importSource->getFileContents(self::PATH), true, 64, JSON_THROW_ON_ERROR);
			if (!is_array($document) || !is_int($document['format'] ?? null) || $document['format'] > UserRecordsExporter::FORMAT) {
				throw new UserMigrationException('The Pilot Feedback records of this export are of an unknown format.');
			}
			$counts = $this->importer->import($user->getUID(), $document);
		} catch (UserMigrationException $e) {
			throw $e;
		} catch (\Throwable $e) {
			throw new UserMigrationException('Could not import the Pilot Feedback records: ' . $e->getMessage(), 0, $e);
		}
		$output->writeln($this->l->t('Imported %1$s items, %2$s ratings, %3$s supports, %4$s comments and %5$s report records.', [
			(string)$counts['items'], (string)$counts['assessments'], (string)$counts['supports'], (string)$counts['comments'], (string)$counts['reports'],
		]));
		if ($counts['skipped'] > 0) {
			$output->writeln($this->l->t('Left out %1$s records whose pilot, component, criterion, organisation, period or item does not exist on this server.', [(string)$counts['skipped']]));
		}
	}
}
