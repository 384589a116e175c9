<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\CriterionMapper;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Model\Priority;
use OCP\IL10N;

/**
 * The names a report prints: of pilots, components, criteria and organisations (archived ones
 * included, since old figures may name them), and of types, priorities and statuses in the
 * report's language. Loaded once per report. Pilots, components and criteria are named in the
 * language set with useLanguage() (the report's, see ReportBuilder::build()), falling back to the
 * other language; without it, in the reader's language (CatalogueNames).
 */
class ReportLabels {
	/** @var array<int, string> */
	private array $pilots = [];
	/** @var array<int, string> */
	private array $components = [];
	/** @var array<int, string> */
	private array $criteria = [];
	/** @var array<int, string> */
	private array $organisations = [];
	private bool $loaded = false;
	private ?string $language = null;

	public function __construct(
		private PilotMapper $pilotMapper,
		private ComponentMapper $componentMapper,
		private CriterionMapper $criterionMapper,
		private OrganisationMapper $organisationMapper,
		private CatalogueNames $names,
	) {
	}

	/** Names pilots, components and criteria in this language (a code like 'de' or 'en_GB') from now on. */
	public function useLanguage(string $language): void {
		$language = CatalogueNames::languageOf($language);
		if ($language !== $this->language) {
			$this->language = $language;
			$this->loaded = false;
		}
	}

	public function pilot(int $id): string {
		$this->load();
		return $this->pilots[$id] ?? ('#' . $id);
	}

	public function component(int $id): string {
		$this->load();
		return $this->components[$id] ?? ('#' . $id);
	}

	public function criterion(int $id): string {
		$this->load();
		return $this->criteria[$id] ?? ('#' . $id);
	}

	public function organisation(int $id): string {
		$this->load();
		return $this->organisations[$id] ?? ('#' . $id);
	}

	// Types, priorities and statuses read as everywhere else in the app (Common\Labels).
	public function type(IL10N $l, string $type): string {
		return Labels::type($l, $type);
	}

	/** @param string $priority the API's name of a priority ('low' … 'critical') */
	public function priority(IL10N $l, string $priority): string {
		return in_array($priority, Priority::keys(), true)
			? Labels::priority($l, Priority::fromKey($priority)->value)
			: $priority;
	}

	public function status(IL10N $l, string $status): string {
		return Labels::status($l, $status);
	}

	private function load(): void {
		if ($this->loaded) {
			return;
		}
		$this->loaded = true;
		$language = $this->language ?? $this->names->readerLanguage();
		foreach ($this->pilotMapper->findAll(true) as $pilot) {
			/** @var Pilot $pilot */
			$this->pilots[$pilot->getId()] = $this->names->pilotTitle($pilot, $language);
		}
		foreach ($this->componentMapper->findAll(true) as $component) {
			/** @var Component $component */
			$this->components[$component->getId()] = $this->names->componentName($component, $language);
		}
		foreach ($this->criterionMapper->findAll(true) as $criterion) {
			/** @var Criterion $criterion */
			$this->criteria[$criterion->getId()] = $this->names->criterionName($criterion, $language);
		}
		foreach ($this->organisationMapper->findAll(true) as $organisation) {
			/** @var Organisation $organisation */
			$this->organisations[$organisation->getId()] = $organisation->getName();
		}
	}
}
