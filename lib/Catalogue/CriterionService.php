<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\EntityState;
use OCA\PilotFeedback\Exception\ValidationException;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Criteria [Kriterien] that assessments score.
 *
 * @psalm-import-type PilotFeedbackCriterion from \OCA\PilotFeedback\ResponseDefinitions
 */
class CriterionService {
	public function __construct(
		private CriterionMapper $criteria,
		private CatalogueNames $names,
		private ITimeFactory $time,
	) {
	}

	/** @return list<PilotFeedbackCriterion> */
	public function list(bool $withArchived): array {
		return array_map($this->serialize(...), $this->criteria->findAll($withArchived));
	}

	/**
	 * @param array<string, mixed> $input name (English), nameDe, description (English), descriptionDe, sortOrder
	 * @return PilotFeedbackCriterion
	 */
	public function create(array $input): array {
		$criterion = new Criterion();
		$criterion->setCreatedAt($this->time->getTime());
		return $this->save($criterion, $input);
	}

	/**
	 * Changes the fields given; a field left out keeps its value (partial update).
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackCriterion
	 */
	public function update(int $id, array $input): array {
		$criterion = $this->criteria->get($id);
		return $this->save($criterion, [...$this->editable($criterion), ...$input]);
	}

	/**
	 * Archives the criterion; scores given for it stay.
	 *
	 * @return PilotFeedbackCriterion
	 */
	public function archive(int $id): array {
		return $this->serialize($this->criteria->archive($id, $this->time->getTime()));
	}

	/**
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackCriterion
	 */
	private function save(Criterion $criterion, array $input): array {
		[$name, $nameDe] = BilingualInput::requiredLines($input, 'name', 'nameDe', 'Name', 'Name', 'Name (Deutsch)');
		[$description, $descriptionDe] = BilingualInput::optionalTexts($input, 'description', 'descriptionDe', 'Description', 'Description (Deutsch)');
		foreach ([[$name, 'name'], [$nameDe, 'name_de']] as [$taken, $column]) {
			if ($taken === null) {
				continue;
			}
			$existing = $this->criteria->findByName($taken, $column);
			if ($existing !== null && $existing->getId() !== $criterion->getId()) {
				throw new ValidationException('A criterion named "%1$s" already exists.', [$taken]);
			}
		}
		$criterion->setName($name);
		$criterion->setNameDe($nameDe);
		$criterion->setDescription($description);
		$criterion->setDescriptionDe($descriptionDe);
		$criterion->setSortOrder(Validator::intInRange($input['sortOrder'] ?? 0, 'Sort order', 0, 10000));
		if (array_key_exists('archived', $input)) {
			$criterion->setArchived(Validator::flag($input['archived'], 'Archived'));
		}
		$criterion->setUpdatedAt($this->time->getTime());
		$saved = EntityState::isNew($criterion) ? $this->criteria->insert($criterion) : $this->criteria->update($criterion);
		return $this->serialize($saved);
	}

	/**
	 * The texts an update starts from, keyed as the input.
	 *
	 * @return array<string, mixed>
	 */
	private function editable(Criterion $c): array {
		return ['name' => $c->getName(), 'nameDe' => $c->getNameDe(), 'description' => $c->getDescription(), 'descriptionDe' => $c->getDescriptionDe(), 'sortOrder' => $c->getSortOrder()];
	}

	/**
	 * Name and description in the reader's language, and both languages for editing.
	 *
	 * @return PilotFeedbackCriterion
	 */
	public function serialize(Criterion $c): array {
		return [
			'id' => $c->getId(),
			'name' => $this->names->criterionName($c),
			'description' => $this->names->criterionDescription($c),
			'nameEn' => $c->getName(),
			'nameDe' => $c->getNameDe() ?? '',
			'descriptionEn' => $c->getDescription() ?? '',
			'descriptionDe' => $c->getDescriptionDe() ?? '',
			'sortOrder' => $c->getSortOrder(),
			'archived' => (bool)$c->getArchived(),
		];
	}
}
