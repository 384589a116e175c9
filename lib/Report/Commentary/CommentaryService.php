<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

use OCA\PilotFeedback\Db\ReportText;
use OCA\PilotFeedback\Db\ReportTextMapper;

/**
 * The consolidators' texts as report builders read them (ReportTextService writes them). The
 * request was checked before the report was made, so this asks no permission.
 */
class CommentaryService {
	public function __construct(
		private ReportTextMapper $texts,
	) {
	}

	/**
	 * The foreword and the component comments of one pilot for one report period; removed
	 * texts are absent.
	 *
	 * @param string $period a month (2026-11) or a quarter (2026-Q4)
	 */
	public function forReport(int $pilotId, string $period): ReportCommentary {
		$foreword = null;
		$components = [];
		foreach ($this->texts->findCurrent($pilotId, $period) as $text) {
			$body = $text->text();
			if ($body === '') {
				continue;
			}
			if ($text->getComponentId() === ReportText::FOREWORD) {
				$foreword = $body;
			} else {
				$components[$text->getComponentId()] = $body;
			}
		}
		return new ReportCommentary($foreword, $components);
	}
}
