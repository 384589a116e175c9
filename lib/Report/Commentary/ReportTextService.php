<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

use OCA\PilotFeedback\Db\ReportText;
use OCA\PilotFeedback\Db\ReportTextMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\StaleVersionException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\DB\Exception as DbException;

/**
 * The consolidators' own words for a report of one pilot and period: a foreword and a comment
 * per component, in Markdown. A save names the version it edited; a save over someone else's
 * newer version is refused (409) with the current text. Every save is kept, so the history
 * shows who changed a text when; saving an empty text removes it (its history stays). The
 * texts are the consolidators' and never change a figure of the report.
 *
 * @psalm-import-type PilotFeedbackReportText from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTexts from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTextVersion from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportTextService {
	/** Most versions the history of one text lists. */
	public const HISTORY_LIMIT = 100;

	public function __construct(
		private ReportTextRules $rules,
		private ReportTextMapper $texts,
		private ReportTextPresenter $presenter,
		private ITimeFactory $time,
	) {
	}

	/**
	 * The foreword and the component comments of a pilot for a period.
	 *
	 * @return PilotFeedbackReportTexts
	 * @throws ForbiddenException|NotFoundException|ValidationException
	 */
	public function texts(Actor $actor, mixed $pilotId, mixed $period): array {
		$this->rules->requireReader($actor);
		$target = $this->rules->target($pilotId, $period, null);
		return $this->presenter->texts($target->pilotId, $target->period, $this->texts->findCurrent($target->pilotId, $target->period));
	}

	/**
	 * Saves the foreword ($componentId null) or a component's comment. Saving the text as it is
	 * writes nothing.
	 *
	 * @param mixed $version the version the user edited; 0 when there was no text yet
	 * @return PilotFeedbackReportText
	 * @throws ForbiddenException|NotFoundException|ValidationException
	 * @throws StaleVersionException when someone saved a newer version meanwhile
	 */
	public function save(Actor $actor, mixed $pilotId, mixed $period, mixed $componentId, mixed $body, mixed $version): array {
		$this->rules->requireWriter($actor);
		$target = $this->rules->target($pilotId, $period, $componentId);
		$body = ReportTextRules::body($body, $target->field());
		$version = ReportTextRules::version($version);

		$latest = $this->latest($target);
		if ($version !== ($latest?->getVersion() ?? 0)) {
			throw $this->stale($target, $latest);
		}
		if ($body === ($latest?->text() ?? '')) {
			return $this->presenter->one($target->componentId, $latest);
		}
		$text = new ReportText();
		$text->setPilotId($target->pilotId);
		$text->setPeriod($target->period);
		$text->setComponentId($target->storedComponentId());
		$text->setVersion($version + 1);
		$text->setBody($body);
		$text->setChangedBy($actor->userId);
		$text->setChangedAt($this->time->getTime());
		try {
			$this->texts->insert($text);
		} catch (DbException $e) {
			if ($e->getReason() !== DbException::REASON_UNIQUE_CONSTRAINT_VIOLATION) {
				throw $e;
			}
			// Another save of the same version came first.
			throw $this->stale($target, $this->latest($target));
		}
		return $this->presenter->one($target->componentId, $text);
	}

	/**
	 * Every saved version of one text, newest first (at most HISTORY_LIMIT), with who saved it when.
	 *
	 * @return list<PilotFeedbackReportTextVersion>
	 * @throws ForbiddenException|NotFoundException|ValidationException
	 */
	public function history(Actor $actor, mixed $pilotId, mixed $period, mixed $componentId): array {
		$this->rules->requireReader($actor);
		$target = $this->rules->target($pilotId, $period, $componentId);
		return $this->presenter->history($this->texts->findVersions($target->pilotId, $target->period, $target->storedComponentId(), self::HISTORY_LIMIT));
	}

	private function latest(ReportTextTarget $target): ?ReportText {
		return $this->texts->findLatest($target->pilotId, $target->period, $target->storedComponentId());
	}

	private function stale(ReportTextTarget $target, ?ReportText $current): StaleVersionException {
		$current = $this->presenter->one($target->componentId, $current);
		$by = $current['updatedByName'];
		if ($by === null) {
			return StaleVersionException::with($current, 'This text was removed meanwhile. Save again to write yours.');
		}
		return StaleVersionException::with($current, 'This text was changed meanwhile by %1$s. Its current version is shown; save again to overwrite it with yours.', [$by]);
	}
}
