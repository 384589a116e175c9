<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

use OCA\PilotFeedback\Db\ReportText;
use OCA\PilotFeedback\People\UserNames;

/**
 * The consolidators' texts as the API answers with them, with the names of who changed them.
 *
 * @psalm-import-type PilotFeedbackReportText from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTexts from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTextVersion from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportTextPresenter {
	public function __construct(
		private UserNames $names,
	) {
	}

	/**
	 * @param list<ReportText> $current the current version of each text of the pilot and period
	 * @return PilotFeedbackReportTexts
	 */
	public function texts(int $pilotId, string $period, array $current): array {
		$foreword = null;
		$components = [];
		foreach ($current as $text) {
			if ($text->getComponentId() === ReportText::FOREWORD) {
				$foreword = $text;
			} else {
				$components[] = $this->one($text->getComponentId(), $text);
			}
		}
		return ['pilotId' => $pilotId, 'period' => $period, 'foreword' => $this->one(null, $foreword), 'components' => $components];
	}

	/**
	 * One text as it is now; version 0 and no author when it was never written.
	 *
	 * @return PilotFeedbackReportText
	 */
	public function one(?int $componentId, ?ReportText $text): array {
		if ($text === null) {
			return ['componentId' => $componentId, 'body' => '', 'version' => 0, 'updatedBy' => null, 'updatedByName' => null, 'updatedAt' => null];
		}
		return [
			'componentId' => $componentId,
			'body' => $text->text(),
			'version' => $text->getVersion(),
			'updatedBy' => $this->names->id($text->getChangedBy()),
			'updatedByName' => $this->names->name($text->getChangedBy()),
			'updatedAt' => $text->getChangedAt(),
		];
	}

	/**
	 * @param list<ReportText> $versions newest first
	 * @return list<PilotFeedbackReportTextVersion>
	 */
	public function history(array $versions): array {
		return array_map(fn (ReportText $text): array => [
			'version' => $text->getVersion(),
			'body' => $text->text(),
			'changedBy' => $this->names->id($text->getChangedBy()),
			'changedByName' => $this->names->name($text->getChangedBy()),
			'changedAt' => $text->getChangedAt(),
		], $versions);
	}
}
