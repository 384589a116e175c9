<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\People\OrganisationService;

/**
 * The default catalogue of the federal workplace pilot (seeds/000_*.txt): three proofs of
 * concept, their components, the rating criteria and the first two tester organisations, in
 * English and German (DefaultCatalogueTexts). Idempotent: a record that exists by name is left
 * as it is, except that its German texts are filled in where they are still empty.
 */
class DefaultCatalogueService {
	private const ORGANISATIONS = [
		'Robert Koch-Institut' => 'RKI',
		'Bundesamt für Seeschifffahrt und Hydrographie' => 'BSH',
	];

	public function __construct(
		private PilotMapper $pilots,
		private ComponentMapper $components,
		private CriterionMapper $criteria,
		private OrganisationMapper $organisations,
		private PilotService $pilotService,
		private ComponentService $componentService,
		private CriterionService $criterionService,
		private OrganisationService $organisationService,
		private GermanTextFiller $germanTexts,
	) {
	}

	/** Installs what is missing and returns how many records it created. */
	public function install(): int {
		return $this->installAll()['created'];
	}

	/**
	 * Installs what is missing and fills in the empty German texts of default records.
	 *
	 * @return array{created: int, translated: int}
	 */
	public function installAll(): array {
		$created = 0;
		$pilotIds = [];
		foreach (DefaultCatalogueTexts::PILOTS as $key => [$title, $titleDe, $description, $descriptionDe, $status]) {
			$pilot = $this->pilots->findByName($title) ?? $this->pilots->findByName($titleDe, 'title_de');
			if ($pilot === null) {
				$pilotIds[$key] = $this->pilotService->create(['title' => $title, 'titleDe' => $titleDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'status' => $status])['id'];
				$created++;
			} else {
				$pilotIds[$key] = $pilot->getId();
			}
		}
		foreach (DefaultCatalogueTexts::COMPONENTS as $name => [$category, $product, $pilotKeys]) {
			if ($this->components->findByName($name) === null) {
				$this->componentService->create([
					'name' => $name,
					'category' => $category,
					'product' => $product,
					'pilotIds' => array_map(static fn (string $k): int => $pilotIds[$k], $pilotKeys),
				]);
				$created++;
			}
		}
		$order = 0;
		foreach (DefaultCatalogueTexts::CRITERIA as $name => [$nameDe, $description, $descriptionDe]) {
			$order += 10;
			if ($this->criteria->findByName($name) === null && $this->criteria->findByName($nameDe, 'name_de') === null) {
				$this->criterionService->create(['name' => $name, 'nameDe' => $nameDe, 'description' => $description, 'descriptionDe' => $descriptionDe, 'sortOrder' => $order]);
				$created++;
			}
		}
		foreach (self::ORGANISATIONS as $name => $shortName) {
			if ($this->organisations->findByName($name) === null) {
				$this->organisationService->create(['name' => $name, 'shortName' => $shortName, 'pilotIds' => array_values($pilotIds)]);
				$created++;
			}
		}
		return ['created' => $created, 'translated' => $this->germanTexts->fill()];
	}
}
