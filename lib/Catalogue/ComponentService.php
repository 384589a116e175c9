<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\EntityState;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\ComponentCategory;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Components [Komponenten] and the pilots they are in.
 *
 * @psalm-import-type PilotFeedbackComponent from \OCA\PilotFeedback\ResponseDefinitions
 */
class ComponentService {
	public function __construct(
		private ComponentMapper $components,
		private PilotMapper $pilots,
		private LinkMapper $links,
		private TransactionRunner $transactions,
		private CatalogueNames $names,
		private ITimeFactory $time,
	) {
	}

	/** @return list<PilotFeedbackComponent> */
	public function list(bool $withArchived): array {
		return $this->serializeAll($this->components->findAll($withArchived));
	}

	/** @return PilotFeedbackComponent */
	public function get(int $id): array {
		return $this->serializeAll([$this->components->get($id)])[0];
	}

	/**
	 * @param array<string, mixed> $input name (English), nameDe, category, product, description (English), descriptionDe, pilotIds
	 * @return PilotFeedbackComponent
	 */
	public function create(array $input): array {
		$component = new Component();
		$component->setCreatedAt($this->time->getTime());
		return $this->save($component, $input);
	}

	/**
	 * Changes the fields given; a field left out keeps its value (partial update).
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackComponent
	 */
	public function update(int $id, array $input): array {
		$component = $this->components->get($id);
		return $this->save($component, [...$this->editable($component), ...$input]);
	}

	/**
	 * Archives the component; its ratings and items stay.
	 *
	 * @return PilotFeedbackComponent
	 */
	public function archive(int $id): array {
		return $this->serializeAll([$this->components->archive($id, $this->time->getTime())])[0];
	}

	/**
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackComponent
	 */
	private function save(Component $component, array $input): array {
		[$name, $nameDe] = BilingualInput::requiredLines($input, 'name', 'nameDe', 'Name', 'Name', 'Name (Deutsch)');
		if (!isset($input['category']) || $input['category'] === '') {
			throw new ValidationException('Every component needs a category: choose one of %1$s.', [implode(', ', ComponentCategory::values())]);
		}
		$category = Validator::oneOf($input['category'], 'Category', ComponentCategory::values());
		$product = Validator::optionalLine($input['product'] ?? null, 'Product');
		[$description, $descriptionDe] = BilingualInput::optionalTexts($input, 'description', 'descriptionDe', 'Description', 'Description (Deutsch)');
		$pilotIds = Validator::ids($input['pilotIds'] ?? null, 'Pilots');
		if (count($this->pilots->findByIds($pilotIds)) !== count($pilotIds)) {
			throw new ValidationException('Pilots: one of the chosen pilots does not exist.');
		}
		foreach ([[$name, 'name'], [$nameDe, 'name_de']] as [$taken, $column]) {
			if ($taken === null) {
				continue;
			}
			$existing = $this->components->findByName($taken, $column);
			if ($existing !== null && $existing->getId() !== $component->getId()) {
				throw new ValidationException('A component named "%1$s" already exists.', [$taken]);
			}
		}

		$component->setName($name);
		$component->setNameDe($nameDe);
		$component->setCategory($category);
		$component->setProduct($product);
		$component->setDescription($description);
		$component->setDescriptionDe($descriptionDe);
		if (array_key_exists('archived', $input)) {
			$component->setArchived(Validator::flag($input['archived'], 'Archived'));
		}
		$component->setUpdatedAt($this->time->getTime());

		$saved = $this->transactions->run(function () use ($component, $pilotIds): Component {
			$saved = EntityState::isNew($component) ? $this->components->insert(clone $component) : $this->components->update($component);
			$this->links->replaceLefts(Link::PilotComponents, $saved->getId(), $pilotIds);
			return $saved;
		});
		return $this->get($saved->getId());
	}

	/**
	 * The values an update starts from, keyed as the input.
	 *
	 * @return array<string, mixed>
	 */
	private function editable(Component $c): array {
		return [
			'name' => $c->getName(), 'nameDe' => $c->getNameDe(), 'category' => $c->getCategory(), 'product' => $c->getProduct(),
			'description' => $c->getDescription(), 'descriptionDe' => $c->getDescriptionDe(),
			'pilotIds' => $this->links->leftsByRight(Link::PilotComponents, [$c->getId()])[$c->getId()] ?? [],
		];
	}

	/**
	 * Name and description in the reader's language, and both languages for editing.
	 *
	 * @param list<Component> $components
	 * @return list<PilotFeedbackComponent>
	 */
	public function serializeAll(array $components): array {
		$pilotIds = $this->links->leftsByRight(Link::PilotComponents, array_map(static fn (Component $c): int => $c->getId(), $components));
		return array_map(fn (Component $c): array => [
			'id' => $c->getId(),
			'name' => $this->names->componentName($c),
			'nameEn' => $c->getName(),
			'nameDe' => $c->getNameDe() ?? '',
			'category' => ComponentCategory::from($c->getCategory())->value,
			'product' => $c->getProduct() ?? '',
			'description' => $this->names->componentDescription($c),
			'descriptionEn' => $c->getDescription() ?? '',
			'descriptionDe' => $c->getDescriptionDe() ?? '',
			'archived' => (bool)$c->getArchived(),
			'pilotIds' => $pilotIds[$c->getId()] ?? [],
		], $components);
	}
}
