<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\People;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\EntityState;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IGroupManager;
use OCP\IUserManager;

/**
 * Tester organisations [Testorganisationen]: their Nextcloud groups, coordinators and pilots.
 *
 * @psalm-import-type PilotFeedbackOrganisation from \OCA\PilotFeedback\ResponseDefinitions
 */
class OrganisationService {
	public function __construct(
		private OrganisationMapper $organisations,
		private PilotMapper $pilots,
		private LinkMapper $links,
		private IGroupManager $groupManager,
		private IUserManager $userManager,
		private TransactionRunner $transactions,
		private ITimeFactory $time,
	) {
	}

	/** @return list<PilotFeedbackOrganisation> */
	public function list(bool $withArchived): array {
		return $this->serializeAll($this->organisations->findAll($withArchived));
	}

	/** @return PilotFeedbackOrganisation */
	public function get(int $id): array {
		return $this->serializeAll([$this->organisations->get($id)])[0];
	}

	/**
	 * @param array<string, mixed> $input name, shortName, groupIds, coordinatorIds, pilotIds
	 * @return PilotFeedbackOrganisation
	 */
	public function create(array $input): array {
		$organisation = new Organisation();
		$organisation->setCreatedAt($this->time->getTime());
		return $this->save($organisation, $input);
	}

	/**
	 * Changes the fields given; a field left out keeps its value (partial update).
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackOrganisation
	 */
	public function update(int $id, array $input): array {
		$organisation = $this->organisations->get($id);
		return $this->save($organisation, [...$this->serializeAll([$organisation])[0], ...$input]);
	}

	/**
	 * Archives the organisation: its members lose their role, its feedback stays.
	 *
	 * @return PilotFeedbackOrganisation
	 */
	public function archive(int $id): array {
		return $this->serializeAll([$this->organisations->archive($id, $this->time->getTime())])[0];
	}

	/**
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackOrganisation
	 */
	private function save(Organisation $organisation, array $input): array {
		$name = Validator::requiredLine($input['name'] ?? null, 'Name');
		$shortName = Validator::requiredLine($input['shortName'] ?? null, 'Short name', 64);
		$groupIds = Validator::strings($input['groupIds'] ?? null, 'Groups');
		$coordinatorIds = Validator::strings($input['coordinatorIds'] ?? null, 'Coordinators');
		$pilotIds = Validator::ids($input['pilotIds'] ?? null, 'Pilots');

		foreach ($groupIds as $groupId) {
			if (!$this->groupManager->groupExists($groupId)) {
				throw new ValidationException('The group "%1$s" does not exist. Pick an existing Nextcloud group.', [$groupId]);
			}
		}
		$owners = $this->links->leftsByRight(Link::OrganisationGroups, $groupIds);
		foreach ($owners as $groupId => $orgIds) {
			if ($orgIds !== [$organisation->getId()]) {
				throw new ValidationException('The group "%1$s" already belongs to another organisation; a group can belong to one organisation only.', [(string)$groupId]);
			}
		}
		foreach ($coordinatorIds as $userId) {
			if (!$this->userManager->userExists($userId)) {
				throw new ValidationException('The user "%1$s" does not exist. Pick an existing Nextcloud user as coordinator.', [$userId]);
			}
		}
		if (count($this->pilots->findByIds($pilotIds)) !== count($pilotIds)) {
			throw new ValidationException('Pilots: one of the chosen pilots does not exist.');
		}
		$existing = $this->organisations->findByName($name);
		if ($existing !== null && $existing->getId() !== $organisation->getId()) {
			throw new ValidationException('An organisation named "%1$s" already exists.', [$name]);
		}

		$organisation->setName($name);
		$organisation->setShortName($shortName);
		if (array_key_exists('archived', $input)) {
			$organisation->setArchived(Validator::flag($input['archived'], 'Archived'));
		}
		$organisation->setUpdatedAt($this->time->getTime());

		$saved = $this->transactions->run(function () use ($organisation, $groupIds, $coordinatorIds, $pilotIds): Organisation {
			$saved = EntityState::isNew($organisation) ? $this->organisations->insert(clone $organisation) : $this->organisations->update($organisation);
			$this->links->replace(Link::OrganisationGroups, $saved->getId(), $groupIds);
			$this->links->replace(Link::OrganisationCoordinators, $saved->getId(), $coordinatorIds);
			$this->links->replace(Link::OrganisationPilots, $saved->getId(), $pilotIds);
			return $saved;
		});
		return $this->get($saved->getId());
	}

	/**
	 * @param list<Organisation> $organisations
	 * @return list<PilotFeedbackOrganisation>
	 */
	public function serializeAll(array $organisations): array {
		$ids = array_map(static fn (Organisation $o): int => $o->getId(), $organisations);
		$groups = $this->links->rightsByLeft(Link::OrganisationGroups, $ids);
		$coordinators = $this->links->rightsByLeft(Link::OrganisationCoordinators, $ids);
		$pilots = $this->links->rightsByLeft(Link::OrganisationPilots, $ids);
		return array_map(static fn (Organisation $o): array => [
			'id' => $o->getId(),
			'name' => $o->getName(),
			'shortName' => $o->getShortName(),
			'groupIds' => array_map(strval(...), $groups[$o->getId()] ?? []),
			'coordinatorIds' => array_map(strval(...), $coordinators[$o->getId()] ?? []),
			'pilotIds' => array_map(intval(...), $pilots[$o->getId()] ?? []),
			'archived' => (bool)$o->getArchived(),
		], $organisations);
	}
}
