<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Commentary;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\Link;
use OCA\PilotFeedback\Db\LinkMapper;
use OCA\PilotFeedback\Db\PilotMapper;
use OCA\PilotFeedback\Exception\ForbiddenException;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;

/**
 * Who reads and writes the consolidators' texts for reports, and what a request for one must
 * hold. They are read by those who make reports (consolidators; coordinators, whose reports
 * carry them too) and written by consolidators only; testers neither.
 */
class ReportTextRules {
	/** Longest text, in characters. */
	public const MAX_LENGTH = Validator::MAX_TEXT;

	public function __construct(
		private Policy $policy,
		private PilotMapper $pilots,
		private LinkMapper $links,
	) {
	}

	/** @throws ForbiddenException for testers and everyone else who makes no reports */
	public function requireReader(Actor $actor): void {
		$this->policy->require($this->policy->canViewConsolidation($actor), 'Only consolidators and the coordinators of an organisation read the texts for reports.');
	}

	/** @throws ForbiddenException for everyone but consolidators */
	public function requireWriter(Actor $actor): void {
		$this->policy->require($actor->isConsolidator, 'Only consolidators write the texts for reports.');
	}

	/**
	 * The text meant: the pilot must exist, the period be a month or a quarter, and a
	 * component belong to the pilot.
	 *
	 * @param mixed $componentId null for the foreword
	 * @throws NotFoundException unknown pilot
	 * @throws ValidationException bad period, or a component that is not the pilot's
	 */
	public function target(mixed $pilotId, mixed $period, mixed $componentId): ReportTextTarget {
		$pilot = $this->pilot($pilotId);
		$period = self::period($period);
		if ($componentId === null) {
			return new ReportTextTarget($pilot, $period, null);
		}
		$component = Validator::id($componentId, 'Component');
		$ofPilot = $this->links->rightsByLeft(Link::PilotComponents, [$pilot])[$pilot] ?? [];
		if (!in_array($component, $ofPilot, true)) {
			throw new ValidationException('The component with id %1$s is not part of the pilot with id %2$s. Choose one of the pilot\'s components.', [(string)$component, (string)$pilot]);
		}
		return new ReportTextTarget($pilot, $period, $component);
	}

	/** @throws NotFoundException */
	public function pilot(mixed $pilotId): int {
		$id = Validator::id($pilotId, 'Pilot');
		try {
			$this->pilots->get($id);
		} catch (NotFoundException) {
			throw new NotFoundException('No pilot with id %1$s exists.', [(string)$id]);
		}
		return $id;
	}

	/** A report period: a month like 2026-11 or a quarter like 2026-Q4. */
	public static function period(mixed $value): string {
		if (is_string($value) && preg_match('/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/D', $value) === 1) {
			return $value;
		}
		throw ValidationException::field('%1$s must be a month like 2026-11 or a quarter like 2026-Q4.', 'Period');
	}

	/**
	 * The Markdown of a text, trimmed; "" removes the text. HTML in it is kept as written and
	 * sanitised where it is shown.
	 */
	public static function body(mixed $value, string $field): string {
		$text = Validator::optionalText($value, $field, PHP_INT_MAX);
		$length = mb_strlen($text);
		if ($length > self::MAX_LENGTH) {
			throw ValidationException::field('%1$s is %2$s characters long; at most %3$s characters are allowed. Shorten it.', $field, self::number($length), self::number(self::MAX_LENGTH));
		}
		return $text;
	}

	/** The version the client edited: 0 when there was no text yet. */
	public static function version(mixed $value): int {
		return Validator::intInRange($value, 'Version', 0, 999999999);
	}

	private static function number(int $n): string {
		return number_format($n, 0, '', ' ');
	}
}
