<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedbackDev\Seed;

use OCA\PilotFeedback\Catalogue\DefaultCatalogueService;
use OCA\PilotFeedback\Catalogue\PeriodService;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\People\OrganisationService;
use OCA\PilotFeedback\Settings\SettingsService;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IGroupManager;
use OCP\IUserManager;

/**
 * Demo data for a development server: the default catalogue, a consolidator (BMI), and for
 * RKI and BSH two testers and a coordinator each, their groups mapped, and an open period.
 * Existing accounts keep their passwords and settings; running it again changes nothing.
 */
class DemoSeeder {
	private const CONSOLIDATOR_GROUP = 'bmi-consolidators';

	public function __construct(
		private DefaultCatalogueService $defaults,
		private OrganisationService $organisationService,
		private PeriodMapper $periods,
		private PeriodService $periodService,
		private SettingsService $settings,
		private IUserManager $userManager,
		private IGroupManager $groupManager,
		private ITimeFactory $time,
	) {
	}

	/**
	 * @return list<array{0: string, 1: string}> user id and role of every demo account
	 */
	public function seed(string $password): array {
		$this->defaults->install();
		$accounts = [['bmi', 'Consolidator (BMI)']];
		$this->ensureUser('bmi', 'BMI Konsolidierung', $password, self::CONSOLIDATOR_GROUP);
		if ($this->settings->consolidatorGroup() === '') {
			$this->settings->update(self::CONSOLIDATOR_GROUP);
		}

		foreach (['RKI', 'BSH'] as $shortName) {
			$prefix = strtolower($shortName);
			$group = $prefix . '-testers';
			$users = [
				[$prefix . '-tester1', 'Tester 1 (' . $shortName . ')', $shortName . ' Tester 1'],
				[$prefix . '-tester2', 'Tester 2 (' . $shortName . ')', $shortName . ' Tester 2'],
				[$prefix . '-coord', 'Coordinator (' . $shortName . ')', $shortName . ' Koordination'],
			];
			foreach ($users as [$userId, $role, $displayName]) {
				$this->ensureUser($userId, $displayName, $password, $group);
				$accounts[] = [$userId, $role];
			}
			$this->mapOrganisation($shortName, $group, $prefix . '-coord');
		}

		$month = date('Y-m', $this->time->getTime());
		if ($this->periods->findByMonth($month) === null) {
			$this->periodService->create($month);
		}
		return $accounts;
	}

	private function ensureUser(string $userId, string $displayName, string $password, string $groupId): void {
		$user = $this->userManager->get($userId) ?? $this->userManager->createUser($userId, $password);
		if ($user === false) {
			throw new \RuntimeException('Could not create the demo user ' . $userId);
		}
		if ($user->getDisplayName() === $userId) {
			$user->setDisplayName($displayName);
		}
		$group = $this->groupManager->get($groupId) ?? $this->groupManager->createGroup($groupId);
		if ($group !== null && !$group->inGroup($user)) {
			$group->addUser($user);
		}
	}

	/** Maps the group and coordinator to the organisation unless an administrator already configured it. */
	private function mapOrganisation(string $shortName, string $group, string $coordinator): void {
		foreach ($this->organisationService->list(false) as $organisation) {
			if ($organisation['shortName'] === $shortName && $organisation['groupIds'] === [] && $organisation['coordinatorIds'] === []) {
				$input = $organisation;
				$input['groupIds'] = [$group];
				$input['coordinatorIds'] = [$coordinator];
				$this->organisationService->update($organisation['id'], $input);
			}
		}
	}
}
