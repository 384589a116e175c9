<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\EntityState;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\Pilot;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\PilotStatus;
use OCP\AppFramework\Utility\ITimeFactory;

/**
 * Pilots [Erprobungen]: administrators create, edit and archive them.
 *
 * @psalm-import-type PilotFeedbackPilot from \OCA\PilotFeedback\ResponseDefinitions
 */
class PilotService {
	public function __construct(
		private PilotMapper $pilots,
		private ComponentMapper $components,
		private LinkMapper $links,
		private TransactionRunner $transactions,
		private CatalogueNames $names,
		private ITimeFactory $time,
	) {
	}

	/** @return list<PilotFeedbackPilot> */
	public function list(bool $withArchived): array {
		return $this->serializeAll($this->pilots->findAll($withArchived));
	}

	/** @return PilotFeedbackPilot */
	public function get(int $id): array {
		return $this->serializeAll([$this->pilots->get($id)])[0];
	}

	/**
	 * @param array<string, mixed> $input title (English), titleDe, description (English), descriptionDe, status, startDate, endDate, componentIds
	 * @return PilotFeedbackPilot
	 */
	public function create(array $input): array {
		$pilot = new Pilot();
		$pilot->setCreatedAt($this->time->getTime());
		return $this->save($pilot, $input);
	}

	/**
	 * Changes the fields given; a field left out keeps its value (partial update).
	 *
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackPilot
	 */
	public function update(int $id, array $input): array {
		$pilot = $this->pilots->get($id);
		return $this->save($pilot, [...$this->editable($pilot), ...$input]);
	}

	/**
	 * Archives the pilot: its items and ratings stay, it just leaves the lists.
	 *
	 * @return PilotFeedbackPilot
	 */
	public function archive(int $id): array {
		return $this->serializeAll([$this->pilots->archive($id, $this->time->getTime())])[0];
	}

	/**
	 * @param array<string, mixed> $input
	 * @return PilotFeedbackPilot
	 */
	private function save(Pilot $pilot, array $input): array {
		[$title, $titleDe] = BilingualInput::requiredLines($input, 'title', 'titleDe', 'Title', 'Title', 'Title (Deutsch)');
		[$description, $descriptionDe] = BilingualInput::optionalTexts($input, 'description', 'descriptionDe', 'Description', 'Description (Deutsch)');
		$status = Validator::oneOf($input['status'] ?? PilotStatus::Planned->value, 'Status', PilotStatus::values());
		$start = Validator::optionalDate($input['startDate'] ?? null, 'Start date');
		$end = Validator::optionalDate($input['endDate'] ?? null, 'End date');
		if ($start !== null && $end !== null && $end < $start) {
			throw new ValidationException('The end date must not be before the start date.');
		}
		$componentIds = Validator::ids($input['componentIds'] ?? null, 'Components');
		if (count($this->components->findByIds($componentIds)) !== count($componentIds)) {
			throw new ValidationException('Components: one of the chosen components does not exist.');
		}
		foreach ([[$title, 'title'], [$titleDe, 'title_de']] as [$taken, $column]) {
			if ($taken === null) {
				continue;
			}
			$existing = $this->pilots->findByName($taken, $column);
			if ($existing !== null && $existing->getId() !== $pilot->getId()) {
				throw new ValidationException('A pilot titled "%1$s" already exists.', [$taken]);
			}
		}

		$pilot->setTitle($title);
		$pilot->setTitleDe($titleDe);
		$pilot->setDescription($description);
		$pilot->setDescriptionDe($descriptionDe);
		$pilot->setStatus($status);
		$pilot->setStartDate($start);
		$pilot->setEndDate($end);
		if (array_key_exists('archived', $input)) {
			$pilot->setArchived(Validator::flag($input['archived'], 'Archived'));
		}
		$pilot->setUpdatedAt($this->time->getTime());

		$saved = $this->transactions->run(function () use ($pilot, $componentIds): Pilot {
			$saved = EntityState::isNew($pilot) ? $this->pilots->insert(clone $pilot) : $this->pilots->update($pilot);
			$this->links->replace(Link::PilotComponents, $saved->getId(), $componentIds);
			return $saved;
		});
		return $this->get($saved->getId());
	}

	/**
	 * The values an update starts from, keyed as the input.
	 *
	 * @return array<string, mixed>
	 */
	private function editable(Pilot $p): array {
		return [
			'title' => $p->getTitle(), 'titleDe' => $p->getTitleDe(), 'description' => $p->getDescription(), 'descriptionDe' => $p->getDescriptionDe(),
			'status' => $p->getStatus(), 'startDate' => $p->getStartDate(), 'endDate' => $p->getEndDate(),
			'componentIds' => array_map(intval(...), $this->links->rightsByLeft(Link::PilotComponents, [$p->getId()])[$p->getId()] ?? []),
		];
	}

	/**
	 * Title and description in the reader's language, and both languages for editing.
	 *
	 * @param list<Pilot> $pilots
	 * @return list<PilotFeedbackPilot>
	 */
	public function serializeAll(array $pilots): array {
		$componentIds = $this->links->rightsByLeft(Link::PilotComponents, array_map(static fn (Pilot $p): int => $p->getId(), $pilots));
		return array_map(fn (Pilot $p): array => [
			'id' => $p->getId(),
			'title' => $this->names->pilotTitle($p),
			'titleEn' => $p->getTitle(),
			'titleDe' => $p->getTitleDe() ?? '',
			'description' => $this->names->pilotDescription($p),
			'descriptionEn' => $p->getDescription() ?? '',
			'descriptionDe' => $p->getDescriptionDe() ?? '',
			'status' => PilotStatus::from($p->getStatus())->value,
			'startDate' => $p->getStartDate(),
			'endDate' => $p->getEndDate(),
			'archived' => (bool)$p->getArchived(),
			'componentIds' => array_map(intval(...), $componentIds[$p->getId()] ?? []),
		], $pilots);
	}
}
