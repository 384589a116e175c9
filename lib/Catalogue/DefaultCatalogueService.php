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
 * concept, their components, the rating criteria and the first two tester organisations.
 * Idempotent: a record that exists by name is left as it is, so a second run adds nothing.
 */
class DefaultCatalogueService {
	private const PILOTS = [
		'poc1' => ['PoC 1 File-Sharing & WebOffice', 'File sharing and web office in the browser.', 'active'],
		'poc2' => ['PoC 2 Messaging incl. Audio/Video', 'Messaging including audio and video conferencing.', 'active'],
		'poc3' => ['PoC 3 whole stack', 'The whole stack: file sharing, web office, messaging, groupware, identity provider and portal.', 'planned'],
	];

	/** name => [category, product, pilots] */
	private const COMPONENTS = [
		'Nextcloud' => ['filesharing', 'Nextcloud Hub', ['poc1', 'poc3']],
		'ownCloud' => ['filesharing', 'ownCloud', ['poc1', 'poc3']],
		'OnlyOffice' => ['weboffice', 'ONLYOFFICE Docs', ['poc1', 'poc3']],
		'Jitsi' => ['messaging', 'Jitsi Meet', ['poc2', 'poc3']],
		'Matrix/Element' => ['messaging', 'Element (Matrix)', ['poc2', 'poc3']],
		'Nextcloud Talk' => ['messaging', 'Nextcloud Talk', ['poc2', 'poc3']],
		'Open-Xchange' => ['groupware', 'OX App Suite', ['poc3']],
		'Keycloak' => ['identity', 'Keycloak', ['poc3']],
		'Portal' => ['portal', 'Workplace portal', ['poc3']],
	];

	private const CRITERIA = [
		'Usability' => 'How easy and pleasant the component is to use.',
		'Functionality' => 'Whether the component does what the work needs.',
		'Stability' => 'How reliably the component runs without errors or outages.',
		'Performance' => 'How fast the component responds under normal use.',
		'Accessibility' => 'How well the component serves people with disabilities (BITV 2.0).',
		'Integration' => 'How well the component works with the rest of the workplace.',
	];

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
	) {
	}

	/** Installs what is missing and returns how many records it created. */
	public function install(): int {
		$created = 0;
		$pilotIds = [];
		foreach (self::PILOTS as $key => [$title, $description, $status]) {
			$pilot = $this->pilots->findByName($title);
			if ($pilot === null) {
				$pilotIds[$key] = $this->pilotService->create(['title' => $title, 'description' => $description, 'status' => $status])['id'];
				$created++;
			} else {
				$pilotIds[$key] = $pilot->getId();
			}
		}
		foreach (self::COMPONENTS as $name => [$category, $product, $pilotKeys]) {
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
		foreach (self::CRITERIA as $name => $description) {
			$order += 10;
			if ($this->criteria->findByName($name) === null) {
				$this->criterionService->create(['name' => $name, 'description' => $description, 'sortOrder' => $order]);
				$created++;
			}
		}
		foreach (self::ORGANISATIONS as $name => $shortName) {
			if ($this->organisations->findByName($name) === null) {
				$this->organisationService->create(['name' => $name, 'shortName' => $shortName, 'pilotIds' => array_values($pilotIds)]);
				$created++;
			}
		}
		return $created;
	}
}
